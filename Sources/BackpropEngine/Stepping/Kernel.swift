/// The engine's arithmetic on raw buffers, for when nobody is watching: training many epochs,
/// evaluating E for a plot, checking gradients.
///
/// It performs exactly the operations of `Trainer.step()` in exactly the same order (the same
/// `Activation`, `Loss` and `Softmax` functions, the same summation order), so results agree bit
/// for bit with micro-stepping; `KernelTests.kernelAgreesWithMicroStepsForEveryActivationAndLoss`
/// holds it to that. No strings, no allocation per sample, and no checks in the inner loops.
///
/// Why it is shaped this way: on a 2-2-1 network a sample-step is a few dozen multiplications, so
/// what surrounds them decides the speed. Everything a layer's loops need is read from one
/// `Layer` record (computed once, from `NetworkShape`, so every offset is in bounds by
/// construction); the loops walk pointers with wrapping counters (`&+`), which compile without
/// overflow traps; the choices that do not change from sample to sample (the output-δ rule, the
/// loss, biases or not) are decided once, outside the loops; and the element-wise activation is
/// applied in the same pass that computes net_j. Divergence is looked for once per block of
/// epochs by the caller.
///
/// The passes are generic over a `KernelLayout`, the source of their counts: the layer records
/// for any network, or constants for the logistic 2-2-1 and 2-2-2 networks the course uses most,
/// for which the compiler writes the same code out with every count known.
struct Kernel {
  /// One layer l ≥ 1, as its loops read it. Offsets are into the scratch arrays (neuron j is at
  /// j − 1) and into the flat weight array.
  struct Layer {
    /// n_l.
    var size: Int
    /// n_(l−1), the length of one weight row.
    var fanIn: Int
    /// j − 1 of the layer's first neuron.
    var first: Int
    /// j − 1 of the previous layer's first neuron.
    var source: Int
    /// Offset of the weights into this layer: neuron j's row is `fanIn` weights from here.
    var weights: Int
    var activation: Activation
  }

  /// How the output δ_j are found; fixed by the output activation and the loss.
  enum OutputDelta {
    /// δ_j = o_j − t_j (the φ' cancels against ∂E/∂o_j).
    case simplified
    /// δ_j = o_j (∂E/∂o_j − Σ_q o_q ∂E/∂o_q), softmax's full Jacobian.
    case softmax
    /// δ_j = ∂E/∂o_j · φ'(net_j).
    case chain
  }

  let layerCount: Int
  let inputCount: Int
  let outputOffset: Int
  let outputCount: Int
  let neuronCount: Int
  let weightCount: Int
  let loss: Loss
  let hasBiases: Bool
  let outputDelta: OutputDelta
  /// Layers 1 … L−1 (`layers[0]` is layer 1).
  let layers: UnsafeMutablePointer<Layer>
  /// The logistic shape with constant sizes this network has, if any (see `KernelLayout`).
  let fixedShape: FixedShape?

  /// The shapes that have a `FixedLayout`.
  enum FixedShape {
    /// 2-2-1.
    case xor
    /// 2-2-2.
    case mazur
  }

  // Scratch, by neuron j − 1.
  let net: UnsafeMutablePointer<Double>
  let out: UnsafeMutablePointer<Double>
  let der: UnsafeMutablePointer<Double>
  let delta: UnsafeMutablePointer<Double>

  init(network: Network) {
    let shape = network.shape
    layerCount = shape.layerCount
    inputCount = shape.inputCount
    outputOffset = shape.firstNeuron[shape.outputLayer] - 1
    outputCount = shape.outputCount
    neuronCount = shape.neuronCount
    weightCount = shape.weightCount
    loss = network.loss
    hasBiases = network.hasBiases
    if network.outputDeltaIsSimplified {
      outputDelta = .simplified
    } else if network.outputActivation == .softmax {
      outputDelta = .softmax
    } else {
      outputDelta = .chain
    }
    layers = .allocate(capacity: layerCount - 1)
    for l in 1..<layerCount {
      (layers + (l - 1)).initialize(
        to: Layer(
          size: shape.layerSizes[l], fanIn: shape.layerSizes[l - 1],
          first: shape.firstNeuron[l] - 1, source: shape.firstNeuron[l - 1] - 1,
          weights: shape.weightOffset[l], activation: network.activations[l]))
    }
    switch shape.layerSizes {
    case _ where network.activations.dropFirst().contains { $0 != .logistic }: fixedShape = nil
    case [XORSizes.inputs, XORSizes.hidden, XORSizes.outputs]: fixedShape = .xor
    case [MazurSizes.inputs, MazurSizes.hidden, MazurSizes.outputs]: fixedShape = .mazur
    default: fixedShape = nil
    }
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
    layers.deallocate()
    net.deallocate()
    out.deallocate()
    der.deallocate()
    delta.deallocate()
  }

