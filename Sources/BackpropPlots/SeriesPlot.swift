import TextGrid

/// A loss curve: one value per epoch, on a linear or logarithmic value axis.
///
/// Runs can be long (100 000 epochs on 80 columns), so values are downsampled to the width by
/// keeping the minimum and maximum of each dot column: every value contributes, spikes survive,
/// and the x axis always spans the whole run with its first and last epoch labelled.
/// Values that cannot be drawn (NaN, ±∞, or ≤ 0 on a logarithmic axis) break the line and are
/// counted in the legend rather than silently dropped.
///
/// A very long run arrives as one value per bucket of `epochsPerValue` epochs (their mean), with
/// the lowest and highest epoch of each bucket in `band`: the line then runs through each
/// bucket's whole span, so a spike inside a bucket still shows.
public struct SeriesPlot: Sendable {
  /// The lowest and highest value behind each of `values`.
  public struct Band: Sendable {
    public var lows: [Double]
    public var highs: [Double]

    public init(lows: [Double], highs: [Double]) {
      self.lows = lows
      self.highs = highs
    }
  }

  public var title: String
  public var xLabel: String
  public var yLabel: String
  /// One value per epoch (or per bucket of `epochsPerValue` epochs), oldest first.
  public var values: [Double]
  /// The epoch number of `values[0]`.
  public var firstEpoch: Int
  /// Epochs between consecutive values.
  public var epochsPerValue: Int
  /// The span behind each value, when a value stands for several epochs.
  public var band: Band?
  /// The smallest value and its epoch when known exactly (a bucketed curve's means hide it).
  public var minimum: (value: Double, epoch: Int)?
  public var scale: AxisScale
  /// The value range shown (in values, not logarithms); nil fits the drawable values.
  public var yRange: PlotRange?
  /// A second series the caller draws over this one (the test E of `data split`), named in the
  /// legend row after `last`. It has its own place there: written on the title row, it covered
  /// the title.
  public var overlay: OverlayLegend?

  /// The legend entry of an overlaid series: its marker, and its text in spellings from the most
  /// to the least detailed (the shortest is shown when room is short; it is never left out).
  public struct OverlayLegend: Sendable {
    public var marker: String
    public var style: CellStyle
    public var spellings: [String]

    public init(marker: String, style: CellStyle, spellings: [String]) {
      self.marker = marker
      self.style = style
      self.spellings = spellings
    }
  }

  public init(
    title: String = "", xLabel: String = "epoch", yLabel: String = "E", values: [Double],
    firstEpoch: Int = 0, epochsPerValue: Int = 1, band: Band? = nil,
    minimum: (value: Double, epoch: Int)? = nil, scale: AxisScale = .linear,
    yRange: PlotRange? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.values = values
    self.firstEpoch = firstEpoch
    self.epochsPerValue = max(1, epochsPerValue)
    self.band = band.flatMap {
      $0.lows.count == values.count && $0.highs.count == values.count ? $0 : nil
    }
    self.minimum = minimum
    self.scale = scale
    self.yRange = yRange
  }

  /// The epoch `values[index]` is drawn at.
  public func epoch(ofValue index: Int) -> Int { firstEpoch + index * epochsPerValue }

  /// The epochs shown: first to last (the end of the last bucket), at least one epoch wide.
  public var epochRange: PlotRange {
    let last =
      epochsPerValue == 1
      ? firstEpoch + max(values.count - 1, 1) : firstEpoch + values.count * epochsPerValue - 1
    return PlotRange(Double(firstEpoch), Double(last))
  }

