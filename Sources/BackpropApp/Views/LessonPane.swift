import TextGrid

/// The lesson's current page: prose wrapped to the pane, commands and their output as printed,
/// the question and its feedback. A page longer than the pane scrolls (PgUp/PgDn); by default
/// it shows the top of a new page, and the end of it while a question waits for its answer.
enum LessonPane {
  static func rows(_ state: AppState, width: Int) -> [(String, CellStyle)] {
    let g = state.glyphs
    var rows: [(String, CellStyle)] = []
    for (text, kind) in state.lessons.pageLines {
      let style: CellStyle
      switch kind {
      case .prose, .display: style = .plain
      case .heading: style = .bold
      case .command: style = .bold
      case .output: style = .dim
      case .question: style = state.colors ? [.bold, .cyan] : .bold
      case .feedback: style = state.colors ? .green : .underline
      case .error: style = state.colors ? [.bold, .red] : .bold
      }
      if kind == .output || kind == .command || kind == .display {
        // Printed output keeps its spacing (tables); long lines are cut, not re-flowed.
        var line = g.text(text)
        while line.displayWidth > width {
          let head = String(line.prefix(width))
          rows.append((head, style))
          line = "  " + String(line.dropFirst(width))
        }
        rows.append((line, style))
      } else {
        for piece in TextWrap.wrap(g.text(text), width: width) { rows.append((piece, style)) }
      }
    }
    return rows
  }

  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let all = rows(state, width: width)
    let maxStart = max(0, all.count - height)
    let start: Int
    if let scroll = state.lessons.scroll {
      start = min(max(0, scroll), maxStart)
    } else {
      start = state.lessons.isWaitingForTypedAnswer ? maxStart : 0
    }
    for (k, row) in all.dropFirst(start).prefix(height).enumerated() {
      grid.put(row.0, x: 0, y: k, style: row.1)
    }
    let g = state.glyphs
    if start + height < all.count {
      let more = g.text(" ↓ PgDn: \(all.count - start - height) more ")
      grid.put(more, x: width - more.displayWidth, y: height - 1, style: .reverse)
    }
    if start > 0 {
      let more = g.text(" ↑ PgUp ")
      grid.put(more, x: width - more.displayWidth, y: 0, style: .reverse)
    }
    return grid
  }
}
