import TextGrid

/// The characters and styles that stand out against shading: the current point, path steps,
/// the segments between them, and cells whose value is not a finite number.
///
/// None of the ASCII markers occurs in the ASCII shade ramp ` .:-=+*#%@`, so a marker can never
/// be mistaken for a shade; colour is only a hint on top.
struct PlotMarkers {
  let current: Character
  let step: Character
  let nonFinite: Character
  private let isUnicode: Bool

  static let currentStyle: CellStyle = [.bold, .reverse, .red]
  static let stepStyle: CellStyle = [.bold, .yellow]
  static let segmentStyle: CellStyle = [.yellow]
  static let nonFiniteStyle: CellStyle = [.bold, .magenta]

  init(glyphs: GlyphSet) {
    isUnicode = glyphs.isUnicode
    current = glyphs.isUnicode ? "●" : "X"
    step = glyphs.isUnicode ? "•" : "o"
    nonFinite = "?"
  }

  /// The character for a segment going `du` columns right and `dv` rows down. Unicode uses a
  /// light dot; ASCII draws the line's direction (cells are about twice as tall as wide).
  func segment(du: Double, dv: Double) -> Character {
    if isUnicode { return "·" }
    let across = du.magnitude
    let down = 2 * dv.magnitude
    if down <= 0.414 * across { return "~" }
    if down >= 2.414 * across { return "|" }
    return (du > 0) == (dv > 0) ? "\\" : "/"
  }
}
