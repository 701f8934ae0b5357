import TextGrid

/// Ready-made plots of the tutor's key picture, for the benchmark executable and for timing in
/// tests: rendering must fit comfortably in a frame (the target is well under 2 ms for a
/// 120 × 40 surface in a release build).
public enum PlotBenchmark {
  /// The mean error of the linear neuron y = x1·w1 + x2·w2 over the training cases (1, 1, 0) and
  /// (1, 0, 1): ((w1 + w2)² + (1 − w1)²) / 2, with its single minimum at (1, −1).
  public static func twoCaseError(_ w1: Double, _ w2: Double) -> Double {
    ((w1 + w2) * (w1 + w2) + (1 - w1) * (1 - w1)) / 2
  }

  /// Twenty gradient-descent steps (rate 0.3) on `twoCaseError` from (−1, 2).
  public static let descentPath: [PlotPoint] = {
    var point = PlotPoint(-1, 2)
    var path = [point]
    for _ in 0..<20 {
      let g1 = 2 * point.x + point.y - 1
      let g2 = point.x + point.y
      point = PlotPoint(point.x - 0.3 * g1, point.y - 0.3 * g2)
      path.append(point)
    }
    return path
  }()

  /// The two-case error surface with the descent path, as the tutor shows it.
  public static var surface: SurfacePlot {
    SurfacePlot(
      title: "mean E over (1,1,0) and (1,0,1)", path: descentPath, current: descentPath.last,
      minimum: PlotPoint(1, -1), function: twoCaseError)
  }

  /// One full render of `surface` at 120 × 40.
  public static func renderSurface120x40(glyphs: GlyphSet = .unicode) -> TextGrid {
    surface.render(width: 120, height: 40, glyphs: glyphs)
  }

  /// A decaying, noisy 100 000-epoch loss curve.
  public static let longRun: [Double] = {
    var values: [Double] = []
    values.reserveCapacity(100_000)
    var loss = 2.0
    for epoch in 0..<100_000 {
      loss *= 0.9999
      values.append(loss * (1 + Double(epoch % 97) / 970) + 1e-4)
    }
    return values
  }()
}
