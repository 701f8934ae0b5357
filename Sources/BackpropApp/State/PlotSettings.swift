import BackpropEngine

/// Which plot the plot pane shows, and how.
public struct PlotSettings: Equatable, Sendable {
  public enum Kind: String, Equatable, Sendable {
    case none, surface, parabola, loss, boundary, matrix
  }

  public var kind: Kind = .none
  /// The two weights of the surface (nil: the first two weights of the network).
  public var weights: (Parameter, Parameter)?
  /// Axis ranges (nil: chosen to show the path and the minimum).
  public var xRange: ClosedRange<Double>?
  public var yRange: ClosedRange<Double>?
  public var logScale = false
  /// Path points before this index are not drawn (`plot clear`).
  public var pathStart = 0
  /// The layer `plot matrix [L]` shows (nil: the output layer).
  public var matrixLayer: Int?

  public init() {}

  public static func == (a: PlotSettings, b: PlotSettings) -> Bool {
    a.kind == b.kind && a.weights?.0 == b.weights?.0 && a.weights?.1 == b.weights?.1
      && a.xRange == b.xRange && a.yRange == b.yRange && a.logScale == b.logScale
      && a.pathStart == b.pathStart && a.matrixLayer == b.matrixLayer
  }
}