  /// Whether this kernel was made for `network`'s layout (shape, activations, loss, biases): the
  /// weights themselves are not part of a kernel, so one kernel serves every chunk of training.
  func fits(_ network: Network) -> Bool {
    let shape = network.shape
    guard shape.layerCount == layerCount, shape.neuronCount == neuronCount,
      shape.weightCount == weightCount, network.loss == loss,
      network.hasBiases == hasBiases
    else { return false }
    for l in 1..<layerCount {
      let layer = layers[l - 1]
      guard layer.size == shape.layerSizes[l], layer.activation == network.activations[l] else {
        return false
      }
    }
    return true
  }

  /// The layout that serves every shape, reading the counts from `layers`.
  var recordedLayout: RecordedLayout {
    RecordedLayout(
      inputCount: inputCount, outputCount: outputCount, outputOffset: outputOffset,
      layers: UnsafePointer(layers), layerCount: layerCount - 1)
  }

  /// The layout with constant sizes `Sizes`; only for a kernel whose `fixedShape` has them.
  func fixedLayout<Sizes: FixedLayerSizes>(_ sizes: Sizes.Type) -> FixedLayout<Sizes> {
    precondition(
      layerCount == 3 && inputCount == Sizes.inputs && layers[0].size == Sizes.hidden
        && outputCount == Sizes.outputs && layers[0].activation == .logistic
        && layers[1].activation == .logistic, "a fixed layout for another network")
    return FixedLayout()
  }

  /// Layers of at most this many neurons compute o_j in the same pass as net_j.
  static let narrowLayer = 4

  /// Forward pass; returns E for the targets at `t`. Out of line: inlined into a training loop
  /// along with the other passes, a wide network's loop ran 20% slower (2-64-64-1, measured).
  @inline(never)
  func forward(
    weights w: UnsafeMutablePointer<Double>, biases b: UnsafeMutablePointer<Double>,
    inputs x: UnsafePointer<Double>, targets t: UnsafePointer<Double>
  ) -> Double {
    forward(recordedLayout, weights: w, biases: b, inputs: x, targets: t)
  }

  /// Forward pass with the counts of `layout`; returns E for the targets at `t`.
  @inline(__always)
  func forward<Layout: KernelLayout>(
    _ layout: Layout, weights w: UnsafeMutablePointer<Double>,
    biases b: UnsafeMutablePointer<Double>, inputs x: UnsafePointer<Double>,
    targets t: UnsafePointer<Double>
  ) -> Double {
    Self.copy(x, to: out, count: layout.inputCount)
    layout.forEachLayer { L in
      switch L.activation {
      case .logistic where Layout.countsAreConstant && L.size <= Self.narrowLayer:
        // With constant counts, the layer's o_j are kept until its last exp and then stored
        // together, φ' first: the next layer then takes them from registers, where the compiler
        // otherwise reloads them in pairs straight after storing them one by one, and the
        // processor waits for the stores to drain (measured: 2-2-1 0.95 → 1.06 × C). With
        // recorded counts the values would go through the stack, which cost 2-16-16-1 8%.
        var o = SIMD4<Double>()
        var slope = SIMD4<Double>()
        netLayer(L, weights: w, biases: b) { j, s in
          let k = j &- L.first
          o[k] = Activation.logistic.value(s)
          slope[k] = Activation.logistic.derivative(s, output: o[k])
        }
        var k = 0
        while k < L.size {
          der[L.first &+ k] = slope[k]
          k &+= 1
        }
        k = 0
        while k < L.size {
          out[L.first &+ k] = o[k]
          k &+= 1
        }
      case .logistic where L.size <= Self.narrowLayer:
        // The common case inline: o_j = σ(net_j), φ'(net_j) = o_j(1 − o_j). In a narrow layer,
        // in the same pass as net_j (measured: 5% quicker on 2-2-1) …
        netLayer(L, weights: w, biases: b) { j, s in
          let o = Activation.logistic.value(s)
          out[j] = o
          der[j] = Activation.logistic.derivative(s, output: o)
        }
      case .logistic:
        // … and in a wide one, in a second pass, so that the dot products run back to back
        // rather than between calls to exp (measured: 10% quicker on 2-16-16-1).
        netLayer(L, weights: w, biases: b) { _, _ in }
        var j = L.first
        let last = j &+ L.size
        while j < last {
          let o = Activation.logistic.value(net[j])
          out[j] = o
          der[j] = Activation.logistic.derivative(net[j], output: o)
          j &+= 1
        }
      case .softmax:
        netLayer(L, weights: w, biases: b) { _, _ in }
        softmax(L)
      default:
        netLayer(L, weights: w, biases: b) { _, _ in }
        activate(L)
      }
    }
    // E = Σ_j L(t_j, o_j)
    let outputOffset = layout.outputOffset
    let outputCount = layout.outputCount
    let softmaxOutputs = layers[layerCount &- 2].activation == .softmax
    if outputCount == 1 && !softmaxOutputs {
      // The same sum as `sampleError` for one output, without its loop.
      return 0.0 + loss.term(target: t[0], output: out[outputOffset])
    }
    return loss.sampleError(
      targets: t, outputs: out + outputOffset, nets: net + outputOffset, count: outputCount,
      softmaxOutputs: softmaxOutputs)
  }

