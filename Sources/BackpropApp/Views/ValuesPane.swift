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
enum ValuesPane {
  /// A table as columns of strings: a header and one entry per row.
  struct Table {
    var headers: [String]
    var cells: [[String]]
    var styles: [CellStyle]
    /// Columns that may be left out, first to go first.
    var dropOrder: [Int]
    var focusRow: Int?

    func width(of columns: [Int]) -> Int {
      columns.map { c in
        max(headers[c].displayWidth, cells.map { $0[c].displayWidth }.max() ?? 0)
      }.reduce(0, +) + 2 * max(0, columns.count - 1)
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

    func lines(_ columns: [Int]) -> (header: String, rows: [String]) {
      let widths = columns.map { c in
        max(headers[c].displayWidth, cells.map { $0[c].displayWidth }.max() ?? 0)
      }
      func line(_ entries: [String]) -> String {
        var s = ""
        for (k, text) in entries.enumerated() {
          // Numbers align right, names left.
          let entry = k == 0 ? text.padded(to: widths[k]) : text.leftPadded(to: widths[k])
          s += (k == 0 ? "" : "  ") + entry
        }
        return s
      }
      return (line(columns.map { headers[$0] }), cells.map { row in line(columns.map { row[$0] }) })
    }
  }

  static func tables(_ state: AppState) -> (neurons: Table, weights: Table) {
    let table = ValuesTable(session: state.session)
    let g = state.glyphs
    let digits = min(state.session.digits, 6)
    let c = { (x: Double?) in x.map { NumberFormat.format($0, digits: digits) } ?? "" }
    let t = state.session.trainer
    let focus = Highlight(step: t.lastStep.map { ($0, t) })

    // For a softmax output φ' is only the Jacobian's diagonal, and the header says so.
    let phiHeader = table.hasSoftmaxOutput ? "φ' diag" : "φ'"
    var neurons = Table(
      headers: ["j", "net_j", "o_j", g.text(phiHeader), g.text("∂E/∂o"), g.text("δ_j")],
      cells: [], styles: [], dropOrder: [4, 3, 1])
    let hidden = hiddenCells(state)
    // A cell the open question asks for shows "?" until it is answered.
    let ask = { (cell: Cell, text: String) in hidden.contains(cell) && !text.isEmpty ? "?" : text }
    for r in table.neurons {
      let entries = [c(r.net), c(r.output), c(r.derivative), c(r.outputGradient), c(r.delta)]
      neurons.cells.append(
        ["\(r.j)"]
          + entries.enumerated().map { k, text in ask(.neuron(j: r.j, column: k + 1), text) })
      let hot = focus.neurons.contains(r.j)
      if hot && neurons.focusRow == nil { neurons.focusRow = neurons.cells.count - 1 }
      neurons.styles.append(hot ? [.bold, .reverse] : (r.layer == 0 ? .dim : .plain))
    }
    // Batch mode adds the mean gradient the update applies; the last sample's goes first.
    var weights =
      table.isBatch
      ? Table(
        headers: ["", "w", g.text("∂E/∂w"), g.text("mean ∂E/∂w"), g.text("Δw")], cells: [],
        styles: [], dropOrder: [4, 2, 3])
      : Table(
        headers: ["", "w", g.text("∂E/∂w"), g.text("Δw")], cells: [], styles: [],
        dropOrder: [3, 2])
    for r in table.weights {
      let p = r.parameter
      let mean =
        table.isBatch ? [ask(.parameter(p, column: "mean"), r.frozen ? "" : c(r.meanGradient))] : []
      weights.cells.append(
        [g.text(p.name), c(r.value), ask(.parameter(p, column: "∂E/∂"), c(r.gradient))] + mean + [
          r.frozen ? "frozen" : ask(.parameter(p, column: "Δ"), c(r.change))
        ])
      let hot = focus.parameters.contains(r.parameter)
      if hot && weights.focusRow == nil { weights.focusRow = weights.cells.count - 1 }
      var style: CellStyle = hot ? [.bold, .reverse] : .plain
      if state.colors && !hot && r.value < 0 { style.insert(.red) }
      weights.styles.append(style)
    }
    return (neurons, weights)
  }

  /// The pane's content as a header and rows, once fitted to `width`.
  struct Section {
    var header: String
    var rows: [(String, CellStyle)]
    var focusRow: Int?
    var hidden: [String]

    init(_ table: Table, width: Int) {
      let (columns, hidden) = table.fitting(width)
      let lines = table.lines(columns)
      header = lines.header
      rows = Array(zip(lines.rows, table.styles))
      focusRow = table.focusRow
      self.hidden = hidden
    }
  }

  /// Side by side when both tables fit whole; otherwise stacked into one list.
  static func sections(_ state: AppState, width: Int) -> (sections: [Section], sideBySide: Bool) {
    let (neurons, weights) = tables(state)
    let all = { (t: Table) in Array(t.headers.indices) }
    if neurons.width(of: all(neurons)) + 3 + weights.width(of: all(weights)) <= width {
      let left = Section(neurons, width: neurons.width(of: all(neurons)))
      let right = Section(weights, width: weights.width(of: all(weights)))
      return ([left, right], true)
    }
    return ([Section(neurons, width: width), Section(weights, width: width)], false)
  }

  /// The stacked list: the weights' header is a row of it, after the neurons.
  static func stackedRows(_ s: [Section]) -> [(String, CellStyle)] {
    s[0].rows + [(s[1].header, .underline)] + s[1].rows
  }

  /// The viewport over the rows below the header line, as both the view and `update` see it.
  static func viewport(_ state: AppState, width: Int, height: Int) -> Viewport {
    let (s, sideBySide) = sections(state, width: width)
    if sideBySide {
      let rows = max(s[0].rows.count, s[1].rows.count)
      return viewport(state, total: rows, height: height - 1, focus: nil)
    }
    let focus = s[0].focusRow ?? s[1].focusRow.map { s[0].rows.count + 1 + $0 }
    return viewport(state, total: stackedRows(s).count, height: height - 1, focus: focus)
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
    let (s, sideBySide) = sections(state, width: width)
    var body = PaneBody(grid)
    if sideBySide {
      var x = 0
      for section in s {
        let view = viewport(
          state, total: section.rows.count, height: height - 1, focus: section.focusRow)
        grid.put(section.header, x: x, y: 0, style: .underline)
        for (k, row) in section.rows[view.range].enumerated() {
          grid.put(row.0, x: x, y: 1 + k, style: row.1)
        }
        body.above = max(body.above, view.above)
        body.below = max(body.below, view.below)
        x += (section.rows.map { $0.0.displayWidth } + [section.header.displayWidth]).max()! + 3
      }
    } else {
      let rows = stackedRows(s)
      let view = viewport(state, width: width, height: height)
      // The header of the table at the top of the view stays in view.
      let inWeights = view.start > s[0].rows.count
      grid.put(inWeights ? s[1].header : s[0].header, x: 0, y: 0, style: .underline)
      for (k, row) in rows[view.range].enumerated() {
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
}
