import BackpropEngine

/// The values of every neuron and weight as rows of text, shared by `show`, headless and the
/// TUI's values pane. A value not computed in the current pass is left blank, never stale.
public struct ValuesTable: Sendable {
  public struct NeuronRow: Sendable {
    public let j: Int
    public let layer: Int
    public let net: Double?
    public let output: Double?
    public let derivative: Double?
    /// ∂E/∂o_j (Eq. 5), once the δ_ℓ it sums are known.
    public let outputGradient: Double?
    public let delta: Double?
  }

  public struct WeightRow: Sendable {
    public let parameter: Parameter
    public let value: Double
    public let gradient: Double?
    /// Batch mode: the mean of the samples' ∂E_x/∂w so far (nil in the other modes).
    public let meanGradient: Double?
    public let change: Double?
    public let frozen: Bool
  }

  public let neurons: [NeuronRow]
  public let weights: [WeightRow]
  /// How many neurons and weights the network has; more than `neurons.count` and
  /// `weights.count` when the table was built with a row limit.
  public let neuronTotal: Int
  public let weightTotal: Int
  public let summary: String
  public let error: Double?
  /// Batch mode shows the mean gradient the update applies next to the last sample's.
  public let isBatch: Bool
  /// For a softmax output φ'(net_j) is only the diagonal of the Jacobian, and the table says so.
  public let hasSoftmaxOutput: Bool
  /// Cells an open lesson question asks for read "?" (see `Session.withheld`).
  public let withheld: Set<QuantityName>

  /// The table of the first `rowLimit` neurons and weights (all of them by default): a
  /// 16 × 256 network has a million weights, which `show` would take 16 s and 700 MB to print.
  public init(session: Session, rowLimit: Int = .max) {
    let network = session.trainer.network
    self.init(
      session: session, neuronRows: 0..<min(rowLimit, network.shape.neuronCount),
      weightRows: 0..<min(rowLimit, network.parameterCount))
  }

  /// The rows `neuronRows` of the neuron table (row r is neuron j = r + 1) and `weightRows` of
  /// the parameter table (in `allParameters` order): the values pane builds only the rows it
  /// shows, so a frame costs the same for a 2-2-1 network and a 784-30-10 one.
  public init(session: Session, neuronRows: Range<Int>, weightRows: Range<Int>) {
    let context = Context(session: session)
    let t = session.trainer
    let network = t.network
    let shape = network.shape
    neurons = neuronRows.clamped(to: 0..<shape.neuronCount).map { r in
      let j = r + 1
      let l = shape.layer(ofNeuron: j)!
      if l == 0 {
        return NeuronRow(
          j: j, layer: 0, net: nil, output: t.input(j), derivative: nil, outputGradient: nil,
          delta: nil)
      }
      return NeuronRow(
        j: j, layer: l, net: context.value(of: .net(j)), output: context.value(of: .output(j)),
        derivative: context.value(of: .derivative(j)),
        outputGradient: context.value(of: .outputGradient(j)), delta: context.value(of: .delta(j)))
    }
    weights = weightRows.clamped(to: 0..<network.parameterCount).map { k in
      let p = network.parameter(at: k)
      return WeightRow(
        parameter: p, value: network[p], gradient: context.value(of: .gradient(p)),
        meanGradient: context.isFrozen(p) ? nil : context.value(of: .meanGradient(p)),
        change: context.value(of: .change(p)), frozen: context.isFrozen(p))
    }
    neuronTotal = shape.neuronCount
    weightTotal = network.parameterCount
    isBatch = t.mode == .batch
    hasSoftmaxOutput = network.outputActivation == .softmax
    error = context.value(of: .error)
    withheld = session.withheld
    summary = Self.summary(t, digits: session.digits)
  }

  /// "epoch 0 · sample 1/1 · forward pass 3/9 · η = 0.5 · online · E = 0.29837"
  public static func summary(_ t: Trainer, digits: Int) -> String {
    let n = { (x: Double) in NumberFormat.format(x, digits: digits) }
    var parts = ["epoch \(t.epoch)"]
    if !t.samples.isEmpty {
      parts.append("sample \(t.position.sample + 1)/\(t.samples.count)")
      parts.append(
        "\(t.position.phase.rawValue) \(t.position.index)/\(t.steps(of: t.position.phase).count)")
    } else {
      parts.append("no samples")
    }
    parts.append("η = \(n(t.learningRate))")
    parts.append(t.mode.rawValue)
    if t.isComputed(.error) { parts.append("E = \(n(t.values.error))") }
    if t.divergence != nil { parts.append("DIVERGED") }
    return parts.joined(separator: " · ")
  }

  public func neuronLines(digits: Int) -> [String] {
    let c = { (x: Double?) in x.map { NumberFormat.format($0, digits: digits) } ?? "" }
    let width = digits + 7
    var lines = [
      "j".leftPad(4) + "  " + "layer".pad(6)
        + ["net_j", "o_j", "φ'(net_j)", "∂E/∂o_j", "δ_j"].map { $0.pad(width) }.joined()
    ]
    for r in neurons {
      let layer = r.layer == 0 ? "in" : "\(r.layer)"
      lines.append(
        "\(r.j)".leftPad(4) + "  " + layer.pad(6)
          + [
            (r.net, .net(r.j)), (r.output, .output(r.j)), (r.derivative, .derivative(r.j)),
            (r.outputGradient, .outputGradient(r.j)), (r.delta, .delta(r.j)),
          ].map { (value: Double?, name: QuantityName) in
            (withheld.contains(name) ? "?" : c(value)).pad(width)
          }.joined())
    }
    if hasSoftmaxOutput {
      lines.append(
        "softmax outputs: φ'(net_j) = o_j(1 − o_j) is the Jacobian's diagonal ∂o_j/∂net_j; `show jacobian` shows all of it"
      )
    }
    return lines.map { $0.trimmingTrailingSpaces() }
  }

  public func weightLines(digits: Int) -> [String] {
    let c = { (x: Double?) in x.map { NumberFormat.format($0, digits: digits) } ?? "" }
    let width = digits + 7
    let nameWidth = max(8, (weights.map { $0.parameter.name.count }.max() ?? 0) + 2)
    let headers = ["value", "∂E/∂·"] + (isBatch ? ["mean ∂E/∂·"] : []) + ["Δ"]
    var lines = ["".pad(nameWidth) + headers.map { $0.pad(width) }.joined()]
    for r in weights {
      let p = r.parameter
      let hide = { (x: Double?, name: QuantityName) in self.withheld.contains(name) ? "?" : c(x) }
      let change = r.frozen ? "(frozen)" : hide(r.change, .change(p))
      let entries =
        [c(r.value), hide(r.gradient, .gradient(p))]
        + (isBatch ? [hide(r.meanGradient, .meanGradient(p))] : []) + [change]
      lines.append(r.parameter.name.pad(nameWidth) + entries.map { $0.pad(width) }.joined())
    }
    return lines.map { $0.trimmingTrailingSpaces() }
  }
}

extension String {
  func pad(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
  func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