  /// net_j = Σ_i w_ij o_i + b_j for every neuron of a layer, stored, then handed to `then`.
  @inline(__always)
  private func netLayer(
    _ L: Layer, weights w: UnsafeMutablePointer<Double>,
    biases b: UnsafeMutablePointer<Double>,
    then: (Int, Double) -> Void
  ) {
    let src = UnsafePointer(out + L.source)
    var row = UnsafePointer(w + L.weights)
    let m = L.fanIn
    var j = L.first
    let end = L.first &+ L.size
    if m >= Self.longRow {
      while j &+ 4 <= end {
        let s = Self.dots(
          rows: row, length: m, src,
          startingAt: hasBiases ? (b[j], b[j &+ 1], b[j &+ 2], b[j &+ 3]) : (0, 0, 0, 0))
        net[j] = s.0
        net[j &+ 1] = s.1
        net[j &+ 2] = s.2
        net[j &+ 3] = s.3
        then(j, s.0)
        then(j &+ 1, s.1)
        then(j &+ 2, s.2)
        then(j &+ 3, s.3)
        row += 4 &* m
        j &+= 4
      }
    }
    while j < end {
      let s = Self.dot(row, src, count: m, startingAt: hasBiases ? b[j] : 0)
      net[j] = s
      then(j, s)
      row += m
      j &+= 1
    }
  }

  /// o_j = φ(net_j) and φ'(net_j) for the other element-wise activations, out of line: they are
  /// rare in long training runs, and keeping them out keeps the hot loop small.
  @inline(never)
  private func activate(_ L: Layer) {
    let phi = L.activation
    var j = L.first
    let end = L.first &+ L.size
    while j < end {
      let o = phi.value(net[j])
      out[j] = o
      der[j] = phi.derivative(net[j], output: o)
      j &+= 1
    }
  }

  /// Softmax couples the whole layer, so it runs once every net_j of the layer is known.
  @inline(never)
  private func softmax(_ L: Layer) {
    let nets = UnsafeBufferPointer(start: net + L.first, count: L.size)
    for k in 0..<L.size {
      let j = L.first + k
      let o = Softmax.output(at: k, nets: nets)
      out[j] = o
      der[j] = Activation.softmax.derivative(net[j], output: o)
    }
  }

  /// Backward pass: every δ_j, with the weights as they are (before any update). Out of line, as
  /// `forward(weights:biases:inputs:targets:)` is.
  @inline(never)
  func backward(weights w: UnsafeMutablePointer<Double>, targets t: UnsafePointer<Double>) {
    backward(recordedLayout, weights: w, targets: t)
  }

