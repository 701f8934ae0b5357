import BackpropEngine

/// The network and data of `ref.c` (../shared/bench/ref.c), rebuilt here so that both programs
/// start from the same weights and see the same samples in the same order: the final loss then
/// agrees to about ten digits, which shows the two did the same work.
///
/// ref.c draws with SplitMix64 (seed 1): uniform in ±1/√fan_in, layer by layer, each neuron's
/// weights and then its bias; for the random task, then each sample's inputs in [0, 1) and a
/// class drawn uniformly for its one-hot target.
struct RefSetup {
  var network: Network
  var samples: [Sample]

  private struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    /// A double in [0, 1), as ref.c's `rng_unit`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
  }

  /// `seeded`: the engine's own `randomize(seed: 1)` (what `network … seed=1` gives) instead.
  init(sizes: [Int], reference: Bool, sampleCount: Int = 1000) throws {
    var network = try Network(
      shape: try NetworkShape(layerSizes: sizes), activations: [.logistic],
      loss: .halfSquaredError, biasMode: .on)
    var rng = Generator(state: 1)
    let shape = network.shape
    if reference {
      for l in 1..<shape.layerCount {
        let fanIn = shape.layerSizes[l - 1]
        let a = 1 / Double(fanIn).squareRoot()
        for (jj, j) in shape.neurons(inLayer: l).enumerated() {
          for ii in 0..<fanIn {
            network.weights[shape.weightOffset[l] + jj * fanIn + ii] = (2 * rng.unit() - 1) * a
          }
          network.biases[j - 1] = (2 * rng.unit() - 1) * a
        }
      }
    } else {
      network.randomize(seed: 1)
    }
    self.network = network
    if sizes.first == 2 && sizes.last == 1 {
      samples = Dataset.xor.samples
    } else {
      let inputs = shape.inputCount
      let outputs = shape.outputCount
      samples = (0..<sampleCount).map { _ in
        let x = (0..<inputs).map { _ in rng.unit() }
        let c = Int(rng.unit() * Double(outputs))
        return Sample(inputs: x, targets: (0..<outputs).map { $0 == c ? 1 : 0 })
      }
    }
  }
}
