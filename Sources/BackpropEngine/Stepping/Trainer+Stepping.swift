/// Running micro-steps one at a time: the arithmetic of the article, one formula per case.
///
/// `Kernel` performs the same arithmetic in the same order without the bookkeeping;
/// `TrainerTests.kernelAgreesWithMicroSteps` checks the two agree bit for bit.
extension Trainer {
  /// Runs the next micro-step and returns it; nil when there are no samples or training diverged.
  @discardableResult
  public mutating func step() -> MicroStep? {
    guard divergence == nil, let step = nextStep else { return nil }
    execute(step)
    advance()
    return step
  }

  /// Runs the next micro-step and explains it before moving past it, while every value it used
  /// (including those a phase boundary resets, such as batch sums) is still in place.
  public mutating func stepExplained(digits: Int) -> (MicroStep, Explanation)? {
    guard divergence == nil, let step = nextStep else { return nil }
    execute(step)
    position.index += 1
    let explanation = explain(step, digits: digits)
    position.index -= 1
    advance()
    return (step, explanation)
  }

  /// Runs micro-steps until the current phase of the current sample is complete. Returns how
  /// many ran.
  @discardableResult
  public mutating func finishPhase() -> Int {
    var count = 0
    repeat {
      guard step() != nil else { break }
      count += 1
    } while divergence == nil && position.index > 0
    return count
  }

  /// Runs micro-steps up to the start of the next sample's forward pass (or the next epoch).
  @discardableResult
  public mutating func finishSample() -> Int {
    var count = 0
    repeat {
      guard step() != nil else { break }
      count += 1
    } while divergence == nil && !position.isAtSampleStart
    return count
  }

  private mutating func execute(_ step: MicroStep) {
    let shape = network.shape
    let sample = samples[position.sample]
    if mode == .early && position.phase == .backward && position.index == 0 {
      values.weightsBeforeUpdate = network.weights
      values.biasesBeforeUpdate = network.biases
    }
    switch step {
    case .net(let j):
      // net_j = Σ_i w_ij o_i + b_j
      let l = shape.layer(ofNeuron: j)!
      let fanIn = shape.layerSizes[l - 1]
      let row = shape.weightOffset[l] + (j - shape.firstNeuron[l]) * fanIn
      let first = shape.firstNeuron[l - 1]
      var sum = 0.0
      for k in 0..<fanIn { sum += network.weights[row + k] * output(of: first + k, sample: sample) }
      if network.hasBiases { sum += network.biases[j - 1] }
      values.net[j - 1] = sum
      check(sum, "net_\(j)")

    case .output(let j):
      // o_j = φ(net_j); φ'(net_j) is kept for the backward pass.
      let l = shape.layer(ofNeuron: j)!
      let phi = network.activations[l]
      let net = values.net[j - 1]
      let o: Double
      if phi.isLayerWide {
        let first = shape.firstNeuron[l] - 1
        o = values.net.withUnsafeBufferPointer { nets in
          Softmax.output(
            at: j - 1 - first,
            nets: UnsafeBufferPointer(rebasing: nets[first..<(first + shape.layerSizes[l])]))
        }
      } else {
        o = phi.value(net)
      }
      values.output[j - 1] = o
      values.derivative[j - 1] = phi.derivative(net, output: o)
      check(o, "o_\(j)")

    case .error:
      // E = Σ_j L(t_j, o_j) over the output neurons.
      let first = shape.firstNeuron[shape.outputLayer]
      let e = sample.targets.withUnsafeBufferPointer { t in
        values.output.withUnsafeBufferPointer { o in
          values.net.withUnsafeBufferPointer { nets in
            network.loss.sampleError(
              targets: t.baseAddress!, outputs: o.baseAddress! + (first - 1),
              nets: nets.baseAddress! + (first - 1), count: shape.outputCount,
              softmaxOutputs: network.outputActivation == .softmax)
          }
        }
      }
      values.error = e
      values.epochErrorSum += e
      check(e, "E")

    case .delta(let j):
      let l = shape.layer(ofNeuron: j)!
      let d: Double
      if l == shape.outputLayer {
        d = outputDelta(j, sample: sample)
      } else {
        // δ_j = (Σ_ℓ w_jℓ δ_ℓ) φ'(net_j), ℓ over the next layer, with the weights before update.
        let next = l + 1
        let fanIn = shape.layerSizes[l]
        let local = j - shape.firstNeuron[l]
        var sum = 0.0
        for (m, ell) in shape.neurons(inLayer: next).enumerated() {
          sum +=
            network.weights[shape.weightOffset[next] + m * fanIn + local] * values.delta[ell - 1]
        }
        d = sum * values.derivative[j - 1]
      }
      values.delta[j - 1] = d
      check(d, "δ_\(j)")

    case .gradient(.weight(let i, let j)):
      // ∂E/∂w_ij = o_i δ_j
      let k = shape.weightIndex(from: i, to: j)!
      let g = output(of: i, sample: sample) * values.delta[j - 1]
      values.weightGradient[k] = g
      if mode == .batch { values.weightGradientSum[k] += g }
      check(g, "∂E/∂w_" + Parameter.indexPair(i, j))

    case .gradient(.bias(let j)):
      // ∂E/∂b_j = 1 · δ_j (the bias is a weight from a unit whose output is 1)
      let g = values.delta[j - 1]
      values.biasGradient[j - 1] = g
      if mode == .batch { values.biasGradientSum[j - 1] += g }

    case .update(let p):
      // w_ij ← w_ij + Δw_ij, Δw_ij = −η ∂E/∂w_ij (batch: the mean gradient over the samples)
      if position.phase == .update && position.index == 0 {
        values.weightsBeforeUpdate = network.weights
        values.biasesBeforeUpdate = network.biases
      }
      let g = appliedGradient(p)
      network[p] = network[p] - learningRate * g
      check(network[p], p.name)
    }
  }