  /// Backward pass with the counts of `layout`.
  @inline(__always)
  func backward<Layout: KernelLayout>(
    _ layout: Layout, weights w: UnsafeMutablePointer<Double>, targets t: UnsafePointer<Double>
  ) {
    let outputOffset = layout.outputOffset
    let outputCount = layout.outputCount
    let o = UnsafePointer(out + outputOffset)
    let d = delta + outputOffset
    let phiPrime = UnsafePointer(der + outputOffset)
    var k = 0
    switch outputDelta {
    case .simplified:
      while k < outputCount {
        d[k] = o[k] - t[k]
        k &+= 1
      }
    case .chain:
      while k < outputCount {
        d[k] = loss.derivative(target: t[k], output: o[k]) * phiPrime[k]
        k &+= 1
      }
    case .softmax:
      softmaxOutputDeltas(targets: t)
    }
    // δ_j = (Σ_ℓ w_jℓ δ_ℓ) φ'(net_j), layer L−2 down to layer 1.
    layout.forEachLayerBackward { L, U in
      let column = UnsafePointer(w + U.weights)
      let deltaNext = UnsafePointer(delta + U.first)
      let n = L.size
      var local = 0
      /// Every δ_j of the layer; called with a constant count where it is short, so that
      /// `dot`'s choice of length is made once per layer rather than once per neuron.
      @inline(__always)
      func deltas(receivers count: Int) {
        while local < n {
          let s = Self.dot(column + local, stride: n, deltaNext, count: count)
          let j = L.first &+ local
          delta[j] = s * der[j]
          local &+= 1
        }
      }
      switch U.size {
      case 1: deltas(receivers: 1)
      case 2: deltas(receivers: 2)
      case let count:
        Self.deltasByRows(
          of: L, weights: column, receiverDeltas: deltaNext, receivers: count, delta: delta,
          slopes: UnsafePointer(der))
      }
    }
  }

  /// δ_j = (Σ_ℓ w_jℓ δ_ℓ) φ'(net_j) for a layer with many receivers, receiver by receiver:
  /// the weights into receiver ℓ lie side by side (w_1ℓ … w_nℓ), so the inner loop runs along
  /// memory and the compiler does two neurons per instruction, where a sum down each column
  /// strides across rows. Each neuron's sum still adds its terms from 0 in ascending ℓ, so the
  /// result is bit for bit the column sum's (and the readable path's). Inlined: a call would
  /// make `backward` save registers on every sample, which costs a 2-2-1 network 6%.
  @inline(__always)
  static func deltasByRows(
    of L: Layer, weights rows: UnsafePointer<Double>,
    receiverDeltas deltaNext: UnsafePointer<Double>, receivers count: Int,
    delta: UnsafeMutablePointer<Double>, slopes der: UnsafePointer<Double>
  ) {
    let n = L.size
    let sums = delta + L.first
    let slopes = der + L.first
    // The first receiver's terms start each sum from 0 (0 + x, as the column sum's first
    // addition, and no call to clear the sums first).
    var row = rows
    let first = deltaNext[0]
    var i = 0
    while i < n {
      sums[i] = 0 + row[i] * first
      i &+= 1
    }
    row += n
    var q = 1
    // Four receivers a pass, then two, then one: each sum still adds receiver q's term before
    // receiver q + 1's, but is loaded and stored once a pass rather than once a receiver
    // (measured against one receiver a pass: 2-16-16-1 and 2-64-64-1 6–7% quicker).
    while q &+ 4 <= count {
      let d0 = deltaNext[q]
      let d1 = deltaNext[q &+ 1]
      let d2 = deltaNext[q &+ 2]
      let d3 = deltaNext[q &+ 3]
      let r1 = row + n
      let r2 = r1 + n
      let r3 = r2 + n
      var j = 0
      while j < n {
        sums[j] = (((sums[j] + row[j] * d0) + r1[j] * d1) + r2[j] * d2) + r3[j] * d3
        j &+= 1
      }
      row += 4 &* n
      q &+= 4
    }
    while q &+ 2 <= count {
      let d0 = deltaNext[q]
      let d1 = deltaNext[q &+ 1]
      let next = row + n
      var j = 0
      while j < n {
        sums[j] = (sums[j] + row[j] * d0) + next[j] * d1
        j &+= 1
      }
      row += 2 &* n
      q &+= 2
    }
    if q < count {
      let d = deltaNext[q]
      var j = 0
      while j < n {
        sums[j] += row[j] * d
        j &+= 1
      }
    }
    var j = 0
    while j < n {
      sums[j] = sums[j] * slopes[j]
      j &+= 1
    }
  }

  /// δ_j = o_j (∂E/∂o_j − Σ_q o_q ∂E/∂o_q) for a softmax output layer under a loss that does not
  /// cancel its Jacobian.
  @inline(never)
  private func softmaxOutputDeltas(targets t: UnsafePointer<Double>) {
    for k in 0..<outputCount {
      let j = outputOffset + k
      let o = out[j]
      var dot = 0.0
      for q in 0..<outputCount {
        let oq = out[outputOffset + q]
        dot += oq * loss.derivative(target: t[q], output: oq)
      }
      delta[j] = o * (loss.derivative(target: t[k], output: o) - dot)
    }
  }

