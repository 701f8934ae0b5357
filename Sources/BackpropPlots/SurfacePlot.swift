import TextGrid

/// A shaded map of an error function E(x, y) over a rectangle, with the gradient-descent path
/// and the current point drawn on top.
///
/// The tutor's key picture is the linear neuron y = x1·w1 + x2·w2: with the single training case
/// (1, 1, 0) the error (w1 + w2)² is a parabolic cylinder whose floor is the line w1 = −w2, and a
/// second case (1, 0, 1) closes it into a bowl around (1, −1). Low error is drawn with the
/// densest shade, so a valley reads as a dark line and a minimum as a dark spot (ink pools where
/// the error is low); bands are cut on a logarithmic scale by default so the floor gets a thin
/// band of its own instead of merging with everything below the average.
public struct SurfacePlot {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  /// The x range shown; nil picks one covering the path, the current point and `minimum`.
  public var xRange: PlotRange?
  /// The y range shown; nil picks one covering the path, the current point and `minimum`.
  public var yRange: PlotRange?
  public var shading: ShadingScale
  /// Points visited so far, oldest first, joined by segments; parts off the plot are clipped.
  public var path: [PlotPoint]
  /// The point marked as "now" (drawn on top of everything).
  public var current: PlotPoint?
  /// A point the default ranges must show, e.g. the known minimum. Not drawn: the shading shows it.
  public var minimum: PlotPoint?
  /// The function shaded, E(x, y). Called once per data cell; may return NaN or ±∞.
  public var function: (Double, Double) -> Double

  public init(
    title: String = "E", xLabel: String = "w1", yLabel: String = "w2", xRange: PlotRange? = nil,
    yRange: PlotRange? = nil, shading: ShadingScale = .logarithmic, path: [PlotPoint] = [],
    current: PlotPoint? = nil, minimum: PlotPoint? = nil,
    function: @escaping (Double, Double) -> Double
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xRange = xRange
    self.yRange = yRange
    self.shading = shading
    self.path = path
    self.current = current
    self.minimum = minimum
    self.function = function
  }

  /// The ranges drawn: the explicit ones, else `PlotRangeChooser`'s window around the path, the
  /// current point and the minimum.
  public var resolvedRanges: (x: PlotRange, y: PlotRange) {
    if let xRange, let yRange { return (xRange, yRange) }
    let chosen = PlotRangeChooser.covering(
      points: path + (current.map { [$0] } ?? []), including: minimum)
    return (xRange ?? chosen.x, yRange ?? chosen.y)
  }

  /// The layout at this size, or nil below `PlotFrame.minimumWidth × minimumHeight`.
  public func frame(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> PlotFrame? {
    let ranges = resolvedRanges
    return PlotFrame(
      width: width, height: height, xRange: ranges.x, yRange: ranges.y, xLabel: xLabel,
      yLabel: yLabel, glyphs: glyphs)
  }

  /// E at the centre of every data cell at this size, or nil when the plot is too small.
  public func samples(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> SurfaceSamples? {
    frame(width: width, height: height, glyphs: glyphs).map(samples(in:))
  }

  func samples(in frame: PlotFrame) -> SurfaceSamples {
    let xs = frame.dataColumns.map(frame.xCenter(ofColumn:))
    let ys = frame.dataRows.map(frame.yCenter(ofRow:))
    var values: [Double] = []
    values.reserveCapacity(xs.count * ys.count)
    for y in ys {
      for x in xs { values.append(function(x, y)) }
    }
    return SurfaceSamples(xs: xs, ys: ys, values: values)
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> TextGrid {
    guard let frame = frame(width: width, height: height, glyphs: glyphs) else {
      return PlotFrame.tooSmall(width: width, height: height)
    }
    var grid = TextGrid(width: width, height: height)
    let samples = samples(in: frame)
    let bands = ShadeBands(values: samples.values, scale: shading, glyphs: glyphs)
    let markers = PlotMarkers(glyphs: glyphs)

    var nonFiniteCount = 0
    var index = 0
    for row in frame.dataRows {
      for column in frame.dataColumns {
        let value = samples.values[index]
        index += 1
        if value.isFinite {
          grid[column, row] = Cell(character: bands.glyph(for: value))
        } else {
          nonFiniteCount += 1
          grid[column, row] = Cell(character: markers.nonFinite, style: PlotMarkers.nonFiniteStyle)
        }
      }
    }

    drawPath(into: &grid, frame: frame, markers: markers)
    var currentShown = false
    if let current, let cell = frame.cell(for: current) {
      grid[cell.x, cell.y] = Cell(character: markers.current, style: PlotMarkers.currentStyle)
      currentShown = true
    }
    frame.drawAxes(into: &grid, title: title, glyphs: glyphs)

    let items = legendItems(
      bands: bands, markers: markers, nonFiniteCount: nonFiniteCount,
      currentShown: currentShown, glyphs: glyphs)
    PlotLegend.draw(items, into: &grid, row: frame.legendRow, width: width)
    return grid
  }

  /// The shade key first (always shown), then what the plot could not draw, then the markers.
  private func legendItems(
    bands: ShadeBands, markers: PlotMarkers, nonFiniteCount: Int, currentShown: Bool,
    glyphs: GlyphSet
  ) -> [LegendItem] {
    var items = [bands.legendItem(glyphs: glyphs)]
    if nonFiniteCount > 0 {
      let marker = LegendRun(text: String(markers.nonFinite), style: PlotMarkers.nonFiniteStyle)
      items.append(
        LegendItem(
          [
            [marker, LegendRun(text: glyphs.text(" NaN/∞ (\(nonFiniteCount) cells)"))],
            [marker, LegendRun(text: glyphs.text(" NaN/∞"))],
          ], required: true))
    }
    if let current {
      let marker = LegendRun(text: String(markers.current), style: PlotMarkers.currentStyle)
      let place =
        "(\(PlotNumberFormat.compact(current.x)), \(PlotNumberFormat.compact(current.y)))"
      let state = currentShown ? " now" : " now off plot"
      items.append(
        LegendItem([
          [marker, LegendRun(text: glyphs.text(state + " " + place))],
          [marker, LegendRun(text: state)],
        ]))
    }
    if !path.isEmpty {
      let marker = LegendRun(text: String(markers.step), style: PlotMarkers.stepStyle)
      items.append(LegendItem([[marker, LegendRun(text: " step")]]))
    }
    if !shading.legendName.isEmpty {
      items.append(LegendItem("(\(shading.legendName) bands)"))
    }
    return items
  }

  private func drawPath(into grid: inout TextGrid, frame: PlotFrame, markers: PlotMarkers) {
    let points = path.filter(\.isFinite)
    guard !points.isEmpty else { return }
    for (start, end) in zip(points, points.dropFirst()) {
      let glyph = markers.segment(
        du: frame.columnOffset(end.x) - frame.columnOffset(start.x),
        dv: frame.rowOffset(end.y) - frame.rowOffset(start.y))
      for cell in PathRasterizer.cells(from: start, to: end, in: frame) {
        grid[cell.x, cell.y] = Cell(character: glyph, style: PlotMarkers.segmentStyle)
      }
    }
    for point in points {
      guard let cell = frame.cell(for: point) else { continue }
      grid[cell.x, cell.y] = Cell(character: markers.step, style: PlotMarkers.stepStyle)
    }
  }
}