  /// δ_j at an output neuron: ∂E/∂o_j · φ'(net_j), or o_j − t_j where loss and φ pair up.
  func outputDelta(_ j: Int, sample: Sample) -> Double {
    let shape = network.shape
    let first = shape.firstNeuron[shape.outputLayer]
    let o = values.output[j - 1]
    let t = sample.targets[j - first]
    if network.outputDeltaIsSimplified { return o - t }
    let loss = network.loss
    if network.outputActivation == .softmax {
      // Softmax couples the outputs: δ_j = o_j (∂E/∂o_j − Σ_k o_k ∂E/∂o_k).
      var dot = 0.0
      for k in 0..<shape.outputCount {
        let ok = values.output[first - 1 + k]
        dot += ok * loss.derivative(target: sample.targets[k], output: ok)
      }
      return o * (loss.derivative(target: t, output: o) - dot)
    }
    return loss.derivative(target: t, output: o) * values.derivative[j - 1]
  }

  /// The gradient an update applies: this sample's (online) or the epoch mean (batch).
  public func appliedGradient(_ p: Parameter) -> Double {
    let shape = network.shape
    switch (p, mode) {
    case (.weight(let i, let j), .online), (.weight(let i, let j), .early):
      return values.weightGradient[shape.weightIndex(from: i, to: j)!]
    case (.bias(let j), .online), (.bias(let j), .early): return values.biasGradient[j - 1]
    case (.weight(let i, let j), .batch):
      return values.weightGradientSum[shape.weightIndex(from: i, to: j)!] / Double(samples.count)
    case (.bias(let j), .batch): return values.biasGradientSum[j - 1] / Double(samples.count)
    }
  }

  /// o_i: the sample's input for input neurons, the computed output otherwise.
  @inline(__always)
  func output(of i: Int, sample: Sample) -> Double {
    i <= network.shape.inputCount ? sample.inputs[i - 1] : values.output[i - 1]
  }

  private mutating func check(_ value: Double, _ quantity: @autoclosure () -> String) {
    if !value.isFinite {
      divergence = Divergence(
        quantity: quantity(), value: value, epoch: epoch, sample: position.sample,
        phase: position.phase)
    }
  }

  /// Moves past the micro-step just executed, crossing phase, sample and epoch boundaries.
  mutating func advance() {
    position.index += 1
    guard position.index >= plan.steps(of: position.phase).count else { return }
    let last = position.sample == samples.count - 1
    switch (position.phase, mode) {
    case (.forward, _):
      position = Position(sample: position.sample, phase: .backward, index: 0)
    case (.backward, .online), (.backward, .early):
      position = Position(sample: position.sample, phase: .update, index: 0)
      if plan.update.isEmpty { advance() }
    case (.backward, .batch):
      if last {
        position = Position(sample: position.sample, phase: .update, index: 0)
        if plan.update.isEmpty { advance() }
      } else {
        position = Position(sample: position.sample + 1, phase: .forward, index: 0)
      }
    case (.update, .online), (.update, .early):
      appendTrailPoint()
      if last {
        completeEpoch()
      } else {
        position = Position(sample: position.sample + 1, phase: .forward, index: 0)
      }
    case (.update, .batch):
      appendTrailPoint()
      completeEpoch()
    }
  }

  mutating func completeEpoch() {
    losses.append(values.epochErrorSum / Double(samples.count))
    recordTestLoss()
    epoch += 1
    values.epochErrorSum = 0
    for k in values.weightGradientSum.indices { values.weightGradientSum[k] = 0 }
    for k in values.biasGradientSum.indices { values.biasGradientSum[k] = 0 }
    position = .start
  }
}
