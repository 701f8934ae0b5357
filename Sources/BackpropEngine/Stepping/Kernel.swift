/// The engine's arithmetic on raw buffers, for when nobody is watching: training many epochs,
/// evaluating E for a plot, checking gradients.
///
/// It performs exactly the operations of `Trainer.step()` in exactly the same order (the same
/// `Activation`, `Loss` and `Softmax` functions, the same summation order), so results agree bit
/// for bit with micro-stepping; `KernelAgreementTests` holds it to that. No strings, no
/// allocation per sample.
struct Kernel {
  let sizes: [Int]
  let firstOffset: [Int]  // firstNeuron − 1 per layer
  let weightOffset: [Int]
  let activations: [Activation]
  let loss: Loss
  let hasBiases: Bool
  let simplifiedOutputDelta: Bool
  let layerCount: Int
  let outputOffset: Int
  let outputCount: Int
  let inputCount: Int

  // Scratch, by neuron j − 1.
  let net: UnsafeMutablePointer<Double>
  let out: UnsafeMutablePointer<Double>
  let der: UnsafeMutablePointer<Double>
  let delta: UnsafeMutablePointer<Double>

  init(network: Network) {
    let shape = network.shape
    sizes = shape.layerSizes
    firstOffset = shape.firstNeuron.map { $0 - 1 }
    weightOffset = shape.weightOffset
    activations = network.activations
    loss = network.loss
    hasBiases = network.hasBiases
    simplifiedOutputDelta = network.outputDeltaIsSimplified
    layerCount = shape.layerCount
    outputOffset = shape.firstNeuron[shape.outputLayer] - 1
    outputCount = shape.outputCount
    inputCount = shape.inputCount
    let n = shape.neuronCount
    net = .allocate(capacity: n)
    out = .allocate(capacity: n)
    der = .allocate(capacity: n)
    delta = .allocate(capacity: n)
    net.initialize(repeating: 0, count: n)
    out.initialize(repeating: 0, count: n)
    der.initialize(repeating: 0, count: n)
    delta.initialize(repeating: 0, count: n)
  }

  func deallocate() {
    net.deallocate()
    out.deallocate()
    der.deallocate()
    delta.deallocate()
  }

  /// Forward pass; returns E for the targets at `t`.
  @inline(__always)
  func forward(
    weights w: UnsafeMutablePointer<Double>, biases b: UnsafeMutablePointer<Double>,
    inputs x: UnsafePointer<Double>, targets t: UnsafePointer<Double>
  ) -> Double {
    for k in 0..<inputCount { out[k] = x[k] }
    for l in 1..<layerCount {
      let n = sizes[l]
      let m = sizes[l - 1]
      let wo = weightOffset[l]
      let src = firstOffset[l - 1]
      let dst = firstOffset[l]
      for jj in 0..<n {
        // net_j = Σ_i w_ij o_i + b_j
        var s = 0.0
        let row = wo + jj * m
        for ii in 0..<m { s += w[row + ii] * out[src + ii] }
        if hasBiases { s += b[dst + jj] }
        net[dst + jj] = s
      }
      activate(activations[l], from: dst, count: n)
    }
    // E = Σ_j L(t_j, o_j)
    return loss.sampleError(
      targets: t, outputs: out + outputOffset, nets: net + outputOffset, count: outputCount,
      softmaxOutputs: activations[layerCount - 1] == .softmax)
  }

  /// o_j = φ(net_j) and φ'(net_j) for a layer; the switch is hoisted out of the loop.
  @inline(__always)
  private func activate(_ phi: Activation, from dst: Int, count n: Int) {
    switch phi {
    case .logistic:
      for k in dst..<(dst + n) {
        let o = Activation.logistic.value(net[k])
        out[k] = o
        der[k] = Activation.logistic.derivative(net[k], output: o)
      }
    case .softmax:
      let nets = UnsafeBufferPointer(start: net + dst, count: n)
      for k in 0..<n {
        let o = Softmax.output(at: k, nets: nets)
        out[dst + k] = o
        der[dst + k] = Activation.softmax.derivative(net[dst + k], output: o)
      }
    default:
      for k in dst..<(dst + n) {
        let o = phi.value(net[k])
        out[k] = o
        der[k] = phi.derivative(net[k], output: o)
      }
    }
  }

  /// Backward pass: every δ_j, with the weights as they are (before any update).
  @inline(__always)
  func backward(weights w: UnsafeMutablePointer<Double>, targets t: UnsafePointer<Double>) {
    let lOut = layerCount - 1
    for k in 0..<outputCount {
      let j = outputOffset + k
      let o = out[j]
      if simplifiedOutputDelta {
        delta[j] = o - t[k]
      } else if activations[lOut] == .softmax {
        var dot = 0.0
        for q in 0..<outputCount {
          let oq = out[outputOffset + q]
          dot += oq * loss.derivative(target: t[q], output: oq)
        }
        delta[j] = o * (loss.derivative(target: t[k], output: o) - dot)
      } else {
        delta[j] = loss.derivative(target: t[k], output: o) * der[j]
      }
    }
    var l = lOut - 1
    while l >= 1 {
      // δ_j = (Σ_ℓ w_jℓ δ_ℓ) φ'(net_j)
      let n = sizes[l]
      let nextCount = sizes[l + 1]
      let wo = weightOffset[l + 1]
      let here = firstOffset[l]
      let next = firstOffset[l + 1]
      for local in 0..<n {
        var s = 0.0
        for q in 0..<nextCount { s += w[wo + q * n + local] * delta[next + q] }
        delta[here + local] = s * der[here + local]
      }
      l -= 1
    }
  }

  /// Online update: w_ij ← w_ij − η o_i δ_j for every trainable parameter. Returns a sum of the
  /// new values, which is non-finite whenever one of them is (a cheap divergence check).
  @inline(__always)
  func updateOnline(
    weights w: UnsafeMutablePointer<Double>, biases b: UnsafeMutablePointer<Double>,
    inputs x: UnsafePointer<Double>, eta: Double, trainBiases: Bool
  ) -> Double {
    var check = 0.0
    for l in 1..<layerCount {
      let n = sizes[l]
      let m = sizes[l - 1]
      let wo = weightOffset[l]
      let src = firstOffset[l - 1]
      let dst = firstOffset[l]
      for jj in 0..<n {
        let d = delta[dst + jj]
        let row = wo + jj * m
        for ii in 0..<m {
          let g = out[src + ii] * d
          let v = w[row + ii] - eta * g
          w[row + ii] = v
          check += v
        }
        if trainBiases {
          let v = b[dst + jj] - eta * d
          b[dst + jj] = v
          check += v
        }
      }
    }
    return check
  }

  /// Batch: adds this sample's ∂E/∂w = o_i δ_j (and ∂E/∂b_j = δ_j) to the sums.
  @inline(__always)
  func accumulate(
    weightSums gw: UnsafeMutablePointer<Double>, biasSums gb: UnsafeMutablePointer<Double>
  ) {
    for l in 1..<layerCount {
      let n = sizes[l]
      let m = sizes[l - 1]
      let wo = weightOffset[l]
      let src = firstOffset[l - 1]
      let dst = firstOffset[l]
      for jj in 0..<n {
        let d = delta[dst + jj]
        let row = wo + jj * m
        for ii in 0..<m { gw[row + ii] += out[src + ii] * d }
        gb[dst + jj] += d
      }
    }
  }
}
