/// A network's E, gradient and outputs, each a pass on the `Kernel`: the same arithmetic as
/// training and micro-stepping, so a plot or a gradient check shows exactly what training
/// computes (the math exists twice, the readable path and the kernel, and nowhere else).
extension Network {
  /// E of this network on one sample.
  public func error(on sample: Sample) -> Double {
    withEvaluator { $0.error(on: sample) }
  }

  /// The mean of E over the samples: E = 1/n Σ_x E_x (one kernel for all of them).
  public func meanError(on samples: [Sample]) -> Double {
    guard !samples.isEmpty else { return 0 }
    return withEvaluator { evaluator in
      samples.reduce(0) { $0 + evaluator.error(on: $1) }
    } / Double(samples.count)
  }

  /// ∂E/∂w for every weight and ∂E/∂b_j for every neuron, by backpropagation on one sample.
  public func gradient(on sample: Sample) -> (weights: [Double], biases: [Double]) {
    withEvaluator { $0.gradient(on: sample) }
  }

  /// The output neurons' o_j for one input vector.
  public func outputs(for inputs: [Double]) -> [Double] {
    withEvaluator { $0.outputs(for: inputs) }
  }

  /// o_j of the output neurons as a function of the inputs, for a plot that asks at thousands of
  /// points (the decision boundary): one kernel and one copy of the weights serve every call.
  /// The function is for one thread at a time.
  public func outputFunction() -> ([Double]) -> [Double] {
    let evaluator = Evaluator(self)
    return { evaluator.outputs(for: $0) }
  }

  /// The mean of E over `samples` as a function of two parameters, the others held as they are,
  /// for the error surface, which asks at thousands of points: one kernel and one copy of the
  /// parameters serve every call (a copy of the network per point cost more than its passes on
  /// a network of thousands of weights). The same sum as `meanError(on:)`. For one thread at a
  /// time.
  public func errorFunction(of p: Parameter, and q: Parameter, on samples: [Sample])
    -> (Double, Double) -> Double
  {
    let evaluator = Evaluator(self)
    let first = evaluator.slot(of: p, in: shape)
    let second = evaluator.slot(of: q, in: shape)
    return { a, b in
      first.pointee = a
      second.pointee = b
      guard !samples.isEmpty else { return 0 }
      return withExtendedLifetime(evaluator) {
        samples.reduce(0) { $0 + evaluator.error(on: $1) } / Double(samples.count)
      }
    }
  }

  private func withEvaluator<R>(_ body: (Evaluator) -> R) -> R {
    let evaluator = Evaluator(self)
    return withExtendedLifetime(evaluator) { body(evaluator) }
  }
}

/// A kernel with its own copy of a network's parameters (the kernel's passes take them as
/// buffers), freed with it.
private final class Evaluator {
  let kernel: Kernel
  let weights: UnsafeMutablePointer<Double>
  let biases: UnsafeMutablePointer<Double>
  let weightCount: Int
  let biasCount: Int
  let inputCount: Int
  let outputCount: Int
  /// Targets for a pass that only wants outputs: E is computed and thrown away.
  let noTargets: [Double]

  init(_ network: Network) {
    kernel = Kernel(network: network)
    weightCount = network.weights.count
    biasCount = network.biases.count
    weights = .allocate(capacity: max(1, weightCount))
    biases = .allocate(capacity: max(1, biasCount))
    weights.initialize(from: network.weights, count: weightCount)
    biases.initialize(from: network.biases, count: biasCount)
    inputCount = network.shape.inputCount
    outputCount = network.shape.outputCount
    noTargets = Array(repeating: 0, count: outputCount)
  }

  deinit {
    kernel.deallocate()
    weights.deallocate()
    biases.deallocate()
  }

  /// Where the evaluator keeps parameter `p`.
  func slot(of p: Parameter, in shape: NetworkShape) -> UnsafeMutablePointer<Double> {
    switch p {
    case .weight(let i, let j): weights + shape.weightIndex(from: i, to: j)!
    case .bias(let j): biases + (j - 1)
    }
  }

  func error(on sample: Sample) -> Double {
    kernel.forward(weights: weights, biases: biases, inputs: sample.inputs, targets: sample.targets)
  }

  func gradient(on sample: Sample) -> (weights: [Double], biases: [Double]) {
    _ = kernel.forward(
      weights: weights, biases: biases, inputs: sample.inputs, targets: sample.targets)
    kernel.backward(weights: weights, targets: sample.targets)
    var gw = Array(repeating: 0.0, count: weightCount)
    var gb = Array(repeating: 0.0, count: biasCount)
    gw.withUnsafeMutableBufferPointer { g in
      gb.withUnsafeMutableBufferPointer { h in
        kernel.accumulate(weightSums: g.baseAddress!, biasSums: h.baseAddress!)
      }
    }
    for k in 0..<inputCount { gb[k] = 0 }
    return (gw, gb)
  }

  func outputs(for inputs: [Double]) -> [Double] {
    _ = kernel.forward(weights: weights, biases: biases, inputs: inputs, targets: noTargets)
    return Array(UnsafeBufferPointer(start: kernel.out + kernel.outputOffset, count: outputCount))
  }
}
