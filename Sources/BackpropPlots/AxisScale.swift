/// How data values are spaced along an axis.
///
/// A loss curve falls over several orders of magnitude, so its value axis can be logarithmic;
/// the error surface and the parabola stay linear so distances on screen match the weights.
public enum AxisScale: Equatable, Sendable {
  case linear
  /// Base-10 logarithm; values ≤ 0 cannot be placed and are left out (and counted in the legend).
  case logarithmic

  /// The position of `value` along the axis, or nil when the scale cannot show it.
  public func position(of value: Double) -> Double? {
    guard value.isFinite else { return nil }
    switch self {
    case .linear: return value
    case .logarithmic: return value > 0 ? PlotMath.decimalLogarithm(value) : nil
    }
  }

  /// The data value at an axis position (the inverse of `position(of:)`).
  public func value(at position: Double) -> Double {
    switch self {
    case .linear: return position
    case .logarithmic: return PlotMath.powerOfTen(position)
    }
  }
}
