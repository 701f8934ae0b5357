import TextGrid

/// A loss curve: one value per epoch, on a linear or logarithmic value axis.
///
/// Runs can be long (100 000 epochs on 80 columns), so values are downsampled to the width by
/// keeping the minimum and maximum of each dot column: every value contributes, spikes survive,
/// and the x axis always spans the whole run with its first and last epoch labelled.
/// Values that cannot be drawn (NaN, ±∞, or ≤ 0 on a logarithmic axis) break the line and are
/// counted in the legend rather than silently dropped.
public struct SeriesPlot: Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  /// One value per epoch, oldest first.
  public var values: [Double]
  /// The epoch number of `values[0]`.
  public var firstEpoch: Int
  public var scale: AxisScale
  /// The value range shown (in values, not logarithms); nil fits the drawable values.
  public var yRange: PlotRange?

  public init(
    title: String = "", xLabel: String = "epoch", yLabel: String = "E", values: [Double],
    firstEpoch: Int = 0, scale: AxisScale = .linear, yRange: PlotRange? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.values = values
    self.firstEpoch = firstEpoch
    self.scale = scale
    self.yRange = yRange
  }

  /// The epochs shown: first to last, at least one epoch wide.
  public var epochRange: PlotRange {
    PlotRange(Double(firstEpoch), Double(firstEpoch + max(values.count - 1, 1)))
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
    let uPerEpoch = Double(canvas.dotColumns) / frame.xRange.span
    let vScale = Double(canvas.dotsDown)
    var nonFinite = 0
    var nonPositive = 0
    var smallest: (value: Double, epoch: Int)?
    // Consecutive values in one dot column are reduced to their first, smallest, largest and
    // last before they reach the canvas, so the logarithm is taken a few times per column
    // rather than once per epoch.
    var run = ColumnRun()
    func flush() {
      for index in run.indices {
        let position = scale.position(of: values[index]) ?? 0
        canvas.addPoint(u: Double(index) * uPerEpoch, v: frame.rowOffset(position) * vScale)
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
      if smallest == nil || value < smallest!.value { smallest = (value, firstEpoch + index) }
      guard scale == .linear || value > 0 else {
        nonPositive += 1
        flush()
        canvas.liftPen()
        continue
      }
      let column = min(Int(Double(index) * uPerEpoch), canvas.dotColumns - 1)
      if column != run.column { flush() }
      run.add(index: index, value: value, column: column)
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
    for value in values {
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
  var column = -1
  private var first = -1
  private var last = -1
  private var lowest = -1
  private var highest = -1
  private var low = Double.infinity
  private var high = -Double.infinity

  mutating func add(index: Int, value: Double, column: Int) {
    if first < 0 {
      self.column = column
      first = index
    }
    last = index
    if value < low {
      low = value
      lowest = index
    }
    if value > high {
      high = value
      highest = index
    }
  }

  /// The indices to draw, in order (the entry first and the exit last, so the line joins its
  /// neighbours at the right height).
  var indices: [Int] {
    guard first >= 0 else { return [] }
    var result = [first]
    for index in [lowest, highest].sorted() where index != first && index != last {
      result.append(index)
    }
    if last != first { result.append(last) }
    return result
  }
}
