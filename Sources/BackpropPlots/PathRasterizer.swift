/// Turns straight segments between data points into the cells they cross, clipped to the data
/// area of a frame.
///
/// Clipping happens in continuous coordinates before any rounding, so a path that runs off the
/// plot stops at the edge instead of reappearing on the next row (wrapping) or being dropped.
enum PathRasterizer {
  /// The data cells (grid coordinates) on the segment from `start` to `end`, in order, without
  /// repeats; empty when the segment misses the data area or has a non-finite end.
  static func cells(from start: PlotPoint, to end: PlotPoint, in frame: PlotFrame) -> [CellPosition]
  {
    guard let y0 = frame.yScale.position(of: start.y), let y1 = frame.yScale.position(of: end.y)
    else { return [] }
    let u0 = frame.columnOffset(start.x)
    let v0 = frame.rowOffset(y0)
    let u1 = frame.columnOffset(end.x)
    let v1 = frame.rowOffset(y1)
    let width = Double(frame.dataWidth)
    let height = Double(frame.dataHeight)
    guard let (t0, t1) = clip(u0, v0, u1, v1, width: width, height: height) else { return [] }
    let du = u1 - u0
    let dv = v1 - v0
    let steps = Int((max((du * (t1 - t0)).magnitude, (dv * (t1 - t0)).magnitude) * 2).rounded(.up))
    var cells: [CellPosition] = []
    cells.reserveCapacity(steps + 1)
    for step in 0...max(steps, 0) {
      let t = steps == 0 ? t0 : t0 + (t1 - t0) * Double(step) / Double(steps)
      let column = min(max(Int(u0 + du * t), 0), frame.dataWidth - 1)
      let row = min(max(Int(v0 + dv * t), 0), frame.dataHeight - 1)
      let cell = CellPosition(x: frame.dataLeft + column, y: frame.dataTop + row)
      if cells.last != cell { cells.append(cell) }
    }
    return cells
  }

  /// Liang–Barsky: the parameter interval of the segment inside `[0, width] × [0, height]`.
  static func clip(
    _ u0: Double, _ v0: Double, _ u1: Double, _ v1: Double, width: Double, height: Double
  ) -> (Double, Double)? {
    guard u0.isFinite, v0.isFinite, u1.isFinite, v1.isFinite else { return nil }
    let du = u1 - u0
    let dv = v1 - v0
    guard du.isFinite, dv.isFinite else { return nil }
    var t0 = 0.0
    var t1 = 1.0
    for (p, q) in [(-du, u0), (du, width - u0), (-dv, v0), (dv, height - v0)] {
      if p == 0 {
        if q < 0 { return nil }
      } else {
        let r = q / p
        if p < 0 {
          if r > t1 { return nil }
          t0 = max(t0, r)
        } else {
          if r < t0 { return nil }
          t1 = min(t1, r)
        }
      }
    }
    return t0 <= t1 ? (t0, t1) : nil
  }
}
