import BackpropPlots
import Testing
import TextGrid

/// Any size, any data: plots never crash, and say what they could not draw.
@Suite struct RobustnessTests {
  static func renderAll(width: Int, height: Int, glyphs: GlyphSet) -> [TextGrid] {
    [
      Fixtures.singleCaseSurface.render(width: width, height: height, glyphs: glyphs),
      Fixtures.twoCasesSurface.render(width: width, height: height, glyphs: glyphs),
      Fixtures.brokenSurface.render(width: width, height: height, glyphs: glyphs),
      Fixtures.parabola.render(width: width, height: height, glyphs: glyphs),
      Fixtures.loss.render(width: width, height: height, glyphs: glyphs),
      Fixtures.logLoss.render(width: width, height: height, glyphs: glyphs),
    ]
  }

  @Test(arguments: [GlyphSet.unicode, .ascii]) func everySizeRenders(glyphs: GlyphSet) {
    for width in [-3, 0, 1, 2, 5, 10, 15, 16, 20, 29, 30, 31, 33, 45, 200] {
      for height in [-1, 0, 1, 2, 3, 9, 10, 11, 13, 60] {
        for grid in Self.renderAll(width: width, height: height, glyphs: glyphs) {
          #expect(grid.width == max(0, width) && grid.height == max(0, height))
          if width < 30 || height < 10, width >= 16, height >= 1 {
            #expect(grid.lines[0] == "plot needs 30x10")
          }
        }
      }
    }
  }

  @Test func tooSmallMessageWrapsInNarrowSpace() {
    let grid = Fixtures.parabola.render(width: 6, height: 4)
    #expect(grid.lines == ["plot", "needs", "30x10", ""])
  }

  @Test func nonFiniteSurfaceValuesAreMarkedAndNamed() throws {
    for glyphs in [GlyphSet.unicode, .ascii] {
      let grid = Fixtures.brokenSurface.render(width: 60, height: 20, glyphs: glyphs)
      let frame = try #require(Fixtures.brokenSurface.frame(width: 60, height: 20, glyphs: glyphs))
      #expect(grid[frame.dataLeft, frame.dataTop].character == "?")
      let legend = grid.lines[frame.legendRow]
      #expect(legend.contains("? NaN"), "legend: \(legend)")
      let hole = try #require(frame.cell(for: PlotPoint(1, 1)))
      #expect(grid[hole.x, hole.y].character == "?")
    }
  }

  @Test func allNonFiniteSurfaceRenders() {
    let plot = SurfacePlot(
      xRange: PlotRange(-1, 1), yRange: PlotRange(-1, 1),
      path: [
        PlotPoint(.nan, 0), PlotPoint(0, 0), PlotPoint(1e308, -1e308), PlotPoint(.infinity, 0),
      ],
      current: PlotPoint(.nan, .nan)
    ) { _, _ in .nan }
    let grid = plot.render(width: 40, height: 12)
    #expect(grid.text.contains("no finite values"))
  }

  @Test func hugeAndDegenerateInputsRender() {
    let hugeRange = SurfacePlot(
      xRange: PlotRange(-1e308, 1e308), yRange: PlotRange(5, 5),
      path: [PlotPoint(-1e308, 5), PlotPoint(1e308, 5)]
    ) { x, y in x * y }
    _ = hugeRange.render(width: 40, height: 12)
    _ = hugeRange.render(width: 40, height: 12, glyphs: .ascii)
    let chosen = SurfacePlot(path: [PlotPoint(1e300, -1e300), PlotPoint(-1e300, 1e300)]) {
      $0 + $1
    }
    _ = chosen.render(width: 40, height: 12)
    _ = LinePlot(xRange: PlotRange(.infinity, .nan)) { $0 }.render(width: 40, height: 12)
    _ = LinePlot(xRange: PlotRange(0, 1), yRange: PlotRange(3, 3)) { _ in 3 }
      .render(width: 40, height: 12)
    _ = SeriesPlot(values: [1e308, -1e308, 1e308]).render(width: 40, height: 12)
    _ = SeriesPlot(values: [7], scale: .logarithmic).render(width: 40, height: 12)
  }

  @Test func lineWithPolesAndGapsNamesWhatIsMissing() {
    let plot = LinePlot(xRange: PlotRange(-2, 2), current: PlotPoint(-1, .nan)) { x in
      x < -1 ? .nan : 1 / x
    }
    for glyphs in [GlyphSet.unicode, .ascii] {
      let grid = plot.render(width: 60, height: 20, glyphs: glyphs)
      #expect(grid.text.contains("NaN"))
      #expect(grid.text.contains("left out"))
    }
  }

  @Test func seriesNamesValuesItLeftOut() {
    let values: [Double] = [4, 2, .nan, 1, 0.5, .infinity, -1, 0, 0.25, 0.125]
    let linear = SeriesPlot(values: values).render(width: 60, height: 12)
    #expect(linear.text.contains("2 NaN/∞ left out"))
    #expect(!linear.text.contains("≤ 0"))
    let log = SeriesPlot(values: values, scale: .logarithmic).render(width: 60, height: 12)
    #expect(log.text.contains("2 NaN/∞ left out"))
    #expect(log.text.contains("2 values ≤ 0 left out"))
    let ascii = SeriesPlot(values: values, scale: .logarithmic).render(
      width: 60, height: 12, glyphs: .ascii)
    #expect(ascii.text.contains("2 NaN/inf left out"))
    #expect(SeriesPlot(values: []).render(width: 40, height: 12).text.contains("no data yet"))
  }

  /// 100 000 epochs are drawn across the whole width: a single spike late in the run shows in
  /// its own column, and the x axis names the first and last epoch.
  @Test(arguments: [GlyphSet.unicode, .ascii]) func longRunsAreDownsampledNotTruncated(
    glyphs: GlyphSet
  ) throws {
    var values = [Double](repeating: 1, count: 100_000)
    values[98_765] = 50
    let plot = SeriesPlot(values: values)
    let grid = plot.render(width: 80, height: 20, glyphs: glyphs)
    let frame = try #require(plot.frame(width: 80, height: 20, glyphs: glyphs))
    let spike = try #require(frame.cell(for: PlotPoint(98_765, 50)))
    #expect(grid[spike.x, spike.y].character != " ")
    let flat = try #require(frame.cell(for: PlotPoint(99_999, 1)))
    #expect(grid[flat.x, flat.y].character != " ")
    let ticks = grid.lines[frame.tickLabelRow]
    #expect(ticks.hasSuffix("99999"))
    #expect(ticks.trimmingPrefix(while: { $0 == " " }).hasPrefix("0 "))
    // The last columns away from the spike hold only the flat line, in one row.
    let top = try #require(frame.cell(for: PlotPoint(0, 50)))
    #expect(grid[spike.x + 3, top.y].character == " ")
  }
}
