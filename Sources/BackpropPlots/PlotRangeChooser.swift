/// Picks plot ranges that show what matters, for callers that do not set their own.
///
/// A gradient-descent path is only readable next to the place it is heading for, so the default
/// window of an error surface covers every step of the path and the minimum, with a margin so
/// that neither sits on the frame, rounded outward to a nice step so the ends label cleanly.
public enum PlotRangeChooser {
  /// The default fraction of the covered span added on each side.
  public static let defaultMargin = 0.15

  /// Ranges covering every finite point and `minimum`, widened by `margin` of their span on each
  /// side. The minimum also keeps at least a quarter of the span around it on every side, so
  /// the closed contours that make it recognisable as a minimum are on screen, not cut by the
  /// frame. A single point (or none: the origin) gets a window of width at least 1 around it.
  public static func covering(
    points: [PlotPoint], including minimum: PlotPoint? = nil, margin: Double = defaultMargin
  ) -> (x: PlotRange, y: PlotRange) {
    (
      covering(values: points.map(\.x), around: minimum?.x, margin: margin),
      covering(values: points.map(\.y), around: minimum?.y, margin: margin)
    )
  }

  /// A range covering every finite value and `center`, widened by `margin` of its span on each
  /// side (and to at least a quarter span either side of `center`), rounded outward to a nice
  /// step.
  public static func covering(
    values: [Double], around center: Double? = nil, margin: Double = defaultMargin
  ) -> PlotRange {
    var finite = values.filter(\.isFinite)
    let center = center.flatMap { $0.isFinite ? $0 : nil }
    if let center { finite.append(center) }
    guard let low = finite.min(), let high = finite.max() else { return PlotRange(-1, 1) }
    let margin = margin.isFinite ? max(0, margin) : defaultMargin
    var base = PlotRange(low, high).normalized
    if let center {
      let room = base.span / 4
      base = PlotRange(min(base.lower, center - room), max(base.upper, center + room))
    }
    let padded = base.padded(by: margin)
    guard padded.span.isFinite else { return base }
    let step = AxisTicks.niceStep(padded.span / 8)
    let rounded = PlotRange(
      (padded.lower / step).rounded(.down) * step, (padded.upper / step).rounded(.up) * step)
    return rounded.span.isFinite && rounded.span > 0 ? rounded : padded
  }
}
