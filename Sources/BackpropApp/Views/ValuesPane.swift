import BackpropCommands
import BackpropEngine
import TextGrid

/// Per neuron net, o, φ'(net), δ; per weight w, ∂E/∂w, Δw. Values not computed in this pass are
/// blank. Side by side when wide enough; otherwise the neurons, then the weights scrolled so the
/// current step's row is in view.
enum ValuesPane {
  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let table = ValuesTable(session: state.session)
    let g = state.glyphs
    let digits = min(state.session.digits, 6)
    let c = { (x: Double?) in x.map { NumberFormat.format($0, digits: digits) } ?? "" }
    let cw = digits + 6
    let t = state.session.trainer
    let focus = Highlight(step: t.lastStep.map { ($0, t) })

    let neuronHeader: String =
      "j".leftPadded(to: 3) + " " + "net_j".padded(to: cw) + "o_j".padded(to: cw)
      + "φ'".padded(to: cw) + "δ_j"
    var neuronRows: [(String, CellStyle)] = [(g.text(neuronHeader), .underline)]
    var focusNeuronRow = 0
    for r in table.neurons {
      var text: String = "\(r.j)".leftPadded(to: 3) + " "
      text += c(r.net).padded(to: cw) + c(r.output).padded(to: cw)
      text += c(r.derivative).padded(to: cw) + c(r.delta)
      let hot = focus.neurons.contains(r.j)
      if hot && focusNeuronRow == 0 { focusNeuronRow = neuronRows.count }
      neuronRows.append((g.text(text), hot ? [.bold, .reverse] : (r.layer == 0 ? .dim : .plain)))
    }
    let nameWidth = max(6, (table.weights.map { $0.parameter.name.displayWidth }.max() ?? 4) + 1)
    let weightHeader: String =
      "".padded(to: nameWidth) + "w".padded(to: cw) + "∂E/∂w".padded(to: cw) + "Δw"
    var weightRows: [(String, CellStyle)] = [(g.text(weightHeader), .underline)]
    var focusWeightRow = 0
    for r in table.weights {
      let change = r.frozen ? "frozen" : c(r.change)
      var text: String = r.parameter.name.padded(to: nameWidth)
      text += c(r.value).padded(to: cw) + c(r.gradient).padded(to: cw) + change
      let hot = focus.parameters.contains(r.parameter)
      if hot && focusWeightRow == 0 { focusWeightRow = weightRows.count }
      var style: CellStyle = hot ? [.bold, .reverse] : .plain
      if state.colors && !hot && r.value < 0 { style.insert(.red) }
      weightRows.append((g.text(text), style))
    }
    let neuronWidth = neuronRows.map { $0.0.displayWidth }.max() ?? 0
    let weightWidth = weightRows.map { $0.0.displayWidth }.max() ?? 0

    func draw(
      _ rows: [(String, CellStyle)], x: Int, y: Int, height h: Int, focusRow: Int, width w: Int
    ) {
      guard h > 0 else { return }
      // Keep the header; scroll the body so the focus row shows.
      let body = Array(rows.dropFirst())
      let visible = h - 1
      var start = 0
      if body.count > visible, focusRow > 0 {
        start = min(max(0, focusRow - 1 - visible / 2), body.count - visible)
      }
      grid.put(rows[0].0, x: x, y: y, style: rows[0].1, maxWidth: w)
      for (k, row) in body.dropFirst(start).prefix(max(0, visible)).enumerated() {
        grid.put(row.0, x: x, y: y + 1 + k, style: row.1, maxWidth: w)
      }
      if body.count > visible && visible > 0 {
        let more = g.text("↓\(body.count - visible - start)")
        if body.count - visible - start > 0 {
          grid.put(more, x: x + w - more.displayWidth, y: y + h - 1, style: .dim)
        }
      }
    }

    if neuronWidth + 2 + weightWidth <= width {
      draw(neuronRows, x: 0, y: 0, height: height, focusRow: focusNeuronRow, width: neuronWidth)
      draw(
        weightRows, x: neuronWidth + 2, y: 0, height: height, focusRow: focusWeightRow,
        width: width - neuronWidth - 2)
    } else {
      let neuronHeight = min(neuronRows.count, max(2, height / 2))
      draw(neuronRows, x: 0, y: 0, height: neuronHeight, focusRow: focusNeuronRow, width: width)
      draw(
        weightRows, x: 0, y: neuronHeight, height: height - neuronHeight, focusRow: focusWeightRow,
        width: width)
    }
    return grid
  }
}
