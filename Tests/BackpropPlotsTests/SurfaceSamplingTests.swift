import BackpropPlots
import Testing
import TextGrid

/// The heat map shades what the closed form says, sampled where the layout says.
@Suite struct SurfaceSamplingTests {
  static let sizes = [(30, 10), (40, 12), (60, 20), (80, 24), (120, 40)]

  private func expectClosedForm(
    _ plot: SurfacePlot, _ closedForm: (Double, Double) -> Double, width: Int, height: Int
  ) throws {
    let samples = try #require(plot.samples(width: width, height: height))
    let frame = try #require(plot.frame(width: width, height: height))
    #expect(samples.xs.count == frame.dataWidth)
    #expect(samples.ys.count == frame.dataHeight)
    for (row, y) in samples.ys.enumerated() {
      for (column, x) in samples.xs.enumerated() {
        let expected = closedForm(x, y)
        let error = (samples[column, row] - expected).magnitude / max(1, expected.magnitude)
        #expect(error <= 1e-12, "E(\(x), \(y)) = \(samples[column, row]), expected \(expected)")
      }
    }
  }

  @Test(arguments: sizes) func singleCaseMatchesClosedForm(size: (Int, Int)) throws {
    try expectClosedForm(
      Fixtures.singleCaseSurface, { ($0 + $1) * ($0 + $1) }, width: size.0, height: size.1)
  }

  @Test(arguments: sizes) func twoCasesMatchClosedForm(size: (Int, Int)) throws {
    try expectClosedForm(
      Fixtures.twoCasesSurface, { w1, w2 in ((w1 + w2) * (w1 + w2) + (1 - w1) * (1 - w1)) / 2 },
      width: size.0, height: size.1)
  }

  /// Samples sit at cell centres, and each centre maps back to its own cell.
  @Test(arguments: sizes) func samplesAreAtCellCentres(size: (Int, Int)) throws {
    let plot = Fixtures.twoCasesSurface
    let frame = try #require(plot.frame(width: size.0, height: size.1))
    let samples = try #require(plot.samples(width: size.0, height: size.1))
    let dx = frame.xRange.span / Double(frame.dataWidth)
    let dy = frame.yRange.span / Double(frame.dataHeight)
    for (column, x) in samples.xs.enumerated() {
      #expect((x - (frame.xRange.lower + (Double(column) + 0.5) * dx)).magnitude < 1e-12)
    }
    for (row, y) in samples.ys.enumerated() {
      #expect((y - (frame.yRange.upper - (Double(row) + 0.5) * dy)).magnitude < 1e-12)
    }
    for (row, y) in samples.ys.enumerated() {
      for (column, x) in samples.xs.enumerated() {
        #expect(
          frame.cell(for: PlotPoint(x, y))
            == CellPosition(x: frame.dataLeft + column, y: frame.dataTop + row))
      }
    }
    #expect(samples.rows.count == frame.dataHeight)
    #expect(samples.rows.allSatisfy { $0.count == frame.dataWidth })
  }

  /// The valley floor w1 = −w2 is drawn in the densest shade in every row, and nothing far from it is.
  @Test(arguments: [GlyphSet.unicode, .ascii]) func singleCaseShowsTheValley(glyphs: GlyphSet)
    throws
  {
    var plot = Fixtures.singleCaseSurface
    plot.path = []
    plot.current = nil
    let grid = plot.render(width: 80, height: 24, glyphs: glyphs)
    let frame = try #require(plot.frame(width: 80, height: 24, glyphs: glyphs))
    let samples = try #require(plot.samples(width: 80, height: 24, glyphs: glyphs))
    let densest = try #require(glyphs.shades.last)
    for (row, y) in samples.ys.enumerated() {
      let floor = samples.xs.indices.min {
        (distanceFromValley(samples.xs[$0], y)) < distanceFromValley(samples.xs[$1], y)
      }!
      #expect(grid[frame.dataLeft + floor, frame.dataTop + row].character == densest)
      for (column, x) in samples.xs.enumerated() where (x + y).magnitude > 0.5 {
        #expect(grid[frame.dataLeft + column, frame.dataTop + row].character != densest)
      }
    }
  }

  /// With the second case the densest shade is one spot, around (1, −1).
  @Test(arguments: [GlyphSet.unicode, .ascii]) func twoCasesShowOneMinimum(glyphs: GlyphSet) throws
  {
    var plot = Fixtures.twoCasesSurface
    plot.path = []
    plot.current = nil
    let grid = plot.render(width: 80, height: 24, glyphs: glyphs)
    let frame = try #require(plot.frame(width: 80, height: 24, glyphs: glyphs))
    let minimum = try #require(frame.cell(for: PlotPoint(1, -1)))
    let densest = try #require(glyphs.shades.last)
    #expect(grid[minimum.x, minimum.y].character == densest)
    var count = 0
    for row in frame.dataRows {
      for column in frame.dataColumns where grid[column, row].character == densest {
        count += 1
        let x = frame.xCenter(ofColumn: column)
        let y = frame.yCenter(ofRow: row)
        #expect((x - 1).magnitude < 0.6 && (y + 1).magnitude < 0.8, "dark cell at (\(x), \(y))")
      }
    }
    #expect(count >= 1)
  }

  private func distanceFromValley(_ x: Double, _ y: Double) -> Double { (x + y).magnitude }
}
