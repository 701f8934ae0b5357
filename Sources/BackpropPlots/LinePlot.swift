import TextGrid

/// A curve y = f(x) over an x range with the current point marked, e.g. the parabola
/// E = (t − y)² against the output y for one training case, with the network's present y on it.
///
/// The curve is drawn with braille dots (2 × 4 per cell) when Unicode is available and with `*`
/// otherwise. The current x is also marked on the axis, so it can be read off without a ruler.
public struct LinePlot {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var xRange: PlotRange
  /// The y range shown; nil fits the curve (and the current point) with a small margin.
  public var yRange: PlotRange?
  /// The point marked as "now"; off the ranges it is not drawn and the legend says so.
  public var current: PlotPoint?
  /// The function drawn; may return NaN or ±∞ (those parts are left out and counted).
  public var function: (Double) -> Double

  public init(
    title: String = "", xLabel: String = "y", yLabel: String = "E", xRange: PlotRange,
    yRange: PlotRange? = nil, current: PlotPoint? = nil, function: @escaping (Double) -> Double
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xRange = xRange
    self.yRange = yRange
    self.current = current
    self.function = function
  }

  /// The layout at this size, or nil below `PlotFrame.minimumWidth × minimumHeight`.
  public func frame(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> PlotFrame? {
    frameAndSamples(width: width, height: height, glyphs: glyphs)?.frame
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> TextGrid {
    guard let (frame, samples) = frameAndSamples(width: width, height: height, glyphs: glyphs)
    else { return PlotFrame.tooSmall(width: width, height: height) }
    var grid = TextGrid(width: width, height: height)
    var canvas = DotCanvas(columns: frame.dataWidth, rows: frame.dataHeight, glyphs: glyphs)
    let dotsPerRow = Double(canvas.dotsDown)
    var nonFinite = 0
    for (index, value) in samples.enumerated() {
      guard value.isFinite else {
        // Samples alternate between dot-column edges and centres; count the centres.
        if index % 2 == 1 { nonFinite += 1 }
        canvas.liftPen()
        continue
      }
      canvas.addPoint(u: Double(index) / 2, v: frame.rowOffset(value) * dotsPerRow)
    }
    canvas.draw(into: &grid, left: frame.dataLeft, top: frame.dataTop, style: .plain)
    frame.drawAxes(into: &grid, title: title, glyphs: glyphs)

    let markers = PlotMarkers(glyphs: glyphs)
    var items: [LegendItem] = []
    if let current {
      let marker = LegendRun(text: String(markers.current), style: PlotMarkers.currentStyle)
      let place =
        glyphs.text(xLabel) + " " + PlotNumberFormat.compact(current.x) + ", "
        + glyphs.text(yLabel) + " " + PlotNumberFormat.compact(current.y)
      if let cell = frame.cell(for: current) {
        grid[cell.x, cell.y] = Cell(character: markers.current, style: PlotMarkers.currentStyle)
        grid[cell.x, frame.axisRow] = Cell(
          character: glyphs.isUnicode ? "▲" : "^", style: PlotMarkers.currentStyle)
        items.append(LegendItem([[marker, LegendRun(text: " now " + place)], [marker]]))
      } else {
        items.append(
          LegendItem([
            [marker, LegendRun(text: " off plot: " + place)], [marker, .init(text: " off plot")],
          ]))
      }
    }
    if nonFinite > 0 {
      items.append(
        LegendItem(
          [
            [LegendRun(text: glyphs.text("\(nonFinite) NaN/∞ samples left out"))],
            [LegendRun(text: glyphs.text("NaN/∞ left out"))],
          ], required: true))
    }
    PlotLegend.draw(items, into: &grid, row: frame.legendRow, width: width)
    return grid
  }

  /// The frame, and f sampled at every half dot column (edges and centres) of the data area.
  private func frameAndSamples(width: Int, height: Int, glyphs: GlyphSet) -> (
    frame: PlotFrame, samples: [Double]
  )? {
    guard width >= PlotFrame.minimumWidth, height >= PlotFrame.minimumHeight else { return nil }
    let x = xRange.normalized
    // The data width depends on the y labels, which depend on the y range, which depends on
    // the samples: a first frame with a guessed range fixes the width, and the samples are
    // redone only if the final frame came out narrower or wider.
    var frame = PlotFrame(
      width: width, height: height, xRange: x, yRange: yRange ?? PlotRange(0, 1), xLabel: xLabel,
      yLabel: yLabel, glyphs: glyphs)!
    var samples = sample(frame: frame, glyphs: glyphs)
    if yRange == nil {
      var values = samples.filter(\.isFinite)
      if let current, current.isFinite, x.contains(current.x) { values.append(current.y) }
      let fitted = (PlotRange(values.min() ?? -1, values.max() ?? 1)).normalized.padded(by: 0.05)
      let refined = PlotFrame(
        width: width, height: height, xRange: x, yRange: fitted, xLabel: xLabel, yLabel: yLabel,
        glyphs: glyphs)!
      if refined.dataWidth != frame.dataWidth { samples = sample(frame: refined, glyphs: glyphs) }
      frame = refined
    }
    return (frame, samples)
  }

  private func sample(frame: PlotFrame, glyphs: GlyphSet) -> [Double] {
    let halfColumns = frame.dataWidth * (glyphs.isUnicode ? 2 : 1) * 2
    return (0...halfColumns).map { index in
      function(frame.xRange.lower + frame.xRange.span * Double(index) / Double(halfColumns))
    }
  }
}
