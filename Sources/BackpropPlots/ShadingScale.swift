/// How error values are spread over the shades of a heat map.
///
/// A quadratic error grows fast away from its minimum, so with linear shading nearly the whole
/// plot falls into the lightest bands and the interesting low region is one undivided blob.
/// Shading the square root (for a quadratic, the distance from the minimum) or the logarithm of
/// `E − min E` gives the low region bands of its own, which is what makes a valley visible.
/// The logarithm (the default) makes the floor of a valley a thin line and a minimum a small spot;
/// the square root spaces the bands evenly in distance from the minimum of a quadratic.
public enum ShadingScale: Equatable, Sendable {
  case linear
  /// Shades `√(E − min E)`: evenly spaced bands for quadratic errors.
  case squareRoot
  /// Shades `log10(E − min E + ε)` over three decades (ε = (max E − min E) / 1000): the sharpest
  /// view of a valley floor or a minimum (the default).
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
