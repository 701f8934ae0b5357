/// Backpropagation as the article writes it: the formulas of its "Derivation" section, one
/// function each, in the article's symbols.
///
/// Read this file from top to bottom. It has three parts:
///
/// 1. The symbols. `o(i)`, `net(j)`, `dφ(j)`, `δ(j)`, `w(i, j)`, `b(j)`, `t(j)` and `η` read the
///    values the trainer holds, so a formula below says `w(i, j) * o(i)` where the article says
///    w_ij o_i. Where the numbers sit in memory is the symbols' business, not the formulas'.
/// 2. Each operation of the network with its local derivative beside it (the forward value and
///    the backward rule side by side): net_j and Eq. 2, o_j and Eq. 3, E and Eq. 4.
/// 3. The chain rule that joins them (Eq. 1 and Eq. 5): ∂E/∂o_j, δ_j, ∂E/∂w_ij, and the update
///    Δw_ij = −η ∂E/∂w_ij.
///
/// Every function here computes one value and changes nothing. Running them in order, storing
/// each result, checking it is finite and keeping the batch sums is the bookkeeping of
/// `Trainer+Stepping.swift`; the order itself is `StepPlan`. `Kernel` does the same arithmetic on
/// raw buffers for speed, and `KernelTests` holds the two to bit-for-bit agreement.
extension Trainer {
  // MARK: - 1. The symbols

  /// o_i, the output of neuron i: for an input neuron, the sample's input x_i ("if the neuron is
  /// in the first layer after the input layer, the o_k of the input layer are simply the inputs
  /// x_k"); for any other, the φ(net_i) computed by the forward pass.
  @inline(__always)
  func o(_ i: Int) -> Double {
    i <= network.shape.inputCount ? sample.inputs[i - 1] : values.output[i - 1]
  }

  /// net_j, the weighted input of neuron j, as the forward pass computed it.
  @inline(__always)
  func net(_ j: Int) -> Double { values.net[j - 1] }

  /// dφ(net_j)/dnet_j, the slope of j's activation where the forward pass left it.
  @inline(__always)
  func dφ(_ j: Int) -> Double { values.derivative[j - 1] }

  /// δ_j = ∂E/∂net_j, as the backward pass computed it.
  @inline(__always)
  func δ(_ j: Int) -> Double { values.delta[j - 1] }

  /// w_ij, the weight from neuron i to neuron j, as the current pass reads it.
  ///
  /// The update pass overwrites the weights one by one, but until the next forward pass every
  /// formula (and every explanation of one) means the weights the pass started from: δ_j was
  /// computed with them. In the early mode the overwritten values are the point of the lesson.
  @inline(__always)
  func w(_ i: Int, _ j: Int) -> Double {
    let k = network.shape.weightIndex(from: i, to: j)!
    if mode != .early, position.phase == .update, position.index > 0,
      k < values.weightsBeforeUpdate.count
    {
      return values.weightsBeforeUpdate[k]
    }
    return network.weights[k]
  }

  /// b_j, the bias of neuron j: a weight from a unit whose output is always 1.
  @inline(__always)
  func b(_ j: Int) -> Double { network.biases[j - 1] }

  /// t_j, the sample's target for output neuron j.
  @inline(__always)
  func t(_ j: Int) -> Double { sample.targets[j - network.shape.firstNeuron[outputLayer]] }

  /// η, the learning rate.
  var η: Double { learningRate }

  /// The training sample of the current pass (zeros when there are no samples, so that an
  /// explanation can still be shown).
  var sample: Sample {
    guard samples.isEmpty else { return samples[position.sample] }
    let shape = network.shape
    return Sample(
      inputs: Array(repeating: 0, count: shape.inputCount),
      targets: Array(repeating: 0, count: shape.outputCount))
  }

  /// φ, the activation function of j's layer.
  func φ(_ j: Int) -> Activation { network.activations[layer(j)] }

  /// The neurons k whose outputs o_k feed neuron j: the layer before j's.
  func feeding(_ j: Int) -> ClosedRange<Int> { network.shape.neurons(inLayer: layer(j) - 1) }

