import TextGrid

/// What the commands answered, newest at the bottom, over a scrollback of the last
/// `AppState.scrollback` lines.
///
/// Each line is laid out by `PaneRow.printed`: prose and equations wrap by tokens, tables and
/// plots are shown as written and scroll sideways with ←/→. The pane's scroll position counts rows up from the newest one, and only as many lines as
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
    return PaneRow.printed(g.text(line.text), style: style, width: width, glyphs: g)
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
