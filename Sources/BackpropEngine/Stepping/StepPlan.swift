/// The micro-steps of each phase for one network, and where each quantity sits in them.
///
/// Built once per network shape so that asking "has δ_5 been computed yet?" is an array lookup,
/// which the values table does for every cell of every frame.
struct StepPlan: Equatable, Sendable {
  let forward: [MicroStep]
  let backward: [MicroStep]
  let update: [MicroStep]
  /// Forward index of net_j and o_j, by j − 1 (−1 for inputs).
  let netIndex: [Int]
  let outputIndex: [Int]
  /// Backward index of δ_j by j − 1, of ∂E/∂w by flat weight index, of ∂E/∂b_j by j − 1.
  let deltaIndex: [Int]
  let weightGradientIndex: [Int]
  let biasGradientIndex: [Int]
  /// Update index of each weight and bias (−1 when not trained).
  let weightUpdateIndex: [Int]
  let biasUpdateIndex: [Int]
  /// Forward index of the error step.
  let errorIndex: Int
  /// The phase whose list holds the updates: `.update`, or `.backward` for the early mode.
  let updatePhase: Phase

  init(network: Network, earlyUpdates: Bool = false) {
    let shape = network.shape
    var forward: [MicroStep] = []
    var netIndex = Array(repeating: -1, count: shape.neuronCount)
    var outputIndex = Array(repeating: -1, count: shape.neuronCount)
    for l in 1..<shape.layerCount {
      let neurons = shape.neurons(inLayer: l)
      if network.activations[l].isLayerWide {
        for j in neurons {
          netIndex[j - 1] = forward.count
          forward.append(.net(j))
        }
        for j in neurons {
          outputIndex[j - 1] = forward.count
          forward.append(.output(j))
        }
      } else {
        for j in neurons {
          netIndex[j - 1] = forward.count
          forward.append(.net(j))
          outputIndex[j - 1] = forward.count
          forward.append(.output(j))
        }
      }
    }
    errorIndex = forward.count
    forward.append(.error)

    var backward: [MicroStep] = []
    var update: [MicroStep] = []
    var weightUpdateIndex = Array(repeating: -1, count: shape.weightCount)
    var biasUpdateIndex = Array(repeating: -1, count: shape.neuronCount)
    var deltaIndex = Array(repeating: -1, count: shape.neuronCount)
    var weightGradientIndex = Array(repeating: -1, count: shape.weightCount)
    var biasGradientIndex = Array(repeating: -1, count: shape.neuronCount)
    /// Appends a step for each of `parameters` and records where it sits.
    func append(
      _ parameters: [Parameter], as make: (Parameter) -> MicroStep, to list: inout [MicroStep],
      weights: inout [Int], biases: inout [Int]
    ) {
      for p in parameters {
        switch p {
        case .weight(let i, let j): weights[shape.weightIndex(from: i, to: j)!] = list.count
        case .bias(let j): biases[j - 1] = list.count
        }
        list.append(make(p))
      }
    }
    /// The weights into layer l, row by row, then its biases when they are trained.
    func parameters(intoLayer l: Int) -> [Parameter] {
      var result: [Parameter] = []
      for j in shape.neurons(inLayer: l) {
        for i in shape.neurons(inLayer: l - 1) { result.append(.weight(from: i, to: j)) }
      }
      if network.biasMode == .on { result += shape.neurons(inLayer: l).map { .bias($0) } }
      return result
    }

    for l in stride(from: shape.layerCount - 1, through: 1, by: -1) {
      for j in shape.neurons(inLayer: l) {
        deltaIndex[j - 1] = backward.count
        backward.append(.delta(j))
      }
      append(
        parameters(intoLayer: l), as: { .gradient($0) }, to: &backward,
        weights: &weightGradientIndex,
        biases: &biasGradientIndex)
      if earlyUpdates {
        // The mistake: this layer's weights move before the layer below computes its δ.
        append(
          parameters(intoLayer: l), as: { .update($0) }, to: &backward, weights: &weightUpdateIndex,
          biases: &biasUpdateIndex)
      }
    }
    if !earlyUpdates {
      for l in 1..<shape.layerCount {
        append(
          parameters(intoLayer: l), as: { .update($0) }, to: &update, weights: &weightUpdateIndex,
          biases: &biasUpdateIndex)
      }
    }

    self.updatePhase = earlyUpdates ? .backward : .update
    self.forward = forward
    self.backward = backward
    self.update = update
    self.netIndex = netIndex
    self.outputIndex = outputIndex
    self.deltaIndex = deltaIndex
    self.weightGradientIndex = weightGradientIndex
    self.biasGradientIndex = biasGradientIndex
    self.weightUpdateIndex = weightUpdateIndex
    self.biasUpdateIndex = biasUpdateIndex
  }

  func steps(of phase: Phase) -> [MicroStep] {
    switch phase {
    case .forward: return forward
    case .backward: return backward
    case .update: return update
    }
  }
}
