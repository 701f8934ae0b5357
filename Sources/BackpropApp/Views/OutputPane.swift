import TextGrid

/// What the commands answered, newest at the bottom, over a scrollback of the last
/// `AppState.scrollback` lines.
///
/// Prose answers wrap by words (numbers and names are never split; an indented line keeps its
/// indent on the next row). Lines laid out in columns (tables, plots: a run of two spaces after
/// the indent, or drawing characters) are shown as written and scroll sideways with ←/→ instead.
/// The pane's scroll position counts rows up from the newest one, and only as many lines as
/// that position needs are wrapped, so a frame costs the same however long the session.
enum OutputPane {
  /// The last rows of the output, at least `count` of them when there are that many (fewer
  /// only when the output is shorter), and how many output lines lie above them unwrapped.
  static func tail(_ state: AppState, width: Int, count: Int) -> (rows: [PaneRow], linesAbove: Int)
  {
    var chunks: [[PaneRow]] = []
    var collected = 0
    var k = state.output.count
    while k > 0, collected < count {
      k -= 1
      let piece = rows(of: state.output[k], state, width: width)
      chunks.append(piece)
      collected += piece.count
    }
    return (chunks.reversed().flatMap { $0 }, k)
  }

  static func rows(of line: AppState.OutputLine, _ state: AppState, width: Int) -> [PaneRow] {
    let g = state.glyphs
    let style: CellStyle
    switch line.kind {
    case .command: style = .bold
    case .output: style = .plain
    case .error: style = state.colors ? [.bold, .red] : .bold
    }
    let text = g.text(line.text)
    // No character is wider than its UTF-8 bytes, so a short line fits without measuring it.
    if text.utf8.count <= width || text.displayWidth <= width {
      return [PaneRow(text: text, style: style, isDisplay: false)]
    }
    if isLaidOut(text) { return [PaneRow(text: text, style: style, isDisplay: true)] }
    return TextWrap.wrap(text, width: width, ellipsis: g.text("…")).map {
      PaneRow(text: $0, style: style, isDisplay: false)
    }
  }

  /// A table or a plot: columns made with runs of spaces, or drawing characters.
  static func isLaidOut(_ text: String) -> Bool {
    let body = text.drop { $0 == " " }
    if body.contains("  ") { return true }
    return body.unicodeScalars.contains { (0x2500...0x28FF).contains($0.value) || $0 == "|" }
  }

  /// The largest useful scroll position (rows up from the newest) for a pane of this size,
  /// looking no further back than `limit` rows.
  static func maxOffset(_ state: AppState, width: Int, height: Int, limit: Int) -> Int {
    let rows = tail(state, width: width, count: limit + height).rows.count
    return max(0, min(limit, rows - height))
  }

  static func render(_ state: AppState, width: Int, height: Int) -> PaneBody {
    var grid = TextGrid(width: width, height: height)
    let g = state.glyphs
    guard !state.output.isEmpty else {
      let hint = TextWrap.wrap(
        g.text(
          "Commands and their answers appear here. Try `help`, `forward`, `explain δ_5`, `show`."),
        width: width)
      for (k, row) in hint.prefix(height).enumerated() {
        grid.put(row, x: 0, y: k, style: .dim)
      }
      return PaneBody(grid)
    }
    let offset = max(0, state.scroll[.output] ?? 0)
    let (rows, linesAbove) = tail(state, width: width, count: offset + height)
    let view = Viewport(
      total: rows.count, height: height, scroll: max(0, rows.count - height - offset),
      anchorAtEnd: true)
    var body = PaneBody(
      rows: rows[view.range], width: width, height: height, viewport: view,
      shift: state.horizontalScroll[.output] ?? 0)
    body.above += linesAbove
    return body
  }
}
