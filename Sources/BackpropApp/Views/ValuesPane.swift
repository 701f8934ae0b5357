import BackpropCommands
import BackpropEngine
import TextGrid

/// Per neuron net_j, o_j, φ'(net_j), ∂E/∂o_j, δ_j; per weight w, ∂E/∂w (batch mode: and the mean
/// ∂E/∂w), Δw. Values not computed in this pass are blank.
///
/// A number is never cut. Each column is as wide as its widest entry; when the tables do not fit
/// side by side they are stacked, and when a table is still too wide its columns are left out in
/// a fixed order — ∂E/∂o, φ' then net_j for neurons, Δw then ∂E/∂w (then the batch mean) for
/// weights — and the pane's title
/// names what is hidden (zooming the pane shows everything). Unscrolled, the pane follows the
/// row the current micro-step works on; the header of the table at the top stays in view.
///
/// A table of more than `wholeTableRows` rows (a 784-30-10 network has 23,860 weights) is built
/// only where the pane shows it, and its columns are as wide as any entry can be at this
/// precision: a frame then costs the same for 2-2-1 and for 784-30-10, and columns do not shift
/// as the table scrolls.
enum ValuesPane {
  static let wholeTableRows = 512

  /// A table as columns of strings: a header and, for the rows held, one entry per column.
  struct Table {
    var headers: [String]
    /// Rows in the whole table.
    var rowCount: Int
    /// The row `cells[0]` is.
    var firstRow = 0
    var cells: [[String]] = []
    var styles: [CellStyle] = []
    /// Columns that may be left out, first to go first.
    var dropOrder: [Int]
    var focusRow: Int?
    /// The widest entry each column can have among the rows not held (0 for a whole table).
    var bounds: [Int]

    var isWhole: Bool { rowCount <= ValuesPane.wholeTableRows }

    func columnWidth(_ c: Int) -> Int {
      max(headers[c].displayWidth, bounds[c], cells.map { $0[c].displayWidth }.max() ?? 0)
    }

    func width(of columns: [Int]) -> Int {
      columns.map(columnWidth).reduce(0, +) + 2 * max(0, columns.count - 1)
    }

    /// The columns kept for `width`, and the names of those left out.
    func fitting(_ width: Int) -> (columns: [Int], hidden: [String]) {
      var columns = Array(headers.indices)
      var hidden: [String] = []
      for c in dropOrder where self.width(of: columns) > width {
        columns.removeAll { $0 == c }
        hidden.append(headers[c])
      }
      return (columns, hidden)
    }
  }

  /// The tables without their rows: headers, sizes, the row the current micro-step works on,
  /// and (for large tables) the widths their entries can reach.
  static func skeleton(_ state: AppState) -> (neurons: Table, weights: Table) {
    let g = state.glyphs
    let t = state.session.trainer
    let network = t.network
    let shape = network.shape
    let focus = Highlight(step: t.lastStep.map { ($0, t) })
    // For a softmax output φ' is only the Jacobian's diagonal, and the header says so.
    let phiHeader = network.outputActivation == .softmax ? "φ' diag" : "φ'"
    var neurons = Table(
      headers: ["j", "net_j", "o_j", g.text(phiHeader), g.text("∂E/∂o"), g.text("δ_j")],
      rowCount: shape.neuronCount, dropOrder: [4, 3, 1],
      focusRow: focus.neurons.min().map { $0 - 1 },
      bounds: [])
    // Batch mode adds the mean gradient the update applies; the last sample's goes first.
    var weights =
      t.mode == .batch
      ? Table(
        headers: ["", "w", g.text("∂E/∂w"), g.text("mean ∂E/∂w"), g.text("Δw")],
        rowCount: network.parameterCount, dropOrder: [4, 2, 3], bounds: [])
      : Table(
        headers: ["", "w", g.text("∂E/∂w"), g.text("Δw")], rowCount: network.parameterCount,
        dropOrder: [3, 2], bounds: [])
    weights.focusRow = focus.parameters.compactMap { network.index(of: $0) }.min()
    // The widest number `NumberFormat` writes: sign, digits, point and a three-digit exponent.
    let number = min(state.session.digits, 6) + 7
    neurons.bounds =
      neurons.isWhole
      ? Array(repeating: 0, count: neurons.headers.count)
      : ["\(shape.neuronCount)".count] + Array(repeating: number, count: 5)
    if weights.isWhole {
      weights.bounds = Array(repeating: 0, count: weights.headers.count)
    } else {
      // Within a layer the last weight and the last bias have the longest names.
      var name = 0
      for l in 1..<shape.layerCount {
        let last = shape.neurons(inLayer: l).upperBound
        let lastIn = shape.neurons(inLayer: l - 1).upperBound
        name = max(name, g.text(Parameter.weight(from: lastIn, to: last).name).displayWidth)
        name = max(name, g.text(Parameter.bias(last).name).displayWidth)
      }
      weights.bounds =
        [name] + Array(repeating: max(number, "frozen".count), count: weights.headers.count - 1)
    }
    return (neurons, weights)
  }