  /// Online update: w_ij ← w_ij − η o_i δ_j for every trainable parameter.
  func updateOnline(
    weights w: UnsafeMutablePointer<Double>, biases b: UnsafeMutablePointer<Double>, eta: Double,
    trainBiases: Bool
  ) {
    updateOnline(recordedLayout, weights: w, biases: b, eta: eta, trainBiases: trainBiases)
  }

  /// `updateOnline` with the counts of `layout`.
  @inline(__always)
  func updateOnline<Layout: KernelLayout>(
    _ layout: Layout, weights w: UnsafeMutablePointer<Double>,
    biases b: UnsafeMutablePointer<Double>, eta: Double, trainBiases: Bool
  ) {
    layout.forEachLayer { L in
      let src = UnsafePointer(out + L.source)
      var row = w + L.weights
      var j = L.first
      let last = L.first &+ L.size
      /// Every row of the layer, for a short constant width: `descend`'s choice of width is
      /// made once per layer rather than once per neuron (measured: 5% quicker on 2-2-1).
      @inline(__always)
      func descendRows(width m: Int) {
        while j < last {
          let d = delta[j]
          Self.descend(row, along: src, by: d, eta: eta, count: m)
          if trainBiases { b[j] = b[j] - eta * d }
          row += m
          j &+= 1
        }
      }
      switch L.fanIn {
      case 1: descendRows(width: 1)
      case 2: descendRows(width: 2)
      case 3: descendRows(width: 3)
      case let m:
        Self.descendLayer(
          rows: row, count: L.size, width: m, along: src, deltas: UnsafePointer(delta + j),
          biases: trainBiases ? b + j : nil, eta: eta)
      }
    }
  }

  // MARK: - Rows
  //
  // Short rows are written out term by term: on a 2-2-1 network a loop's set-up (and the vector
  // version the compiler makes of it, with its overlap checks) costs more than the two or three
  // multiplications inside. The terms are the same and in the same order either way.

  /// start + Σ_i a_i b_i, summed in ascending i after the start, as the readable path sums
  /// net_j (the bias first, as ref.c and most textbook code do: the same rounding, so the two
  /// programs' losses agree digit for digit).
  ///
  /// A loop, never written out: written out, the compiler loads two weights (or two outputs) at
  /// once with one 16-byte load, right after they were stored one by one, and the processor then
  /// waits for the stores to drain instead of forwarding them, on the critical path of every
  /// sample (measured: 10% slower on 2-2-1 with 27% fewer instructions).
  @inline(__always)
  static func dot(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count m: Int, startingAt start: Double
  ) -> Double {
    var s = start
    var i = 0
    // Four terms a turn, still added one after another in ascending i, for long rows only: a
    // short row (a 2-2-1 network's) keeps the plain loop of the note above.
    while i &+ 4 <= m {
      s += a[i] * b[i]
      s += a[i &+ 1] * b[i &+ 1]
      s += a[i &+ 2] * b[i &+ 2]
      s += a[i &+ 3] * b[i &+ 3]
      i &+= 4
    }
    while i < m {
      s += a[i] * b[i]
      i &+= 1
    }
    return s
  }

  /// Rows at least this long are summed four neurons at a time (see `dots`). Measured against
  /// one neuron at a time: 784-30-10 30% quicker, 2-64-64-1 12%, 2-32-32-1 7%, 2-16-16-1 5%;
  /// rows of 8 and 12 showed no clear difference either way.
  static let longRow = 16

  /// Four neurons' net_j at once, from four consecutive rows of `length` weights: each sum
  /// starts from its own start and adds its terms in ascending i, exactly as `dot` does, so each
  /// result is bit for bit `dot`'s. Why: one sum is a chain of additions, each waiting for the one
  /// before (about 4 cycles apiece), and on long rows that wait is the whole cost of the forward
  /// pass (ref.c's too). Four independent chains overlap, and each o_i is loaded once for four
  /// neurons.
  @inline(__always)
  static func dots(
    rows a: UnsafePointer<Double>, length m: Int, _ b: UnsafePointer<Double>,
    startingAt start: (Double, Double, Double, Double)
  ) -> (Double, Double, Double, Double) {
    var (s0, s1, s2, s3) = start
    let a1 = a + m
    let a2 = a1 + m
    let a3 = a2 + m
    var i = 0
    while i < m {
      let x = b[i]
      s0 += a[i] * x
      s1 += a1[i] * x
      s2 += a2[i] * x
      s3 += a3[i] * x
      i &+= 1
    }
    return (s0, s1, s2, s3)
  }

