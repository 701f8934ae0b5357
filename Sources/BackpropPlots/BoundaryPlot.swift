import TextGrid

/// The decision boundary of a network with two inputs: a shade per cell for the network's
/// output over the input square, with the training samples drawn on top by class.
///
/// TensorFlow Playground's main picture, drawn with the surface plot's machinery: the same
/// frame, axes and legend, the same shade ramp (Unicode blocks or the ASCII ramp ` .:-=+*#%@`).
/// The shade is linear in the value from `valueRange.lower` (lightest) to `valueRange.upper`
/// (densest), so where the ramp turns from light to dark is where the output crosses the middle:
/// the boundary. Samples use glyphs that are not shades (`○ ● △ ◇ …`, ASCII `o x v ^ …`), so the
/// picture reads in monochrome; colour is only a hint.
public struct BoundaryPlot {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var xRange: PlotRange
  public var yRange: PlotRange
  /// What the shade shows, e.g. "o_5" or "p(class 2)".
  public var valueName: String
  /// The values mapped to the lightest and the densest shade (clamped outside).
  public var valueRange: PlotRange
  /// Training samples: where, and their class (0, 1, …).
  public var samples: [(point: PlotPoint, label: Int)]
  /// The names of the classes in the legend, by class number (e.g. "t=0", "t=1").
  public var classNames: [String]
  /// The value shaded at (x1, x2). Called once per data cell.
  public var function: (Double, Double) -> Double

  public init(
    title: String, xLabel: String, yLabel: String, xRange: PlotRange, yRange: PlotRange,
    valueName: String, valueRange: PlotRange, samples: [(point: PlotPoint, label: Int)],
    classNames: [String], function: @escaping (Double, Double) -> Double
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xRange = xRange
    self.yRange = yRange
    self.valueName = valueName
    self.valueRange = valueRange
    self.samples = samples
    self.classNames = classNames
    self.function = function
  }

  static let unicodeMarkers: [Character] = ["○", "●", "△", "◇", "□", "▽", "☆", "◎"]
  static let asciiMarkers: [Character] = ["o", "x", "v", "^", "s", "z", "w", "&"]
  static let markerStyles: [CellStyle] = [
    [.bold, .blue], [.bold, .red], [.bold, .green], [.bold, .magenta], [.bold, .cyan],
    [.bold, .yellow],
  ]

  /// The marker of class `label`.
  public static func marker(for label: Int, glyphs: GlyphSet) -> Character {
    let set = glyphs.isUnicode ? unicodeMarkers : asciiMarkers
    return set[label % set.count]
  }

  /// The shade ramp, lightest first.
  public static func ramp(_ glyphs: GlyphSet) -> [Character] {
    glyphs.shades.count >= 2 ? glyphs.shades : [" ", "#"]
  }

  /// The shade for a value: the ramp cut into equal bands over `valueRange`.
  public func shade(for value: Double, glyphs: GlyphSet) -> Character {
    let ramp = Self.ramp(glyphs)
    guard value.isFinite else { return "?" }
    let t = (value - valueRange.lower) / valueRange.span
    let band = Int((max(0, min(1, t)) * Double(ramp.count)).rounded(.down))
    return ramp[min(band, ramp.count - 1)]
  }

  public func frame(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> PlotFrame? {
    PlotFrame(
      width: width, height: height, xRange: xRange, yRange: yRange, xLabel: xLabel,
      yLabel: yLabel, glyphs: glyphs)
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet = .unicode) -> TextGrid {
    guard let frame = frame(width: width, height: height, glyphs: glyphs) else {
      return PlotFrame.tooSmall(width: width, height: height)
    }
    var grid = TextGrid(width: width, height: height)
    for row in frame.dataRows {
      let y = frame.yCenter(ofRow: row)
      for column in frame.dataColumns {
        let value = function(frame.xCenter(ofColumn: column), y)
        grid[column, row] =
          value.isFinite
          ? Cell(character: shade(for: value, glyphs: glyphs))
          : Cell(character: "?", style: PlotMarkers.nonFiniteStyle)
      }
    }
    var shown = Set<Int>()
    var outside = 0
    for sample in samples {
      guard let cell = frame.cell(for: sample.point) else {
        outside += 1
        continue
      }
      shown.insert(sample.label)
      grid[cell.x, cell.y] = Cell(
        character: Self.marker(for: sample.label, glyphs: glyphs),
        style: Self.markerStyles[sample.label % Self.markerStyles.count])
    }
    frame.drawAxes(into: &grid, title: title, glyphs: glyphs)
    PlotLegend.draw(
      legendItems(shown: shown, outside: outside, glyphs: glyphs), into: &grid,
      row: frame.legendRow, width: width)
    return grid
  }

  private func legendItems(shown: Set<Int>, outside: Int, glyphs: GlyphSet) -> [LegendItem] {
    let ramp = String(Self.ramp(glyphs))
    let low = PlotNumberFormat.compact(valueRange.lower, significant: 2)
    let high = PlotNumberFormat.compact(valueRange.upper, significant: 2)
    var items = [
      LegendItem(
        [
          [LegendRun(text: glyphs.text("\(valueName) \(low) [\(ramp)] \(high)"))],
          [LegendRun(text: "\(low)[\(ramp)]\(high)")],
        ], required: true)
    ]
    for label in shown.sorted() {
      let name = label < classNames.count ? classNames[label] : "class \(label + 1)"
      items.append(
        LegendItem(
          [
            [
              LegendRun(
                text: String(Self.marker(for: label, glyphs: glyphs)),
                style: Self.markerStyles[label % Self.markerStyles.count]),
              LegendRun(text: " " + glyphs.text(name)),
            ]
          ], required: true))
    }
    if outside > 0 {
      items.append(LegendItem("(\(outside) sample\(outside == 1 ? "" : "s") off the plot)"))
    }
    return items
  }
}