  /// Builds the rows `neuronRows` of `neurons` and `weightRows` of `weights`; a table whose
  /// range is nil is left as it is.
  static func fill(
    _ neurons: inout Table, rows neuronRange: Range<Int>?, _ weights: inout Table,
    rows weightRange: Range<Int>?, state: AppState
  ) {
    guard neuronRange != nil || weightRange != nil else { return }
    let neuronRows = neuronRange ?? 0..<0
    let weightRows = weightRange ?? 0..<0
    let table = ValuesTable(session: state.session, neuronRows: neuronRows, weightRows: weightRows)
    let g = state.glyphs
    let digits = min(state.session.digits, 6)
    let c = { (x: Double?) in x.map { NumberFormat.format($0, digits: digits) } ?? "" }
    let t = state.session.trainer
    let focus = Highlight(step: t.lastStep.map { ($0, t) })
    let hidden = hiddenCells(state)
    // A cell the open question asks for shows "?" until it is answered.
    let ask = { (cell: Cell, text: String) in hidden.contains(cell) && !text.isEmpty ? "?" : text }
    if neuronRange != nil {
      neurons.firstRow = neuronRows.lowerBound
      neurons.cells = []
      neurons.styles = []
    }
    for r in table.neurons {
      let entries = [c(r.net), c(r.output), c(r.derivative), c(r.outputGradient), c(r.delta)]
      neurons.cells.append(
        ["\(r.j)"]
          + entries.enumerated().map { k, text in ask(.neuron(j: r.j, column: k + 1), text) })
      let hot = focus.neurons.contains(r.j)
      neurons.styles.append(hot ? [.bold, .reverse] : (r.layer == 0 ? .dim : .plain))
    }
    if weightRange != nil {
      weights.firstRow = weightRows.lowerBound
      weights.cells = []
      weights.styles = []
    }
    for r in table.weights {
      let p = r.parameter
      let mean =
        table.isBatch ? [ask(.parameter(p, column: "mean"), r.frozen ? "" : c(r.meanGradient))] : []
      weights.cells.append(
        [g.text(p.name), c(r.value), ask(.parameter(p, column: "∂E/∂"), c(r.gradient))] + mean + [
          r.frozen ? "frozen" : ask(.parameter(p, column: "Δ"), c(r.change))
        ])
      let hot = focus.parameters.contains(r.parameter)
      var style: CellStyle = hot ? [.bold, .reverse] : .plain
      if state.colors && !hot && r.value < 0 { style.insert(.red) }
      weights.styles.append(style)
    }
  }

  /// A table fitted to a width: the columns kept, the names of those left out, and each kept
  /// column's width.
  struct Section {
    var table: Table
    var columns: [Int]
    var hidden: [String]
    var widths: [Int]

    init(_ table: Table, width: Int) {
      self.table = table
      (columns, hidden) = table.fitting(width)
      widths = columns.map(table.columnWidth)
    }

    var rowCount: Int { table.rowCount }
    var focusRow: Int? { table.focusRow }
    var header: String { line(columns.map { table.headers[$0] }) }
    var lineWidth: Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }

    /// Row `r` of the whole table (which `fill` must have built) and its style.
    func row(_ r: Int) -> (String, CellStyle) {
      let k = r - table.firstRow
      return (line(columns.map { table.cells[k][$0] }), table.styles[k])
    }