  /// The article's L = {u, v, …, w}: the neurons receiving input from neuron j.
  func receivers(_ j: Int) -> ClosedRange<Int> { network.shape.neurons(inLayer: layer(j) + 1) }

  /// The neurons j with o_j = y: the output layer.
  var outputNeurons: ClosedRange<Int> { network.shape.neurons(inLayer: outputLayer) }

  func isOutputNeuron(_ j: Int) -> Bool { layer(j) == outputLayer }

  private func layer(_ j: Int) -> Int { network.shape.layer(ofNeuron: j)! }
  private var outputLayer: Int { network.shape.outputLayer }

  // MARK: - 2. Each operation, with its local derivative beside it

  /// net_j = Σ_k w_kj o_k + b_j, the weighted sum of the outputs of the previous layer (the
  /// article's o_j = φ(net_j) = φ(Σ_k w_kj o_k), with a bias added when the network has them).
  ///
  /// Backward rule: only one term of the sum holds w_ij, so ∂net_j/∂w_ij = o_i (Eq. 2); likewise
  /// ∂net_ℓ/∂o_j = w_jℓ, which is how δ travels back through the weights (Eq. 5).
  func netFormula(_ j: Int) -> Double {
    var sum = network.hasBiases ? b(j) : 0
    for k in feeding(j) { sum += w(k, j) * o(k) }
    return sum
  }

  /// o_j = φ(net_j). Softmax is the one activation that reads its whole layer:
  /// o_j = e^net_j / Σ_k e^net_k over the neurons k of j's layer.
  func outputFormula(_ j: Int) -> Double {
    let phi = φ(j)
    guard phi.isLayerWide else { return phi.value(net(j)) }
    let layer = network.shape.neurons(inLayer: layer(j))
    return values.net.withUnsafeBufferPointer { nets in
      Softmax.output(
        at: j - layer.lowerBound,
        nets: UnsafeBufferPointer(rebasing: nets[(layer.lowerBound - 1)..<layer.upperBound]))
    }
  }

  /// Backward rule of o_j = φ(net_j): ∂o_j/∂net_j = dφ(net_j)/dnet_j (Eq. 3), for the logistic
  /// φ the "convenient derivative" o_j(1 − o_j). Computed in the forward pass, kept for δ_j.
  func slopeFormula(_ j: Int) -> Double { φ(j).derivative(net(j), output: o(j)) }

  /// E = Σ_j L(t_j, o_j) over the output neurons (the article's E = L(t, y), one term per
  /// output; with half the squared error, L(t, y) = ½(t − y)²). The sum itself is
  /// `Loss.sampleError`, shared with the kernel so the two agree bit for bit; for softmax with
  /// cross-entropy it takes ln o_j from the nets by log-sum-exp, finite for any finite nets.
  func errorFormula() -> Double {
    let shape = network.shape
    let first = shape.firstNeuron[shape.outputLayer]
    return sample.targets.withUnsafeBufferPointer { t in
      values.output.withUnsafeBufferPointer { o in
        values.net.withUnsafeBufferPointer { nets in
          network.loss.sampleError(
            targets: t.baseAddress!, outputs: o.baseAddress! + (first - 1),
            nets: nets.baseAddress! + (first - 1), count: shape.outputCount,
            softmaxOutputs: network.outputActivation == .softmax)
        }
      }
    }
  }

  // MARK: - 3. The chain rule

  /// ∂E/∂o_j, the first factor of Eq. 1.
  ///
  /// For an output neuron o_j = y, so it is the loss's own derivative ∂L(t_j, o_j)/∂o_j (Eq. 4;
  /// o_j − t_j for half the squared error). For an inner neuron E depends on o_j only through
  /// the net_ℓ of the neurons ℓ ∈ L it feeds, and the total derivative gives the recursion
  ///
  ///     ∂E/∂o_j = Σ_ℓ∈L (∂E/∂o_ℓ)(∂o_ℓ/∂net_ℓ)(∂net_ℓ/∂o_j) = Σ_ℓ∈L w_jℓ δ_ℓ      (Eq. 5)
  ///
  /// which needs only the δ of the next layer: that is why the backward pass runs from the
  /// outputs inwards.
  public func outputGradient(_ j: Int) -> Double {
    if isOutputNeuron(j) {
      return network.loss.derivative(target: t(j), output: o(j))
    }
    var sum = 0.0
    for ell in receivers(j) { sum += w(j, ell) * δ(ell) }
    return sum
  }

