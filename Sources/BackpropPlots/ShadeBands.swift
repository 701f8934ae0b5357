import TextGrid

/// Quantises error values into bands, one shade each, the lowest error in the densest shade.
///
/// The band edges are computed once per render in E itself (not in the scaled space), so shading
/// a cell is a handful of comparisons and the legend prints exactly the edges the shading used.
struct ShadeBands {
  /// Densest first: `glyphs[band]`.
  let glyphs: [Character]
  /// Ascending band edges in E; a value's band is the number of edges at or below it.
  let edges: [Double]
  /// Smallest and largest finite value, nil when there is none.
  let extremes: (lower: Double, upper: Double)?

  init(values: [Double], scale: ShadingScale, glyphs glyphSet: GlyphSet) {
    let ramp = glyphSet.shades.count >= 2 ? glyphSet.shades : [" ", "#"]
    glyphs = ramp.reversed()
    var lower = Double.infinity
    var upper = -Double.infinity
    for value in values where value.isFinite {
      lower = min(lower, value)
      upper = max(upper, value)
    }
    guard lower <= upper else {
      extremes = nil
      edges = []
      return
    }
    extremes = (lower, upper)
    let count = glyphs.count
    let range = upper - lower
    guard range > 0, range.isFinite else {
      edges = Array(repeating: .infinity, count: count - 1)
      return
    }
    edges = (1..<count).map { k in
      let t = Double(k) / Double(count)
      switch scale {
      case .linear:
        return lower + t * range
      case .squareRoot:
        return lower + t * t * range
      case .logarithmic:
        let floor = range * 1e-3
        let low = PlotMath.decimalLogarithm(floor)
        let high = PlotMath.decimalLogarithm(range + floor)
        return lower + PlotMath.powerOfTen(low + t * (high - low)) - floor
      }
    }
  }

  func band(for value: Double) -> Int {
    var band = 0
    for edge in edges {
      if value < edge { break }
      band += 1
    }
    return band
  }

  func glyph(for value: Double) -> Character { glyphs[band(for: value)] }

  /// The shade key: every band with its upper edge when there is room, else the ramp between
  /// the smallest and largest value.
  func legendItem(glyphs glyphSet: GlyphSet) -> LegendItem {
    guard let extremes else {
      return LegendItem(glyphSet.text("E: no finite values"), required: true)
    }
    func shade(_ glyph: Character) -> String { glyph == " " ? "' '" : String(glyph) }
    let bounds = edges.filter(\.isFinite) + [extremes.upper]
    let digits = Self.digits(telling: bounds)
    var detailed: [LegendRun] = [LegendRun(text: "E")]
    for (band, glyph) in glyphs.enumerated() {
      let bound =
        band < edges.count
        ? "<" + PlotNumberFormat.compact(edges[band], significant: digits)
        : glyphSet.text("≤") + PlotNumberFormat.compact(extremes.upper, significant: digits)
      detailed.append(LegendRun(text: " " + shade(glyph) + bound))
    }
    let ramp = String(glyphs)
    let rampDigits = Self.digits(telling: [extremes.lower, extremes.upper])
    let compact = [
      LegendRun(
        text: "E " + PlotNumberFormat.compact(extremes.lower, significant: rampDigits) + " ["
          + ramp + "] " + PlotNumberFormat.compact(extremes.upper, significant: rampDigits))
    ]
    return LegendItem([detailed, compact], required: true)
  }

  /// The fewest significant digits (2 to 6) that print neighbouring values differently. A
  /// surface whose E spans a narrow range (Mazur's network over two of its weights: 0.29 to
  /// 0.30) would otherwise print the same bound for every band, a key that says nothing.
  static func digits(telling values: [Double]) -> Int {
    (2...6).first { digits in
      let texts = values.map { PlotNumberFormat.compact($0, significant: digits) }
      return zip(texts, texts.dropFirst()).allSatisfy { $0 != $1 }
    } ?? 6
  }
}
