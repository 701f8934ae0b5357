/// The engine's arithmetic on raw buffers, for when nobody is watching: training many epochs,
/// evaluating E for a plot, checking gradients.
///
/// It performs exactly the operations of `Trainer.step()` in exactly the same order (the same
/// `Activation`, `Loss` and `Softmax` functions, the same summation order), so results agree bit
/// for bit with micro-stepping; `TrainerTests.kernelAgreesWithMicroSteps` holds it to that. No
/// strings, no allocation per sample, and no checks in the inner loops: each loop walks a row
/// pointer computed once per neuron (the offsets come from `NetworkShape`, so every index is in
/// bounds by construction), and divergence is looked for once per block of epochs by the caller.
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

  /// The layer sizes, `firstOffset` and `weightOffset` again, as raw pointers: the loops read
  /// them once per layer, and a pointer read needs no bounds check or reference count.
  let size: UnsafeMutablePointer<Int>
  let first: UnsafeMutablePointer<Int>
  let rowStart: UnsafeMutablePointer<Int>

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
    size = .allocate(capacity: layerCount)
    first = .allocate(capacity: layerCount)
    rowStart = .allocate(capacity: layerCount)
    size.initialize(from: sizes, count: layerCount)
    first.initialize(from: firstOffset, count: layerCount)
    rowStart.initialize(from: weightOffset, count: layerCount)
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
    size.deallocate()
    first.deallocate()
    rowStart.deallocate()
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
      let n = size[l]
      let m = size[l - 1]
      let src = UnsafePointer(out + first[l - 1])
      let dst = first[l]
      var row = UnsafePointer(w + rowStart[l])
      for jj in 0..<n {
        // net_j = Σ_i w_ij o_i + b_j
        var s = 0.0
        for ii in 0..<m { s += row[ii] * src[ii] }
        if hasBiases { s += b[dst &+ jj] }
        net[dst &+ jj] = s
        row += m
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
      let n = size[l]
      let nextCount = size[l + 1]
      let column = UnsafePointer(w + rowStart[l + 1])
      let here = first[l]
      let deltaNext = UnsafePointer(delta + first[l + 1])
      for local in 0..<n {
        var s = 0.0
        var p = column + local
        for q in 0..<nextCount {
          s += p.pointee * deltaNext[q]
          p += n
        }
        delta[here &+ local] = s * der[here &+ local]
      }
      l -= 1
    }
  }

  /// Online update: w_ij ← w_ij − η o_i δ_j for every trainable parameter.
  @inline(__always)
  func updateOnline(
    weights w: UnsafeMutablePointer<Double>, biases b: UnsafeMutablePointer<Double>,
    eta: Double, trainBiases: Bool
  ) {
    for l in 1..<layerCount {
      let n = size[l]
      let m = size[l - 1]
      let src = UnsafePointer(out + first[l - 1])
      let dst = first[l]
      var row = w + rowStart[l]
      for jj in 0..<n {
        let d = delta[dst &+ jj]
        for ii in 0..<m {
          let g = src[ii] * d
          row[ii] = row[ii] - eta * g
        }
        if trainBiases { b[dst &+ jj] = b[dst &+ jj] - eta * d }
        row += m
      }
    }
  }

  /// Batch update at the end of an epoch: w ← w − η (Σ_x ∂E_x/∂w) / n for every weight (and
  /// bias, input neurons excepted), then the sums start again from zero.
  @inline(__always)
  func updateBatch(
    weights wb: UnsafeMutableBufferPointer<Double>, biases bb: UnsafeMutableBufferPointer<Double>,
    weightSums gwb: UnsafeMutableBufferPointer<Double>,
    biasSums gbb: UnsafeMutableBufferPointer<Double>, sampleCount: Int, eta: Double,
    trainBiases: Bool
  ) {
    let n = Double(sampleCount)
    for k in 0..<wb.count {
      wb[k] = wb[k] - eta * (gwb[k] / n)
      gwb[k] = 0
    }
    for k in 0..<bb.count {
      if trainBiases && k >= inputCount { bb[k] = bb[k] - eta * (gbb[k] / n) }
      gbb[k] = 0
    }
  }

  /// Batch: adds this sample's ∂E/∂w = o_i δ_j (and ∂E/∂b_j = δ_j) to the sums.
  @inline(__always)
  func accumulate(
    weightSums gw: UnsafeMutablePointer<Double>, biasSums gb: UnsafeMutablePointer<Double>
  ) {
    for l in 1..<layerCount {
      let n = size[l]
      let m = size[l - 1]
      let src = UnsafePointer(out + first[l - 1])
      let dst = first[l]
      var row = gw + rowStart[l]
      for jj in 0..<n {
        let d = delta[dst &+ jj]
        for ii in 0..<m { row[ii] += src[ii] * d }
        gb[dst &+ jj] += d
        row += m
      }
    }
  }
}
