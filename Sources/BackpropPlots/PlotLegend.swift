import TextGrid

/// One stretch of legend text drawn in one style (so a marker in the legend looks like the marker
/// on the plot).
struct LegendRun {
  var text: String
  var style: CellStyle = .plain
}

/// One entry of a legend, in alternative spellings from most to least detailed.
struct LegendItem {
  var variants: [[LegendRun]]
  /// Required items (the shade scale, a note that values were left out) are always shown, in
  /// their shortest spelling if need be; optional ones only when they fit.
  var isRequired: Bool

  init(_ variants: [[LegendRun]], required: Bool = false) {
    self.variants = variants
    isRequired = required
  }

  init(_ text: String, style: CellStyle = .plain, required: Bool = false) {
    self.init([[LegendRun(text: text, style: style)]], required: required)
  }
}

/// Lays out a one-row legend: the most detail that fits the width, never wrapping.
enum PlotLegend {
  static let separator = "  "

  static func draw(_ items: [LegendItem], into grid: inout TextGrid, row: Int, width: Int) {
    let chosen = choose(items, width: width)
    var column = 0
    for (index, runs) in chosen.enumerated() {
      if index > 0 { column += grid.put(separator, x: column, y: row, maxWidth: width - column) }
      for run in runs {
        column += grid.put(run.text, x: column, y: row, style: run.style, maxWidth: width - column)
      }
    }
  }

  /// The spelling of each shown item, in the items' order.
  static func choose(_ items: [LegendItem], width: Int) -> [[LegendRun]] {
    let required = items.indices.filter { items[$0].isRequired && !items[$0].variants.isEmpty }
    let deepest = required.map { items[$0].variants.count }.max() ?? 1
    var picks: [Int: Int] = [:]
    for level in 0..<deepest {
      for index in required { picks[index] = min(level, items[index].variants.count - 1) }
      if totalWidth(items, picks) <= width { break }
    }
    for index in items.indices where !items[index].isRequired {
      for variant in items[index].variants.indices {
        picks[index] = variant
        if totalWidth(items, picks) <= width { break }
        picks[index] = nil
      }
    }
    return items.indices.compactMap { index in picks[index].map { items[index].variants[$0] } }
  }

  private static func totalWidth(_ items: [LegendItem], _ picks: [Int: Int]) -> Int {
    let widths = picks.map { index, variant in
      items[index].variants[variant].reduce(0) { $0 + $1.text.displayWidth }
    }
    return widths.reduce(0, +) + max(0, widths.count - 1) * separator.count
  }
}
