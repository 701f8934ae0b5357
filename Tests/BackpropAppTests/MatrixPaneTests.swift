@testable import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing
import TextGrid

/// `plot matrix [L]`: lesson 8's matrix form as a live pane beside the output, which `zoom plot`
/// (or Z) lets fill the screen and PgUp/PgDn scroll.
@Suite struct MatrixPaneTests {
  static func state(_ commands: [String], width: Int = 120, height: Int = 40) -> AppState {
    var s = AppState(width: width, height: height, startScreen: false)
    s.isInteractive = true
    for c in commands { _ = App.update(&s, .submit(c)) }
    return s
  }

  /// The rows inside the plot pane's box, as drawn.
  static func plotRows(_ s: AppState) -> [String] {
    guard let inner = s.layout[.plot]?.inner else { return [] }
    let lines = Views.render(s).lines
    return lines[inner.y..<inner.maxY].map {
      let cells = Array($0)
      let row = cells[min(inner.x, cells.count)..<min(inner.maxX, cells.count)]
      return String(row).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The pane shows what `show matrix L` prints, line for line, and follows the run: once the
  /// backward pass is finished it shows the new numbers.
  @Test(arguments: [1, 2])
  func paneShowsTheLayerAsShowMatrixDoes(layer: Int) {
    var s = Self.state(["example mazur", "forward", "step 3", "plot matrix \(layer)", "zoom plot"])
    #expect(s.plot.kind == .matrix)
    let printed = App.submit("show matrix \(layer)", &s).lines
    let rows = Self.plotRows(s)
    #expect(rows.count >= printed.count, "the zoomed pane holds the whole form at 120×40")
    #expect(
      Array(rows.prefix(printed.count)) == printed.map { $0.trimmingCharacters(in: .whitespaces) })

    _ = App.update(&s, .submit("backward"))
    let after = App.submit("show matrix \(layer)", &s).lines
    #expect(after != printed, "the backward pass fills in δ and the gradient")
    #expect(
      Array(Self.plotRows(s).prefix(after.count))
        == after.map {
          $0.trimmingCharacters(in: .whitespaces)
        })
  }

  /// At 80×24 the form is longer than the zoomed pane: PgDn shows its end, PgUp its start.
  @Test func zoomedPaneScrollsAtTheSmallestScreen() throws {
    var s = Self.state(
      ["example mazur", "backward", "plot matrix", "zoom plot"], width: 80, height: 24)
    let printed = App.submit("show matrix", &s).lines.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let top = Self.plotRows(s)
    try #require(printed.count > top.count, "the form is longer than the pane")
    #expect(top.first == printed.first)
    #expect(!top.contains(printed.last!))
    for _ in 0..<3 { _ = App.update(&s, .key(.pageDown)) }
    let bottom = Self.plotRows(s)
    #expect(bottom.last == printed.last, "PgDn reaches the last line: \(bottom)")
    _ = App.update(&s, .key(.home))
    #expect(Self.plotRows(s).first == printed.first)
  }

  /// A layer that does not exist is refused and changes nothing; a network that later loses the
  /// layer shown falls back to its output layer instead of failing.
  @Test func badLayerIsRefusedAndALostLayerFallsBack() {
    var s = Self.state(["example mazur", "plot loss"])
    let bad = App.submit("plot matrix 3", &s)
    #expect(bad.isError)
    #expect(bad.lines.first?.contains("layer from 1 to 2") == true, "\(bad.lines)")
    #expect(s.plot.kind == .loss)
    #expect(App.submit("plot matrix 0", &s).isError)

    _ = App.update(&s, .submit("plot matrix 1"))
    _ = App.update(&s, .submit("network 2-1"))
    let printed = App.submit("show matrix", &s).lines
    // The pane beside the output is narrower than the line: it shows its start.
    let shown = Self.plotRows(s).first ?? ""
    #expect(shown.hasPrefix("layer 1: W^1"), "\(shown)")
    #expect(printed.first?.hasPrefix(shown) == true, "\(shown) against \(printed)")
  }

  /// A layer wider than `MatrixForm.shownSide` shows its first rows and columns, says so, and
  /// every entry shown is the network's own value (`get` reads the same).
  @Test func aLargeLayerShowsItsCornerAndSaysSo() throws {
    var session = Session()
    _ = session.execute("network 2-30-30-1 seed=4")
    _ = session.execute("data xor")
    _ = session.execute("forward")
    let form = MatrixForm(session: session, layer: 2)
    let side = MatrixForm.shownSide
    #expect(form.rows.count == side && form.columns.count == side)
    #expect(form.rowTotal == 30 && form.columnTotal == 30)
    let lines = form.lines(digits: 5)
    #expect(
      lines.contains(
        "(the first \(side) of 30 rows and \(side) of 30 columns; `get w_ij` reads any entry)"))
    #expect(lines.filter { $0 == "… \(30 - side) more rows" }.count == 2)
    #expect(lines.first?.contains("neuron j (33–62), a column per i (3–32)") == true)
    let (i, j) = (form.columns[5], form.rows[7])
    #expect(form.weights[7][5] == session.trainer.network[.weight(from: i, to: j)])
    #expect(form.net[7] == session.trainer.values.net[j - 1])
  }

  /// Plots that are a forward pass per point say so instead of drawing when even that is more
  /// than a frame may do (a million weights took minutes a frame for the surface).
  @Test(arguments: ["plot surface", "plot boundary"])
  func aPlotTooLargeForAFrameSaysSo(_ plot: String) {
    let s = Self.state(["network 2-1000-1000-1 seed=1", "data spiral n=20", plot])
    let text = Self.plotRows(s).joined(separator: " ")
    #expect(text.contains("too much to draw on every frame"), "\(text)")
    #expect(text.contains("`plot loss`"))
  }

  /// The error surface uses as many samples as a frame's budget allows, spread evenly.
  @Test func theSurfaceUsesTheSamplesAFrameAllows() {
    #expect(PlotPane.surfaceSampleCount(samples: 200, points: 1000, weights: 6, neurons: 5) == 200)
    let share = PlotPane.surfaceSampleCount(
      samples: 200, points: 1000, weights: 4352, neurons: 131)
    #expect(share == PlotPane.frameBudget / (1000 * (4352 + 131)))
    #expect(share >= 1 && share < 200)
    #expect(
      PlotPane.surfaceSampleCount(samples: 200, points: 1000, weights: 1_000_000, neurons: 2003)
        == 0)
  }
}
