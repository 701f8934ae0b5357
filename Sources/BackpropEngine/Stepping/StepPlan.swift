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
    for l in stride(from: shape.layerCount - 1, through: 1, by: -1) {
      for j in shape.neurons(inLayer: l) {
        deltaIndex[j - 1] = backward.count
        backward.append(.delta(j))
      }
      for j in shape.neurons(inLayer: l) {
        for i in shape.neurons(inLayer: l - 1) {
          weightGradientIndex[shape.weightIndex(from: i, to: j)!] = backward.count
          backward.append(.gradient(.weight(from: i, to: j)))
        }
      }
      if network.biasMode == .on {
        for j in shape.neurons(inLayer: l) {
          biasGradientIndex[j - 1] = backward.count
          backward.append(.gradient(.bias(j)))
        }
      }
      if earlyUpdates {
        // The mistake: this layer's weights move before the layer below computes its δ.
        for j in shape.neurons(inLayer: l) {
          for i in shape.neurons(inLayer: l - 1) {
            weightUpdateIndex[shape.weightIndex(from: i, to: j)!] = backward.count
            backward.append(.update(.weight(from: i, to: j)))
          }
        }
        if network.biasMode == .on {
          for j in shape.neurons(inLayer: l) {
            biasUpdateIndex[j - 1] = backward.count
            backward.append(.update(.bias(j)))
          }
        }
      }
    }

    for p in network.trainableParameters where !earlyUpdates {
      switch p {
      case .weight(let i, let j):
        weightUpdateIndex[shape.weightIndex(from: i, to: j)!] = update.count
      case .bias(let j): biasUpdateIndex[j - 1] = update.count
      }
      update.append(.update(p))
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
