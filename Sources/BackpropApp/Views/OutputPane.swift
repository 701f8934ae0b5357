import TextGrid

/// What the commands answered, newest at the bottom.
enum OutputPane {
  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let g = state.glyphs
    var rows: [(String, CellStyle)] = []
    for line in state.output.suffix(height * 3) {
      let style: CellStyle
      switch line.kind {
      case .command: style = .bold
      case .output: style = .plain
      case .error: style = state.colors ? [.bold, .red] : .bold
      }
      for piece in TextWrap.wrap(g.text(line.text), width: width) { rows.append((piece, style)) }
    }
    if rows.isEmpty {
      rows = TextWrap.wrap(
        g.text(
          "Commands and their answers appear here. Try `help`, `forward`, `explain δ_5`, `show`."),
        width: width
      ).map { ($0, .dim) }
    }
    for (k, row) in rows.suffix(height).enumerated() { grid.put(row.0, x: 0, y: k, style: row.1) }
    return grid
  }
}
