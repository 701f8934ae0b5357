import BackpropPlots
import Testing
import TextGrid

/// Markers land in the cells their coordinates map to, and paths are clipped, never wrapped.
@Suite struct MarkerPlacementTests {
  static let pathGlyphs: Set<Character> = ["•", "·", "o", "~", "/", "\\", "|"]

  @Test(arguments: [GlyphSet.unicode, .ascii]) func currentPointAndStepsLandInTheirCells(
    glyphs: GlyphSet
  ) throws {
    let plot = Fixtures.twoCasesSurface
    for (width, height) in [(40, 12), (80, 24), (120, 40)] {
      let grid = plot.render(width: width, height: height, glyphs: glyphs)
      let frame = try #require(plot.frame(width: width, height: height, glyphs: glyphs))
      let current = try #require(plot.current)
      let cell = try #require(frame.cell(for: current))
      #expect(grid[cell.x, cell.y].character == (glyphs.isUnicode ? "●" : "X"))
      #expect(grid[cell.x, cell.y].style.contains(.reverse))
      #expect(grid[cell.x, cell.y].style.contains(.bold))
      for point in plot.path {
        let step = try #require(frame.cell(for: point))
        guard step != cell else { continue }
        #expect(grid[step.x, step.y].character == (glyphs.isUnicode ? "•" : "o"))
      }
    }
  }

  @Test func cellMappingFollowsTheRanges() throws {
    let plot = SurfacePlot(xRange: PlotRange(0, 10), yRange: PlotRange(0, 5)) { _, _ in 0 }
    let frame = try #require(plot.frame(width: 60, height: 20))
    #expect(frame.cell(for: PlotPoint(0, 5)) == CellPosition(x: frame.dataLeft, y: frame.dataTop))
    #expect(
      frame.cell(for: PlotPoint(10, 0))
        == CellPosition(
          x: frame.dataLeft + frame.dataWidth - 1, y: frame.dataTop + frame.dataHeight - 1))
    #expect(frame.cell(for: PlotPoint(-0.001, 2)) == nil)
    #expect(frame.cell(for: PlotPoint(10.001, 2)) == nil)
    #expect(frame.cell(for: PlotPoint(5, 5.001)) == nil)
    #expect(frame.cell(for: PlotPoint(5, -0.001)) == nil)
    #expect(frame.cell(for: PlotPoint(.nan, 1)) == nil)
    #expect(frame.cell(for: PlotPoint(1, .infinity)) == nil)
    // Column c covers [c, c + 1) · dx.
    let dx = 10 / Double(frame.dataWidth)
    #expect(frame.cell(for: PlotPoint(3.5 * dx, 2.5))?.x == frame.dataLeft + 3)
  }

  /// A horizontal path running off the right edge stops at the edge, in its own row only.
  @Test(arguments: [GlyphSet.unicode, .ascii]) func pathLeavingTheRangeIsClipped(glyphs: GlyphSet)
    throws
  {
    let plot = SurfacePlot(
      xRange: PlotRange(-1, 1), yRange: PlotRange(-1, 1),
      path: [PlotPoint(0, 0.1), PlotPoint(5, 0.1), PlotPoint(5, -5)]
    ) { _, _ in 1 }
    let grid = plot.render(width: 50, height: 16, glyphs: glyphs)
    let frame = try #require(plot.frame(width: 50, height: 16, glyphs: glyphs))
    let start = try #require(frame.cell(for: PlotPoint(0, 0.1)))
    var marked: [CellPosition] = []
    for row in frame.dataRows {
      for column in frame.dataColumns where Self.pathGlyphs.contains(grid[column, row].character) {
        marked.append(CellPosition(x: column, y: row))
      }
    }
    #expect(marked.allSatisfy { $0.y == start.y }, "path cells outside its row: \(marked)")
    #expect(marked.count == frame.dataLeft + frame.dataWidth - start.x)
    #expect(marked.contains(CellPosition(x: frame.dataLeft + frame.dataWidth - 1, y: start.y)))
    // Nothing spilled into the margins or label rows (the legend names the markers).
    for row in 0..<grid.height where !frame.dataRows.contains(row) && row != frame.legendRow {
      for column in 0..<grid.width {
        #expect(!["•", "·", "o"].contains(grid[column, row].character))
      }
    }
  }

  /// A segment entering from outside and leaving again is drawn only where it crosses the plot.
  @Test func segmentCrossingThePlotIsDrawnInside() throws {
    let plot = SurfacePlot(
      xRange: PlotRange(-1, 1), yRange: PlotRange(-1, 1),
      path: [PlotPoint(-3, -3), PlotPoint(3, 3)]
    ) { _, _ in 1 }
    let grid = plot.render(width: 50, height: 16)
    let frame = try #require(plot.frame(width: 50, height: 16))
    var count = 0
    for row in frame.dataRows {
      for column in frame.dataColumns where grid[column, row].character == "·" {
        count += 1
        let x = frame.xCenter(ofColumn: column)
        let y = frame.yCenter(ofRow: row)
        let cellSize = max(2 / Double(frame.dataWidth), 2 / Double(frame.dataHeight))
        #expect((x - y).magnitude <= 1.5 * cellSize, "off the diagonal at (\(x), \(y))")
      }
    }
    #expect(count >= frame.dataWidth)
    #expect(grid[frame.dataLeft, frame.dataTop + frame.dataHeight - 1].character == "·")
    #expect(grid[frame.dataLeft + frame.dataWidth - 1, frame.dataTop].character == "·")
  }

  @Test func currentPointOffThePlotIsNotDrawnButNamed() throws {
    var plot = Fixtures.singleCaseSurface
    plot.current = PlotPoint(5, 5)
    let grid = plot.render(width: 80, height: 24)
    #expect(!grid.text.contains("●now") && grid.text.contains("off plot"))
    let frame = try #require(plot.frame(width: 80, height: 24))
    for row in frame.dataRows {
      for column in frame.dataColumns { #expect(grid[column, row].character != "●") }
    }
  }

  @Test(arguments: [GlyphSet.unicode, .ascii]) func lineMarkerLandsOnTheCurve(glyphs: GlyphSet)
    throws
  {
    let plot = Fixtures.parabola
    for (width, height) in [(30, 10), (40, 12), (80, 24)] {
      let grid = plot.render(width: width, height: height, glyphs: glyphs)
      let frame = try #require(plot.frame(width: width, height: height, glyphs: glyphs))
      let cell = try #require(frame.cell(for: PlotPoint(0.5, 0.25)))
      #expect(grid[cell.x, cell.y].character == (glyphs.isUnicode ? "●" : "X"))
      #expect(grid[cell.x, frame.axisRow].character == (glyphs.isUnicode ? "▲" : "^"))
      // The vertex (0, 0) is on the curve.
      let vertex = try #require(frame.cell(for: PlotPoint(0, 0)))
      #expect(grid[vertex.x, vertex.y].character != " ")
    }
  }

  @Test func explicitRangesAreHonoured() throws {
    var plot = Fixtures.twoCasesSurface
    plot.xRange = PlotRange(-3, 4)
    plot.yRange = PlotRange(-2, 1)
    let frame = try #require(plot.frame(width: 60, height: 20))
    #expect(frame.xRange == PlotRange(-3, 4))
    #expect(frame.yRange == PlotRange(-2, 1))
  }
}
