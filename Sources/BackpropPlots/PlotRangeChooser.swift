/// Picks plot ranges that show what matters, for callers that do not set their own.
///
/// A gradient-descent path is only readable next to the place it is heading for, so the default
/// window of an error surface covers every step of the path and the minimum, with a margin so
/// that neither sits on the frame, rounded outward to a nice step so the ends label cleanly.
public enum PlotRangeChooser {
  /// The default fraction of the covered span added on each side.
  public static let defaultMargin = 0.15

  /// Ranges covering every finite point and `minimum`, widened by `margin` of their span on each
  /// side. A single point (or none: the origin) gets a window of width at least 1 around it.
  public static func covering(
    points: [PlotPoint], including minimum: PlotPoint? = nil, margin: Double = defaultMargin
  ) -> (x: PlotRange, y: PlotRange) {
    var all = points
    if let minimum { all.append(minimum) }
    return (
      covering(values: all.map(\.x), margin: margin), covering(values: all.map(\.y), margin: margin)
    )
  }

  /// A range covering every finite value, widened by `margin` of its span on each side and
  /// rounded outward to a nice step.
  public static func covering(values: [Double], margin: Double = defaultMargin) -> PlotRange {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return PlotRange(-1, 1) }
    let margin = margin.isFinite ? max(0, margin) : defaultMargin
    let base = PlotRange(low, high).normalized
    let padded = base.padded(by: margin)
    guard padded.span.isFinite else { return base }
    let step = AxisTicks.niceStep(padded.span / 8)
    let rounded = PlotRange(
      (padded.lower / step).rounded(.down) * step, (padded.upper / step).rounded(.up) * step)
    return rounded.span.isFinite && rounded.span > 0 ? rounded : padded
  }
}