  /// Σ_q a_(q·stride) b_q, summed from 0 in ascending q: Σ_ℓ w_jℓ δ_ℓ down a weight column.
  @inline(__always)
  static func dot(
    _ a: UnsafePointer<Double>, stride n: Int, _ b: UnsafePointer<Double>, count m: Int
  ) -> Double {
    var s = 0.0
    switch m {
    case 1:
      s += a[0] * b[0]
    case 2:
      s += a[0] * b[0]
      s += a[n] * b[1]
    default:
      var p = a
      var q = 0
      while q < m {
        s += p.pointee * b[q]
        p += n
        q &+= 1
      }
    }
    return s
  }

  /// The inputs into o_1 … o_n.
  @inline(__always)
  static func copy(_ x: UnsafePointer<Double>, to o: UnsafeMutablePointer<Double>, count n: Int) {
    switch n {
    case 1:
      o[0] = x[0]
    case 2:
      o[0] = x[0]
      o[1] = x[1]
    default:
      o.update(from: x, count: n)
    }
  }

  /// w_ij ← w_ij − η (o_i δ_j) along one row of one, two or three weights.
  @inline(__always)
  static func descend(
    _ row: UnsafeMutablePointer<Double>, along src: UnsafePointer<Double>, by d: Double,
    eta: Double, count m: Int
  ) {
    var i = 0
    while i < m {
      row[i] = row[i] - eta * (src[i] * d)
      i &+= 1
    }
  }

  /// w_ij ← w_ij − η (o_i δ_j) for every row of a layer whose rows are four weights or longer,
  /// then b_j ← b_j − η δ_j. Out of line, so that the set-up of its vector loops is paid only by
  /// layers that use them, and once per layer rather than once per row (measured against a call
  /// per row: 2-16-16-1 8% quicker, 2-64-64-1 12%).
  @inline(never)
  static func descendLayer(
    rows: UnsafeMutablePointer<Double>, count n: Int, width m: Int,
    along src: UnsafePointer<Double>, deltas: UnsafePointer<Double>,
    biases: UnsafeMutablePointer<Double>?, eta: Double
  ) {
    var row = rows
    var k = 0
    while k < n {
      let d = deltas[k]
      var i = 0
      while i < m {
        row[i] = row[i] - eta * (src[i] * d)
        i &+= 1
      }
      row += m
      k &+= 1
    }
    guard let b = biases else { return }
    k = 0
    while k < n {
      b[k] = b[k] - eta * deltas[k]
      k &+= 1
    }
  }

  /// Batch update at the end of an epoch: w ← w − η (Σ_x ∂E_x/∂w) / n for every weight (and
  /// bias, input neurons excepted), then the sums start again from zero.
  func updateBatch(
    weights w: UnsafeMutablePointer<Double>, biases b: UnsafeMutablePointer<Double>,
    weightSums gw: UnsafeMutablePointer<Double>, biasSums gb: UnsafeMutablePointer<Double>,
    sampleCount: Int, eta: Double, trainBiases: Bool
  ) {
    let n = Double(sampleCount)
    for k in 0..<weightCount {
      w[k] = w[k] - eta * (gw[k] / n)
      gw[k] = 0
    }
    for k in 0..<neuronCount {
      if trainBiases && k >= inputCount { b[k] = b[k] - eta * (gb[k] / n) }
      gb[k] = 0
    }
  }

  /// Batch: adds this sample's ∂E/∂w = o_i δ_j (and ∂E/∂b_j = δ_j) to the sums.
  func accumulate(
    weightSums gw: UnsafeMutablePointer<Double>, biasSums gb: UnsafeMutablePointer<Double>
  ) {
    accumulate(recordedLayout, weightSums: gw, biasSums: gb)
  }

  /// `accumulate` with the counts of `layout`.
  @inline(__always)
  func accumulate<Layout: KernelLayout>(
    _ layout: Layout, weightSums gw: UnsafeMutablePointer<Double>,
    biasSums gb: UnsafeMutablePointer<Double>
  ) {
    layout.forEachLayer { L in
      let src = UnsafePointer(out + L.source)
      var row = gw + L.weights
      let m = L.fanIn
      var j = L.first
      let last = L.first &+ L.size
      while j < last {
        let d = delta[j]
        var i = 0
        while i < m {
          row[i] += src[i] * d
          i &+= 1
        }
        gb[j] += d
        row += m
        j &+= 1
      }
    }
  }
}
