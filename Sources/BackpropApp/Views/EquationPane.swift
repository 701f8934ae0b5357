import BackpropEngine
import TextGrid

/// The current micro-step's formula in the article's notation, the same with numbers, and the
/// result; the previous few steps above it, dimmed.
enum EquationPane {
  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let t = state.session.trainer
    let g = state.glyphs
    let digits = state.session.digits
    if let d = t.divergence {
      for (k, line) in TextWrap.wrap(g.text(d.description), width: width).prefix(height)
        .enumerated()
      {
        let style: CellStyle = state.colors ? [.bold, .red] : .bold
        grid.put(line, x: 0, y: k, style: style)
      }
      return grid
    }
    let recent = t.recentSteps(max(1, height))
    guard let current = recent.last else {
      // The key named is the one that computes it here: in a lesson space turns the page.
      let key = state.screen == .lesson ? "s" : "space"
      let next =
        t.nextStep.map { "Next: \($0.symbol). Press \(key) (or type `step`) to compute it." }
        ?? "No training samples yet: `example mazur`, `data xor` or `sample add X… -> T…`."
      for (k, line) in TextWrap.wrap(g.text(next), width: width).prefix(height).enumerated() {
        grid.put(line, x: 0, y: k, style: .dim)
      }
      return grid
    }
    let e = t.explain(current, digits: digits)
    var lines: [(String, CellStyle)] = []
    lines.append((g.text("rule: " + e.rule), .dim))
    for piece in TextWrap.wrapEquation(g.text(e.line), width: width, ellipsis: g.text("…")) {
      lines.append((piece, .bold))
    }
    if let note = e.note {
      for piece in TextWrap.wrapEquation(g.text(note), width: width, ellipsis: g.text("…")) {
        lines.append((piece, .plain))
      }
    }
    // Earlier steps fill the space above.
    var earlier: [(String, CellStyle)] = []
    for step in recent.dropLast().reversed() {
      guard earlier.count + lines.count < height else { break }
      let text = g.text(t.explain(step, digits: digits).line)
      earlier.insert((TextWrap.truncate(text, width: width, ellipsis: g.text("…")), .dim), at: 0)
    }
    let all = Array((earlier + lines).suffix(height))
    for (k, row) in all.enumerated() { grid.put(row.0, x: 0, y: k, style: row.1, maxWidth: width) }
    return grid
  }
}
