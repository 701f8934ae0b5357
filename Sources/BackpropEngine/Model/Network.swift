/// A fully connected layered network: its shape, activations, loss, and current parameters.
public struct Network: Equatable, Sendable {
  public let shape: NetworkShape
  /// φ for each layer; index 0 (the inputs) is `.identity` and never applied.
  public let activations: [Activation]
  public let loss: Loss
  public let biasMode: BiasMode
  /// All weights, layer by layer; within a layer row j holds the weights into neuron j.
  public var weights: [Double]
  /// b_j for every neuron, indexed by j − 1; inputs' entries are unused and stay 0.
  public var biases: [Double]

  public init(shape: NetworkShape, activations: [Activation], loss: Loss, biasMode: BiasMode)
    throws(NetworkError)
  {
    guard activations.count == shape.layerCount - 1 || activations.count == 1 else {
      throw .activationCount(expected: shape.layerCount - 1, got: activations.count)
    }
    let perLayer =
      activations.count == 1
      ? Array(repeating: activations[0], count: shape.layerCount - 1) : activations
    for (index, a) in perLayer.enumerated() where a == .softmax && index != perLayer.count - 1 {
      throw .softmaxNotOnOutput(layer: index + 1)
    }
    self.shape = shape
    self.activations = [.identity] + perLayer
    self.loss = loss
    self.biasMode = biasMode
    weights = Array(repeating: 0, count: shape.weightCount)
    biases = Array(repeating: 0, count: shape.neuronCount)
  }

  public var hasBiases: Bool { biasMode != .off }
  public var outputActivation: Activation { activations[shape.outputLayer] }
  /// δ_j = o_j − t_j at the outputs (see `Loss.cancelsDerivative(of:)`).
  public var outputDeltaIsSimplified: Bool { loss.cancelsDerivative(of: outputActivation) }

  /// Every trainable parameter, in update order: for each layer, its weights row by row, then
  /// its biases (when biases are on; frozen biases are not trained and so not listed).
  public var trainableParameters: [Parameter] { parameters(includingFrozen: false) }

  /// Every parameter with a value, including frozen biases.
  public var allParameters: [Parameter] { parameters(includingFrozen: true) }

  private func parameters(includingFrozen: Bool) -> [Parameter] {
    var result: [Parameter] = []
    result.reserveCapacity(shape.weightCount + shape.neuronCount)
    for l in 1..<shape.layerCount {
      for j in shape.neurons(inLayer: l) {
        for i in shape.neurons(inLayer: l - 1) { result.append(.weight(from: i, to: j)) }
      }
      if biasMode == .on || (includingFrozen && biasMode == .frozen) {
        for j in shape.neurons(inLayer: l) { result.append(.bias(j)) }
      }
    }
    return result
  }

  /// Whether `p` names something this network has.
  public func contains(_ p: Parameter) -> Bool {
    switch p {
    case .weight(let i, let j): return shape.weightIndex(from: i, to: j) != nil
    case .bias(let j):
      guard hasBiases, let l = shape.layer(ofNeuron: j) else { return false }
      return l > 0
    }
  }

  public subscript(p: Parameter) -> Double {
    get {
      switch p {
      case .weight(let i, let j): return weights[shape.weightIndex(from: i, to: j)!]
      case .bias(let j): return biases[j - 1]
      }
    }
    set {
      switch p {
      case .weight(let i, let j): weights[shape.weightIndex(from: i, to: j)!] = newValue
      case .bias(let j): biases[j - 1] = newValue
      }
    }
  }

  /// Fills weights (and biases, when on or frozen) with values drawn uniformly from
  /// ±√(6/(fan_in + fan_out)) by the seeded generator, the same on every machine.
  public mutating func randomize(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for l in 1..<shape.layerCount {
      let fanIn = Double(shape.layerSizes[l - 1])
      let fanOut = Double(shape.layerSizes[l])
      let r = (6 / (fanIn + fanOut)).squareRoot()
      for k in shape.weightOffset[
        l]..<(shape.weightOffset[l] + shape.layerSizes[l] * shape.layerSizes[l - 1])
      {
        weights[k] = rng.nextDouble(in: -r...r)
      }
      for j in shape.neurons(inLayer: l) {
        biases[j - 1] = hasBiases ? rng.nextDouble(in: -r...r) : 0
      }
    }
  }
}

/// Why a network description cannot be built.
public enum NetworkError: Error, Equatable, CustomStringConvertible {
  case activationCount(expected: Int, got: Int)
  case softmaxNotOnOutput(layer: Int)

  public var description: String {
    switch self {
    case .activationCount(let e, let g):
      return
        "expected 1 activation (for every layer) or \(e) (one per layer after the inputs), got \(g)"
    case .softmaxNotOnOutput(let l):
      return "softmax is only allowed on the output layer (it was given for layer \(l))"
    }
  }
}
