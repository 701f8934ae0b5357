import BackpropCommands
import BackpropEngine
import BackpropPlots
import Foundation
import Testing
import TestSupport
import TextGrid

@testable import BackpropApp

/// `plot boundary`: each shaded cell shows the network's output at the cell's centre, computed
/// here by hand; samples are drawn by class with glyphs that are not shades.
@Suite struct BoundaryPlotTests {
  /// A single logistic neuron: o = σ(w_13 x_1 + w_23 x_2 + b_3), the boundary a straight line.
  func state(glyphs: GlyphSet) -> AppState {
    var s = AppState(width: 100, height: 30, glyphs: glyphs, startScreen: false)
    for line in [
      "network 2-1 logistic bias=on seed=1", "set w_13 3", "set w_23 -2", "set b_3 0.5",
      "sample add 0.5 0.5 -> 1", "sample add -0.5 0.5 -> 0", "sample add 0.9 -0.9 -> 1",
      "plot boundary",
    ] {
      _ = App.submit(line, &s)
    }
    return s
  }

  @Test(arguments: [GlyphSet.unicode, GlyphSet.ascii])
  func everyCellShadesTheOutputComputedDirectly(_ glyphs: GlyphSet) throws {
    let s = state(glyphs: glyphs)
    #expect(s.plot.kind == .boundary)
    let plot = try #require(BoundaryPane.plot(s))
    let grid = plot.render(width: 72, height: 22, glyphs: glyphs)
    let frame = try #require(plot.frame(width: 72, height: 22, glyphs: glyphs))
    let ramp = glyphs.shades
    let markers = Set((0..<2).map { BoundaryPlot.marker(for: $0, glyphs: glyphs) })
    var checked = 0
    for row in frame.dataRows {
      for column in frame.dataColumns {
        let character = grid[column, row].character
        if markers.contains(character) { continue }
        let x = frame.xCenter(ofColumn: column)
        let y = frame.yCenter(ofRow: row)
        let o = 1 / (1 + exp(-(3 * x - 2 * y + 0.5)))
        let band = min(Int(o * Double(ramp.count)), ramp.count - 1)
        #expect(character == ramp[band], "cell (\(column), \(row)) at (\(x), \(y)): o = \(o)")
        checked += 1
      }
    }
    #expect(checked > 500)
    // Markers are not shades, and each sample's marker is its class's.
    #expect(markers.isDisjoint(with: Set(ramp)))
    for (point, label) in [(PlotPoint(0.5, 0.5), 1), (PlotPoint(-0.5, 0.5), 0)] {
      let cell = try #require(frame.cell(for: point))
      #expect(grid[cell.x, cell.y].character == BoundaryPlot.marker(for: label, glyphs: glyphs))
    }
  }

  @Test func boundaryGoldens() {
    for glyphs in [GlyphSet.unicode, GlyphSet.ascii] {
      let s = state(glyphs: glyphs)
      let grid = PlotPane.render(s, width: 72, height: 22)
      Golden.check(
        grid, "plots/boundary-\(glyphs.isUnicode ? "unicode" : "ascii")", in: Golden.directory)
    }
  }

  @Test func needsTwoInputs() {
    var s = AppState(width: 100, height: 30, startScreen: false)
    _ = App.submit("network 3-2-1", &s)
    let result = App.submit("plot boundary", &s)
    #expect(result.isError)
    #expect(result.lines.joined().contains("two inputs"))
  }
}
