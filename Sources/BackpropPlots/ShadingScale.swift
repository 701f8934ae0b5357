/// How error values are spread over the shades of a heat map.
///
/// A quadratic error grows fast away from its minimum, so with linear shading nearly the whole
/// plot falls into the lightest bands and the interesting low region is one undivided blob.
/// Shading the square root (for a quadratic, the distance from the minimum) or the logarithm of
/// `E − min E` gives the low region bands of its own, which is what makes a valley visible.
public enum ShadingScale: Equatable, Sendable {
  case linear
  /// Shades `√(E − min E)`: evenly spaced bands for quadratic errors (the default).
  case squareRoot
  /// Shades `log10(E − min E + ε)` over three decades: the sharpest view of a narrow minimum.
  case logarithmic

  /// The word the legend uses for this scale (empty for linear).
  var legendName: String {
    switch self {
    case .linear: return ""
    case .squareRoot: return "sqrt"
    case .logarithmic: return "log"
    }
  }
}
