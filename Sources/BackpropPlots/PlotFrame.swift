import TextGrid

/// The layout of one plot at one size, and the mapping between data coordinates and cells.
///
/// Every plot shares it, so they all look alike and keep labels out of the data:
///
///     row 0               y-axis name (left margin) and title
///     rows 1 ... h-4      y tick labels │ data area          (dataRows)
///     row h-3             └──┬────┬────┬── x-axis name
///     row h-2             x tick labels
///     row h-1             legend
///
/// Column `c` of the data area covers data x in `[lower + c·dx, lower + (c+1)·dx)` and row `r`
/// covers axis positions in `(upper − (r+1)·dy, upper − r·dy]`, with the top row at `upper`; the
/// last column and bottom row also include the far end. Cells are sampled at their centres.
/// Tests use `cell(for:)` to check that markers land where their coordinates say.
public struct PlotFrame: Equatable, Sendable {
  /// Smaller plots have no room for a data area between the labels; they show a short notice.
  public static let minimumWidth = 30
  public static let minimumHeight = 10

  public let width: Int
  public let height: Int
  /// The x range shown, left edge of the first column to right edge of the last.
  public let xRange: PlotRange
  /// The range of y-axis positions shown: data values, or their decimal logarithms when
  /// `yScale` is logarithmic.
  public let yRange: PlotRange
  public let yScale: AxisScale
  public let titleRow: Int
  public let dataLeft: Int
  public let dataTop: Int
  public let dataWidth: Int
  public let dataHeight: Int
  /// The column of the vertical axis line, just left of the data area.
  public let axisColumn: Int
  /// The row of the horizontal axis line, just below the data area.
  public let axisRow: Int
  public let tickLabelRow: Int
  public let legendRow: Int

  let xTicks: [AxisTick]
  let yTicks: [AxisTick]
  let xLabel: String
  let yLabel: String

  /// How x-axis ticks are chosen.
  enum XTickStyle {
    /// Nice multiples only.
    case nice
    /// Whole numbers, with both ends always labelled (for epochs: the run's first and last).
    case integersWithEnds
  }

  /// The frame for a plot of `width × height` cells, or nil when that is below the minimum size.
  init?(
    width: Int, height: Int, xRange: PlotRange, yRange: PlotRange, yScale: AxisScale = .linear,
    xLabel: String, yLabel: String, glyphs: GlyphSet, xTickStyle: XTickStyle = .nice
  ) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    self.width = width
    self.height = height
    self.xRange = xRange.normalized
    self.yRange = yRange.normalized
    self.yScale = yScale
    self.xLabel = glyphs.text(xLabel)
    self.yLabel = glyphs.text(yLabel)
    titleRow = 0
    dataTop = 1
    dataHeight = height - 4
    axisRow = dataTop + dataHeight
    tickLabelRow = axisRow + 1
    legendRow = tickLabelRow + 1

    let yCount = max(2, dataHeight / 3 + 1)
    yTicks =
      yScale == .logarithmic
      ? AxisTicks.logarithmic(self.yRange, maxCount: yCount)
      : AxisTicks.linear(self.yRange, maxCount: yCount)
    let labelWidth = yTicks.map(\.label.displayWidth).max() ?? 0
    // Margins never take more than a quarter (left) or a fifth (right) of the width, so the data
    // area keeps at least half of it; longer labels are cut.
    let margin = min(max(1, labelWidth, self.yLabel.displayWidth), max(4, width / 4))
    let rightMargin = self.xLabel.isEmpty ? 0 : min(self.xLabel.displayWidth + 1, width / 5)
    axisColumn = margin
    dataLeft = margin + 1
    dataWidth = width - dataLeft - rightMargin

