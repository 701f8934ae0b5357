import TextGrid

/// Several loss curves in one plot (the current run and kept baselines), each drawn with its own
/// mark so the plot reads in monochrome, with a legend naming the marks.
///
/// Each series is drawn a mark per data column: the value of the last epoch that falls in the
/// column, so a curve keeps its shape at any width; the x axis spans the longest series, in
/// epochs (a long run's curve holds one value per bucket of several epochs; see `LossHistory`).
public struct ComparisonPlot: Sendable {
  public struct Series: Sendable {
    public var name: String
    public var values: [Double]
    /// Epochs between consecutive values: `values[k]` is drawn at epoch 1 + k · epochsPerValue.
    public var epochsPerValue: Int
    public var mark: Character

    public init(name: String, values: [Double], epochsPerValue: Int = 1, mark: Character) {
      self.name = name
      self.values = values
      self.epochsPerValue = epochsPerValue
      self.mark = mark
    }

    /// The epoch `values[index]` is drawn at.
    func epoch(ofValue index: Int) -> Double { Double(1 + index * epochsPerValue) }
  }

  public var title: String
  public var series: [Series]
  public var scale: AxisScale

  /// The marks in order of use: the current run first. ASCII, so both glyph sets share them.
  public static let marks: [Character] = ["*", "o", "+", "x", "#"]

  public init(title: String, series: [Series], scale: AxisScale = .linear) {
    self.title = title
    self.series = series
    self.scale = scale
  }

  public func frame(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> PlotFrame? {
    let longest = max(2.0, series.map { $0.epoch(ofValue: $0.values.count - 1) }.max() ?? 0)
    var low = Double.infinity
    var high = -Double.infinity
    for s in series {
      for v in s.values {
        guard let p = scale.position(of: v) else { continue }
        low = min(low, p)
        high = max(high, p)
      }
    }
    let y = low <= high ? PlotRange(low, high).normalized.padded(by: 0.05) : PlotRange(0, 1)
    return PlotFrame(
      width: width, height: height, xRange: PlotRange(1, longest), yRange: y,
      yScale: scale, xLabel: "epoch", yLabel: "E", glyphs: glyphs,
      xTickStyle: .integersWithEnds)
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> TextGrid {
    guard let frame = frame(width: width, height: height, glyphs: glyphs) else {
      return PlotFrame.tooSmall(width: width, height: height)
    }
    var grid = TextGrid(width: width, height: height)
    // Baselines first, the current run last, so the run being watched is on top.
    for s in series.reversed() {
      var lastCell: CellPosition?
      for (index, value) in s.values.enumerated() {
        guard let cell = frame.cell(for: PlotPoint(s.epoch(ofValue: index), value)) else {
          continue
        }
        if let lastCell, lastCell.x == cell.x, index != s.values.count - 1 { continue }
        grid[cell.x, cell.y] = Cell(character: s.mark, style: .bold)
        lastCell = cell
      }
    }
    frame.drawAxes(into: &grid, title: title, glyphs: glyphs)
    let items = series.map { s in
      LegendItem(
        [
          [
            LegendRun(text: String(s.mark), style: .bold),
            LegendRun(
              text: " \(s.name)"
                + (s.values.last.map { " " + PlotNumberFormat.compact($0) } ?? "")),
          ],
          [LegendRun(text: String(s.mark), style: .bold), LegendRun(text: " \(s.name)")],
        ], required: true)
    }
    PlotLegend.draw(items, into: &grid, row: frame.legendRow, width: width)
    return grid
  }
}
