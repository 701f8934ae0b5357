/// A point in data coordinates, e.g. the weights (w1, w2) of one gradient-descent step.
public struct PlotPoint: Equatable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  public init(_ x: Double, _ y: Double) {
    self.init(x: x, y: y)
  }

  /// Both coordinates are finite numbers, so the point can be placed on a plot.
  public var isFinite: Bool { x.isFinite && y.isFinite }
}
