/// A closed interval of data values shown along one axis.
///
/// Ranges come from callers, from data and from `PlotRangeChooser`; any of them can be empty,
/// reversed or non-finite (a diverging run), so every plot draws with `normalized` instead of
/// trusting the numbers.
public struct PlotRange: Equatable, Sendable {
  public var lower: Double
  public var upper: Double

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  public init(_ lower: Double, _ upper: Double) {
    self.init(lower: lower, upper: upper)
  }

  /// `upper - lower`.
  public var span: Double { upper - lower }

  public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

  /// A usable range: ordered, finite and of positive width. Non-finite ends become -1 ... 1, and a
  /// single value `v` widens to `v ± max(1, |v|) / 2` so it still sits in the middle of the plot.
  public var normalized: PlotRange {
    guard lower.isFinite, upper.isFinite else { return PlotRange(-1, 1) }
    let low = min(lower, upper)
    let high = max(lower, upper)
    if high - low > 1e-12 * max(1, low.magnitude, high.magnitude), (high - low).isFinite {
      return PlotRange(low, high)
    }
    let half = max(1, low.magnitude) / 2
    return PlotRange(low - half, low + half)
  }

  /// This range widened by `fraction` of its span on each side.
  public func padded(by fraction: Double) -> PlotRange {
    let pad = span * fraction
    return PlotRange(lower - pad, upper + pad)
  }
}
