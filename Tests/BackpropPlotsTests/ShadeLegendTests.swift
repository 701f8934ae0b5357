import BackpropPlots
import Testing
import TextGrid

/// The shade key of a surface plot must tell its bands apart, however narrow the range of E.
@Suite struct ShadeLegendTests {
  /// The key's bounds as printed (`█<0.29 ▓<0.29 … ' '≤0.3`), in order.
  static func bounds(in grid: TextGrid) -> [String] {
    guard let line = grid.lines.first(where: { $0.contains("<") && $0.contains("≤") }) else {
      return []
    }
    return line.split(separator: " ").compactMap { word in
      guard let mark = word.firstIndex(where: { $0 == "<" || $0 == "≤" }) else { return nil }
      return String(word[word.index(after: mark)...])
    }
  }

  /// E between 0.29 and 0.30, as for Mazur's network over w_13 and w_23: before the key chose
  /// its digits, every band printed as "<0.29" or "<0.3".
  @Test(arguments: [ShadingScale.linear, .squareRoot, .logarithmic])
  func narrowRangeKeepsBoundsApart(scale: ShadingScale) throws {
    let plot = SurfacePlot(
      xRange: PlotRange(-1, 1), yRange: PlotRange(-1, 1), shading: scale,
      function: { w1, w2 in 0.29 + 0.01 * (w1 + w2) * (w1 + w2) / 4 })
    let grid = plot.render(width: 100, height: 30, glyphs: .unicode)
    let bounds = Self.bounds(in: grid)
    try #require(bounds.count >= 3, "no detailed key in:\n\(grid.lines.joined(separator: "\n"))")
    #expect(Set(bounds).count == bounds.count, "\(bounds)")
    let values = bounds.compactMap(Double.init)
    #expect(values.count == bounds.count && values == values.sorted(), "\(bounds)")
    #expect(values.allSatisfy { (0.29...0.30).contains($0) }, "\(bounds)")
  }
}