  /// δ_j = ∂E/∂o_j · ∂o_j/∂net_j, the first two factors of Eq. 1 (Eq. 4 or Eq. 5 times Eq. 3):
  ///
  ///     δ_j = ∂L(t_j, o_j)/∂o_j · dφ(net_j)/dnet_j    if j is an output neuron,
  ///     δ_j = (Σ_ℓ∈L w_jℓ δ_ℓ) · dφ(net_j)/dnet_j      if j is an inner neuron.
  ///
  /// Two output cases read differently. Where loss and φ pair up (logistic with binary cross
  /// entropy, softmax with cross entropy, identity with half the squared error) the product
  /// cancels to o_j − t_j. Softmax couples its outputs, so o_j depends on every net_k and the
  /// chain rule sums over the layer: δ_j = o_j (∂E/∂o_j − Σ_k o_k ∂E/∂o_k).
  func deltaFormula(_ j: Int) -> Double {
    if isOutputNeuron(j) {
      if network.outputDeltaIsSimplified { return o(j) - t(j) }
      if φ(j) == .softmax {
        var dot = 0.0
        for k in outputNeurons { dot += o(k) * outputGradient(k) }
        return o(j) * (outputGradient(j) - dot)
      }
    }
    return outputGradient(j) * dφ(j)
  }

  /// ∂E/∂w_ij = o_i δ_j: Eq. 2 substituted in Eq. 1. A bias is a weight from a unit whose output
  /// is 1, so ∂E/∂b_j = δ_j.
  func gradientFormula(_ p: Parameter) -> Double {
    switch p {
    case .weight(let i, let j): return o(i) * δ(j)
    case .bias(let j): return δ(j)
    }
  }

  /// The gradient an update applies: this sample's ∂E/∂w_ij (online), or in batch mode the mean
  /// over the epoch's samples x, (1/n) Σ_x ∂E_x/∂w_ij, the gradient of E = (1/n) Σ_x E_x.
  public func appliedGradient(_ p: Parameter) -> Double {
    switch mode {
    case .online, .early: return storedGradient(p)
    case .batch: return storedGradientSum(p) / Double(samples.count)
    }
  }

  /// w_ij ← w_ij + Δw_ij with Δw_ij = −η ∂E/∂w_ij = −η o_i δ_j: a step downhill, since
  /// ∂E/∂w_ij > 0 means a larger w_ij makes E larger. Likewise b_j ← b_j − η ∂E/∂b_j.
  func updateFormula(_ p: Parameter) -> Double {
    switch p {
    case .weight(let i, let j): return w(i, j) - η * appliedGradient(p)
    case .bias(let j): return b(j) - η * appliedGradient(p)
    }
  }

  /// ∂E/∂w_ij (or ∂E/∂b_j) of the current sample, as the backward pass stored it.
  private func storedGradient(_ p: Parameter) -> Double {
    switch p {
    case .weight(let i, let j):
      return values.weightGradient[network.shape.weightIndex(from: i, to: j)!]
    case .bias(let j): return values.biasGradient[j - 1]
    }
  }

  /// Σ_x ∂E_x/∂w_ij (or ∂E_x/∂b_j) over the samples of this epoch so far (batch mode).
  private func storedGradientSum(_ p: Parameter) -> Double {
    switch p {
    case .weight(let i, let j):
      return values.weightGradientSum[network.shape.weightIndex(from: i, to: j)!]
    case .bias(let j): return values.biasGradientSum[j - 1]
    }
  }
}
