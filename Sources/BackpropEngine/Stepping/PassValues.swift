/// The quantities computed for the current sample, indexed the way the network is.
///
/// Whether a value belongs to the current pass (or is left over from an earlier one) is not stored
/// here; it follows from the trainer's `Position`, so there is no flag that could go out of sync.
public struct PassValues: Equatable, Sendable {
  /// Per neuron, by j − 1.
  public var net: [Double]
  public var output: [Double]
  /// φ'(net_j).
  public var derivative: [Double]
  public var delta: [Double]
  /// ∂E_x/∂w for the current sample, by flat weight index, and ∂E_x/∂b_j by j − 1.
  public var weightGradient: [Double]
  public var biasGradient: [Double]
  /// Batch mode: Σ_x ∂E_x/∂w over the samples of this epoch so far.
  public var weightGradientSum: [Double]
  public var biasGradientSum: [Double]
  /// E of the current sample.
  public var error: Double
  /// Σ E_x over the samples of this epoch so far (for the loss curve).
  public var epochErrorSum: Double
  /// Parameters as they were when the update phase began, so an update can be explained.
  public var weightsBeforeUpdate: [Double]
  public var biasesBeforeUpdate: [Double]

  init(shape: NetworkShape) {
    let n = shape.neuronCount
    let w = shape.weightCount
    net = Array(repeating: 0, count: n)
    output = Array(repeating: 0, count: n)
    derivative = Array(repeating: 0, count: n)
    delta = Array(repeating: 0, count: n)
    weightGradient = Array(repeating: 0, count: w)
    biasGradient = Array(repeating: 0, count: n)
    weightGradientSum = Array(repeating: 0, count: w)
    biasGradientSum = Array(repeating: 0, count: n)
    error = 0
    epochErrorSum = 0
    weightsBeforeUpdate = []
    biasesBeforeUpdate = []
  }
}