    let xCount = max(2, dataWidth / 8)
    switch xTickStyle {
    case .nice:
      xTicks = AxisTicks.linear(self.xRange, maxCount: xCount)
    case .integersWithEnds:
      let ends = [self.xRange.lower, self.xRange.upper].map {
        AxisTick(position: $0, label: PlotNumberFormat.fixed($0, decimals: 0))
      }
      xTicks = ends + AxisTicks.linear(self.xRange, maxCount: xCount, integerStep: true)
    }
  }

  /// The grid columns of the data area.
  public var dataColumns: Range<Int> { dataLeft..<(dataLeft + dataWidth) }

  /// The grid rows of the data area.
  public var dataRows: Range<Int> { dataTop..<(dataTop + dataHeight) }

  /// The cell a data point falls in, or nil when it lies outside the ranges (or is not finite,
  /// or cannot be shown on a logarithmic axis). Points are clipped, never wrapped.
  public func cell(for point: PlotPoint) -> CellPosition? {
    guard let position = yScale.position(of: point.y), point.x.isFinite else { return nil }
    guard xRange.contains(point.x), yRange.contains(position) else { return nil }
    let column = min(Int(columnOffset(point.x)), dataWidth - 1)
    let row = min(Int(rowOffset(position)), dataHeight - 1)
    return CellPosition(x: dataLeft + column, y: dataTop + row)
  }

  /// The data x at the centre of grid column `column`.
  public func xCenter(ofColumn column: Int) -> Double {
    xRange.lower + (Double(column - dataLeft) + 0.5) * xRange.span / Double(dataWidth)
  }

  /// The data y at the centre of grid row `row` (for a logarithmic axis, the value, not its
  /// logarithm).
  public func yCenter(ofRow row: Int) -> Double {
    yScale.value(
      at: yRange.upper - (Double(row - dataTop) + 0.5) * yRange.span / Double(dataHeight))
  }

  /// Continuous column coordinate of data x: 0 at the left edge, `dataWidth` at the right edge.
  func columnOffset(_ x: Double) -> Double {
    (x - xRange.lower) / xRange.span * Double(dataWidth)
  }

  /// Continuous row coordinate of an axis position: 0 at the top edge, `dataHeight` at the bottom.
  func rowOffset(_ position: Double) -> Double {
    (yRange.upper - position) / yRange.span * Double(dataHeight)
  }

  /// Draws the title, the axis names, both axes with their ticks, and the tick labels, none of
  /// which touch the data area.
  func drawAxes(into grid: inout TextGrid, title: String, glyphs: GlyphSet) {
    let vertical = glyphs.vertical
    let horizontal = glyphs.horizontal
    let leftTee: Character = glyphs.isUnicode ? "┤" : "+"
    let upTee: Character = glyphs.isUnicode ? "┬" : "+"
    let axisStyle: CellStyle = .dim

    grid.put(yLabel, x: max(0, axisColumn - yLabel.displayWidth), y: titleRow, maxWidth: axisColumn)
    // The title is centred over the data area so it never reads as part of the y-axis name.
    // One that does not fit ends at a whole word with an ellipsis, never cut mid-word.
    let room = max(0, width - dataLeft - 1)
    let heading = TextWrap.truncate(
      glyphs.text(title), width: room, ellipsis: glyphs.isUnicode ? "…" : "...")
    let headingStart = dataLeft + max(1, (dataWidth - heading.displayWidth) / 2)
    grid.put(
      heading, x: min(headingStart, max(dataLeft + 1, width - heading.displayWidth)), y: titleRow,
      style: .bold, maxWidth: width - dataLeft - 1)

    for row in dataRows {
      grid[axisColumn, row] = Cell(character: vertical, style: axisStyle)
    }
    var usedRows = Set<Int>()
    for tick in yTicks where yRange.contains(tick.position) {
      let row = dataTop + min(Int(rowOffset(tick.position)), dataHeight - 1)
      guard usedRows.insert(row).inserted else { continue }
      grid[axisColumn, row] = Cell(character: leftTee, style: axisStyle)
      let labelWidth = min(tick.label.displayWidth, axisColumn)
      grid.put(tick.label, x: axisColumn - labelWidth, y: row, maxWidth: axisColumn)
    }

    grid[axisColumn, axisRow] = Cell(character: glyphs.bottomLeft, style: axisStyle)
    for column in dataColumns {
      grid[column, axisRow] = Cell(character: horizontal, style: axisStyle)
    }
    grid.put(
      xLabel, x: dataLeft + dataWidth + 1, y: axisRow, maxWidth: width - dataLeft - dataWidth - 1)

    // Labels are placed in order (for epochs the two ends first) and skipped when they would
    // touch a label already placed, so they never run together.
    var taken: [Range<Int>] = []
    for tick in xTicks where xRange.contains(tick.position) {
      let column = dataLeft + min(Int(columnOffset(tick.position)), dataWidth - 1)
      let labelWidth = tick.label.displayWidth
      let start = min(max(0, column - labelWidth / 2), width - labelWidth)
      let span = start..<(start + labelWidth)
      let padded = (start - 1)..<(start + labelWidth + 1)
      guard start >= 0, !taken.contains(where: { $0.overlaps(padded) }) else { continue }
      taken.append(span)
      grid[column, axisRow] = Cell(character: upTee, style: axisStyle)
      grid.put(tick.label, x: start, y: tickLabelRow)
    }
  }

  /// What a plot below the minimum size shows: "plot needs 30x10", wrapped and cut to fit.
  static func tooSmall(width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    guard grid.width > 0, grid.height > 0 else { return grid }
    let message = "plot needs \(minimumWidth)x\(minimumHeight)"
    if message.count <= grid.width {
      grid.put(message, x: 0, y: 0)
      return grid
    }
    var row = 0
    var line = ""
    for word in message.split(separator: " ").map(String.init) {
      if line.isEmpty || line.count + 1 + word.count <= grid.width {
        line += line.isEmpty ? word : " " + word
      } else {
        grid.put(line, x: 0, y: row)
        row += 1
        line = word
      }
    }
    grid.put(line, x: 0, y: row)
    return grid
  }
}