    private func line(_ entries: [String]) -> String {
      var s = ""
      for (k, text) in entries.enumerated() {
        // Numbers align right, names left.
        let entry = k == 0 ? text.padded(to: widths[k]) : text.leftPadded(to: widths[k])
        s += (k == 0 ? "" : "  ") + entry
      }
      return s
    }
  }

  /// How the pane lays the two tables out at `width`, with the whole tables' rows built (the
  /// large tables' rows are built by `render` for the rows it shows).
  static func sections(_ state: AppState, width: Int) -> (sections: [Section], sideBySide: Bool) {
    var (neurons, weights) = skeleton(state)
    fill(
      &neurons, rows: neurons.isWhole ? 0..<neurons.rowCount : nil, &weights,
      rows: weights.isWhole ? 0..<weights.rowCount : nil, state: state)
    let all = { (t: Table) in Array(t.headers.indices) }
    if neurons.width(of: all(neurons)) + 3 + weights.width(of: all(weights)) <= width {
      let left = Section(neurons, width: neurons.width(of: all(neurons)))
      let right = Section(weights, width: weights.width(of: all(weights)))
      return ([left, right], true)
    }
    return ([Section(neurons, width: width), Section(weights, width: width)], false)
  }

  /// The stacked list's length: the neurons, the weights' header, the weights.
  static func stackedCount(_ s: [Section]) -> Int { s[0].rowCount + 1 + s[1].rowCount }

  /// The viewport over the rows below the header line, as both the view and `update` see it.
  static func viewport(_ state: AppState, width: Int, height: Int) -> Viewport {
    let (s, sideBySide) = sections(state, width: width)
    return viewport(state, sections: s, sideBySide: sideBySide, height: height)
  }

  private static func viewport(
    _ state: AppState, sections s: [Section], sideBySide: Bool, height: Int
  ) -> Viewport {
    if sideBySide {
      let rows = max(s[0].rowCount, s[1].rowCount)
      return viewport(state, total: rows, height: height - 1, focus: nil)
    }
    let focus = s[0].focusRow ?? s[1].focusRow.map { s[0].rowCount + 1 + $0 }
    return viewport(state, total: stackedCount(s), height: height - 1, focus: focus)
  }

  static func viewport(_ state: AppState, total: Int, height: Int, focus: Int?) -> Viewport {
    var scroll = state.scroll[.values]
    if scroll == nil, let focus {
      // Follow the row being worked on, keeping some rows above it in view.
      scroll = focus - height / 2
    }
    return Viewport(total: total, height: height, scroll: scroll, anchorAtEnd: false)
  }

  static func render(_ state: AppState, width: Int, height: Int) -> PaneBody {
    var grid = TextGrid(width: width, height: height)
    guard height >= 2 else { return PaneBody(grid) }
    var (s, sideBySide) = sections(state, width: width)
    var body = PaneBody(grid)
    if sideBySide {
      let views = s.map {
        viewport(state, total: $0.rowCount, height: height - 1, focus: $0.focusRow)
      }
      build(&s, neuronRows: views[0].range, weightRows: views[1].range, state: state)
      var x = 0
      for (section, view) in zip(s, views) {
        grid.put(section.header, x: x, y: 0, style: .underline)
        for (k, r) in view.range.enumerated() {
          let row = section.row(r)
          grid.put(row.0, x: x, y: 1 + k, style: row.1)
        }
        body.above = max(body.above, view.above)
        body.below = max(body.below, view.below)
        x += section.lineWidth + 3
      }
    } else {
      let view = viewport(state, sections: s, sideBySide: false, height: height)
      let split = s[0].rowCount
      // Stacked row r: neuron r, then the weights' header at `split`, then weight r − split − 1.
      let neuronRows = view.range.clamped(to: 0..<split)
      let firstWeight = max(view.range.lowerBound, split + 1) - split - 1
      let endWeight = max(firstWeight, view.range.upperBound - split - 1)
      let weightRows = firstWeight..<endWeight
      build(&s, neuronRows: neuronRows, weightRows: weightRows, state: state)
      // The header of the table at the top of the view stays in view.
      let inWeights = view.start > split
      grid.put(inWeights ? s[1].header : s[0].header, x: 0, y: 0, style: .underline)
      for (k, r) in view.range.enumerated() {
        let row =
          r < split ? s[0].row(r) : r == split ? (s[1].header, .underline) : s[1].row(r - split - 1)
        grid.put(row.0, x: 0, y: 1 + k, style: row.1)
      }
      body.above = view.above
      body.below = view.below
      let hidden = s[0].hidden + s[1].hidden
      if !hidden.isEmpty { body.titleNote = "hidden: " + hidden.joined(separator: ", ") }
    }
    body.grid = grid
    return body
  }

  /// Builds the shown rows of the large tables (a whole table's rows are built already).
  private static func build(
    _ s: inout [Section], neuronRows: Range<Int>, weightRows: Range<Int>, state: AppState
  ) {
    var (neurons, weights) = (s[0].table, s[1].table)
    fill(
      &neurons, rows: neurons.isWhole ? nil : neuronRows, &weights,
      rows: weights.isWhole ? nil : weightRows, state: state)
    (s[0].table, s[1].table) = (neurons, weights)
  }
}