  /// The layout at this size, or nil below `PlotFrame.minimumWidth × minimumHeight`.
  public func frame(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> PlotFrame? {
    PlotFrame(
      width: width, height: height, xRange: epochRange, yRange: axisRange(), yScale: scale,
      xLabel: xLabel, yLabel: yLabel, glyphs: glyphs, xTickStyle: .integersWithEnds)
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> TextGrid {
    guard let frame = frame(width: width, height: height, glyphs: glyphs) else {
      return PlotFrame.tooSmall(width: width, height: height)
    }
    var grid = TextGrid(width: width, height: height)
    var canvas = DotCanvas(columns: frame.dataWidth, rows: frame.dataHeight, glyphs: glyphs)
    let uPerValue = Double(canvas.dotColumns) / frame.xRange.span * Double(epochsPerValue)
    let vScale = Double(canvas.dotsDown)
    var nonFinite = 0
    var nonPositive = 0
    var smallest: (value: Double, epoch: Int)?
    // Consecutive values in one dot column are reduced to their first, smallest, largest and
    // last before they reach the canvas, so the logarithm is taken a few times per column
    // rather than once per epoch.
    var run = ColumnRun()
    func flush() {
      for (index, value) in run.points {
        let position = scale.position(of: value) ?? 0
        canvas.addPoint(u: Double(index) * uPerValue, v: frame.rowOffset(position) * vScale)
      }
      run = ColumnRun()
    }
    for (index, value) in values.enumerated() {
      guard value.isFinite else {
        nonFinite += 1
        flush()
        canvas.liftPen()
        continue
      }
      if smallest == nil || value < smallest!.value { smallest = (value, epoch(ofValue: index)) }
      guard scale == .linear || value > 0 else {
        nonPositive += 1
        flush()
        canvas.liftPen()
        continue
      }
      let column = min(Int(Double(index) * uPerValue), canvas.dotColumns - 1)
      if column != run.column { flush() }
      run.add(index: index, value: value, column: column)
      if let band {
        // The bucket's extremes, where they can be drawn, widen the column's span.
        for extreme in [band.lows[index], band.highs[index]]
        where extreme.isFinite && (scale == .linear || extreme > 0) {
          run.add(index: index, value: extreme, column: column, isExtremeOnly: true)
        }
      }
    }
    flush()
    canvas.draw(into: &grid, left: frame.dataLeft, top: frame.dataTop, style: .plain)
    frame.drawAxes(into: &grid, title: title, glyphs: glyphs)

    var items: [LegendItem] = []
    if values.isEmpty { items.append(LegendItem("no data yet", required: true)) }
    if nonFinite > 0 {
      items.append(
        LegendItem(
          [
            [LegendRun(text: glyphs.text("\(nonFinite) NaN/∞ left out"))],
            [LegendRun(text: glyphs.text("NaN/∞ left out"))],
          ], required: true))
    }
    if nonPositive > 0 {
      items.append(
        LegendItem(
          [
            [LegendRun(text: glyphs.text("\(nonPositive) values ≤ 0 left out"))],
            [LegendRun(text: glyphs.text("≤0 left out"))],
          ], required: true))
    }
    if let last = values.last {
      items.append(LegendItem("last " + PlotNumberFormat.compact(last)))
    }
    if let overlay, !overlay.spellings.isEmpty {
      items.append(
        LegendItem(
          overlay.spellings.map {
            [LegendRun(text: overlay.marker, style: overlay.style), LegendRun(text: " " + $0)]
          }, required: true))
    }
    if let minimum { smallest = minimum }
    if let smallest {
      items.append(
        LegendItem(
          "min " + PlotNumberFormat.compact(smallest.value) + " at epoch \(smallest.epoch)"))
    }
    if scale == .logarithmic { items.append(LegendItem("log scale")) }
    PlotLegend.draw(items, into: &grid, row: frame.legendRow, width: width)
    return grid
  }

  /// The y range in axis positions: the explicit one, or the drawable values with a margin.
  private func axisRange() -> PlotRange {
    if let yRange {
      let range = yRange.normalized
      switch scale {
      case .linear: return range
      case .logarithmic:
        let upper = range.upper > 0 ? range.upper : 1
        let lower = range.lower > 0 ? range.lower : upper / 1000
        return PlotRange(PlotMath.decimalLogarithm(lower), PlotMath.decimalLogarithm(upper))
      }
    }
    var low = Double.infinity
    var high = -Double.infinity
    for value in values + (band.map { $0.lows + $0.highs } ?? []) {
      guard let position = scale.position(of: value) else { continue }
      low = min(low, position)
      high = max(high, position)
    }
    guard low <= high else { return scale == .logarithmic ? PlotRange(-1, 1) : PlotRange(0, 1) }
    if scale == .logarithmic, high - low < 1e-9 { return PlotRange(low - 0.5, high + 0.5) }
    return PlotRange(low, high).normalized.padded(by: 0.05)
  }
}

/// The values of one unbroken run inside one dot column, reduced to the four that matter for
/// drawing it: where it enters, where it leaves, and its extremes.
private struct ColumnRun {
  typealias Point = (index: Int, value: Double)
  var column = -1
  private var first: Point?
  private var last: Point?
  private var lowest: Point?
  private var highest: Point?

  /// `isExtremeOnly`: a bucket's minimum or maximum, which widens the span but is not where the
  /// line enters or leaves.
  mutating func add(index: Int, value: Double, column: Int, isExtremeOnly: Bool = false) {
    if !isExtremeOnly {
      if first == nil {
        self.column = column
        first = (index, value)
      }
      last = (index, value)
    }
    if lowest == nil || value < lowest!.value { lowest = (index, value) }
    if highest == nil || value > highest!.value { highest = (index, value) }
  }

  /// The points to draw, in order (the entry first and the exit last, so the line joins its
  /// neighbours at the right height).
  var points: [Point] {
    guard let first, let last, let lowest, let highest else { return [] }
    var result = [first]
    let extremes = lowest.index <= highest.index ? [lowest, highest] : [highest, lowest]
    for point in extremes where !Self.same(point, first) && !Self.same(point, last) {
      result.append(point)
    }
    if !Self.same(last, first) { result.append(last) }
    return result
  }

  private static func same(_ a: Point, _ b: Point) -> Bool {
    a.index == b.index && a.value == b.value
  }
}
