import BackpropPlots

/// The linear neuron of the article's worked example, y = x1·w1 + x2·w2, and the errors the
/// plots must show, written out in closed form so the tests do not depend on any engine.
enum Fixtures {
  /// E for the single training case (x1, x2, t) = (1, 1, 0): (w1 + w2)².
  static func singleCase(_ w1: Double, _ w2: Double) -> Double {
    (w1 + w2) * (w1 + w2)
  }

  /// The mean E over (1, 1, 0) and (1, 0, 1): ((w1 + w2)² + (1 − w1)²) / 2, minimum at (1, −1).
  static func twoCases(_ w1: Double, _ w2: Double) -> Double {
    ((w1 + w2) * (w1 + w2) + (1 - w1) * (1 - w1)) / 2
  }

  /// Gradient-descent steps on `twoCases` from `start`.
  static func descentOnTwoCases(from start: PlotPoint, rate: Double, steps: Int) -> [PlotPoint] {
    var point = start
    var path = [point]
    for _ in 0..<steps {
      let g1 = 2 * point.x + point.y - 1
      let g2 = point.x + point.y
      point = PlotPoint(point.x - rate * g1, point.y - rate * g2)
      path.append(point)
    }
    return path
  }

  /// Gradient-descent steps on `singleCase` from `start`: straight across the valley.
  static func descentOnSingleCase(from start: PlotPoint, rate: Double, steps: Int) -> [PlotPoint] {
    var point = start
    var path = [point]
    for _ in 0..<steps {
      let g = 2 * (point.x + point.y)
      point = PlotPoint(point.x - rate * g, point.y - rate * g)
      path.append(point)
    }
    return path
  }

  static let singleCasePath = descentOnSingleCase(from: PlotPoint(1.5, 1), rate: 0.1, steps: 6)
  static let twoCasesPath = descentOnTwoCases(from: PlotPoint(-1, 2), rate: 0.3, steps: 12)

  static var singleCaseSurface: SurfacePlot {
    SurfacePlot(
      title: "E = (w1 + w2)², one case (1,1,0)", xRange: PlotRange(-2, 2),
      yRange: PlotRange(-2, 2), path: singleCasePath,
      current: singleCasePath.last, function: singleCase)
  }

  static var twoCasesSurface: SurfacePlot {
    SurfacePlot(
      title: "mean E, cases (1,1,0) and (1,0,1)", path: twoCasesPath, current: twoCasesPath.last,
      minimum: PlotPoint(1, -1), function: twoCases)
  }

  /// E against the output y for the case (1, 1, 0): the parabola (0 − y)², at y = 0.5.
  static var parabola: LinePlot {
    LinePlot(
      title: "E = (t − y)², t = 0", xLabel: "y", yLabel: "E", xRange: PlotRange(-2, 2),
      current: PlotPoint(0.5, 0.25)
    ) { y in (0 - y) * (0 - y) }
  }

  /// The mean error after each of 300 epochs of gradient descent (rate 0.05) from (−1, 2).
  static let lossPerEpoch: [Double] = descentOnTwoCases(
    from: PlotPoint(-1, 2), rate: 0.05, steps: 299
  ).map { twoCases($0.x, $0.y) }

  static var loss: SeriesPlot {
    SeriesPlot(title: "mean E per epoch", values: lossPerEpoch)
  }

  static var logLoss: SeriesPlot {
    SeriesPlot(title: "mean E per epoch", values: lossPerEpoch, scale: .logarithmic)
  }

  static var longLogLoss: SeriesPlot {
    SeriesPlot(title: "100 000 epochs", values: PlotBenchmark.longRun, scale: .logarithmic)
  }

  /// A surface that is not finite everywhere: NaN where w1 < −1, +∞ on a disc around (1, 1).
  static var brokenSurface: SurfacePlot {
    SurfacePlot(
      title: "E with holes", xRange: PlotRange(-2, 2), yRange: PlotRange(-2, 2),
      current: PlotPoint(0, 0)
    ) { w1, w2 in
      if w1 < -1 { return .nan }
      if (w1 - 1) * (w1 - 1) + (w2 - 1) * (w2 - 1) < 0.25 { return .infinity }
      return singleCase(w1, w2)
    }
  }
}
