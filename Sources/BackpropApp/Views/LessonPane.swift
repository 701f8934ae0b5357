import TextGrid

/// The lesson's current page: prose wrapped to the pane, commands and their output, the question
/// and its feedback.
enum LessonPane {
  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let g = state.glyphs
    var rows: [(String, CellStyle)] = []
    for (text, kind) in state.lessons.pageLines {
      let style: CellStyle
      switch kind {
      case .prose: style = .plain
      case .heading: style = .bold
      case .command: style = .bold
      case .output: style = .dim
      case .question: style = state.colors ? [.bold, .cyan] : .bold
      case .feedback: style = state.colors ? .green : .underline
      case .error: style = state.colors ? [.bold, .red] : .bold
      }
      let indent = kind == .output ? "  " : ""
      for piece in TextWrap.wrap(g.text(indent + text), width: width) { rows.append((piece, style)) }
    }
    // Keep the end of the page (the question) in view.
    for (k, row) in rows.suffix(height).enumerated() { grid.put(row.0, x: 0, y: k, style: row.1) }
    return grid
  }
}
