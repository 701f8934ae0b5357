import BackpropEngine
import TextGrid

/// The equation pane in presenter mode: the current micro-step's equation in block letters
/// (`BlockFont`), the numbers substituted beneath in ordinary bold text, and the general rule.
///
/// The stated rule for size: block letters when the screen is at least 100×30 and the letters
/// fit the pane; otherwise the equation is drawn in ordinary bold text, wrapped by tokens (at
/// 80×24 block letters would leave room for a dozen characters a line).
enum PresenterEquation {
  static let blockMinimumWidth = 100
  static let blockMinimumHeight = 30

  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let t = state.session.trainer
    let g = state.glyphs
    guard width > 0, height > 0 else { return grid }
    if let d = t.divergence {
      put(TextWrap.wrap(g.text(d.description), width: width), style: .bold, at: 0, &grid)
      return grid
    }
    guard let current = t.recentSteps(1).last else {
      let next =
        t.nextStep.map { "Next: \($0.symbol). Press space (or type `step`) to compute it." }
        ?? "No training samples yet: `example mazur`, `data xor` or `sample add X… -> T…`."
      put(TextWrap.wrap(g.text(next), width: width), style: .plain, at: 0, &grid)
      return grid
    }
    let e = t.explain(current, digits: state.session.digits)
    let result = NumberFormat.format(e.value, digits: e.digits)
    var big = e.symbol
    if e.formula != e.symbol { big += " = " + e.formula }
    big += " = " + result
    var numbers: [String] = []
    if e.substituted != e.formula && e.substituted != result {
      numbers = TextWrap.wrapEquation(g.text("= " + e.substituted), width: width, ellipsis: "…")
    }
    let rule = TextWrap.wrap(g.text("rule: " + e.rule), width: width)
    let note = e.note.map { TextWrap.wrap(g.text($0), width: width) } ?? []

    let bigLines = BlockFont.wrap(big, width: width)
    let bigRows = bigLines.count * (BlockFont.height + 1)
    let useBlocks =
      state.width >= blockMinimumWidth && state.height >= blockMinimumHeight
      && bigRows + numbers.count + 1 <= height
    var y = 0
    if useBlocks {
      for line in bigLines {
        BlockFont.draw(line, into: &grid, x: 0, y: y, glyphs: g, style: .bold)
        y += BlockFont.height + 1
      }
    } else {
      y = put(
        TextWrap.wrapEquation(g.text(big), width: width, ellipsis: "…"), style: .bold, at: y, &grid)
      y += 1
    }
    y = put(numbers, style: .bold, at: y, &grid)
    if y < height - 1 { y += 1 }
    y = put(rule, style: .plain, at: y, &grid)
    _ = put(note, style: .plain, at: y, &grid)
    return grid
  }

  @discardableResult
  static func put(_ lines: [String], style: CellStyle, at y: Int, _ grid: inout TextGrid) -> Int {
    var row = y
    for line in lines where row < grid.height {
      grid.put(line, x: 0, y: row, style: style, maxWidth: grid.width)
      row += 1
    }
    return row
  }
}

extension TextGrid {
  /// Takes `style` off every cell (presenter mode takes off `.dim`).
  mutating func removeStyle(_ style: CellStyle) {
    for y in 0..<height {
      for x in 0..<width where self[x, y].style.contains(style) {
        var cell = self[x, y]
        cell.style.remove(style)
        self[x, y] = cell
      }
    }
  }
}
