import BackpropEngine

/// `get`, `explain` and `show jacobian` for the quantities of the derivation that are not a
/// micro-step of their own: ∂E/∂o_j (Eq. 5), the batch mean gradient, the gradient of a frozen
/// bias, and the softmax Jacobian. All are read off values the pass has already computed.
extension Context {
  /// ∂E/∂o_j: the loss's derivative for an output neuron (Eq. 4), Σ_ℓ w_jℓ δ_ℓ for an inner one
  /// (Eq. 5).
  func explainOutputGradient(_ j: Int) -> CommandOutput {
    let t = trainer
    let shape = t.network.shape
    let l = shape.layer(ofNeuron: j)!
    let symbol = QuantityName.outputGradient(j).name
    guard t.isOutputGradientComputed(j) else {
      let needs =
        l == shape.outputLayer
        ? "o_\(j)" : shape.neurons(inLayer: l + 1).map { "δ_\($0)" }.joined(separator: ", ")
      return CommandOutput(
        lines: ["\(symbol) has not been computed in this pass yet (it needs \(needs))"],
        data: [("computed", .bool(false))])
    }
    let value = t.outputGradient(j)
    let f = { (x: Double) in NumberFormat.factor(x, digits: self.digits) }
    let rule: String
    let line: String
    if l == shape.outputLayer {
      let target = t.currentSample!.targets[j - shape.firstNeuron[l]]
      let loss = t.network.loss
      let formula = loss.derivativeFormula(target: "t_\(j)", output: "o_\(j)")
      let numbers = loss.derivativeFormula(target: n(target), output: n(t.values.output[j - 1]))
      rule = "∂E/∂o_j = ∂L(t_j, o_j)/∂o_j for an output neuron (Eq. 4), \(loss.rawValue) loss"
      line = "\(symbol) = \(formula) = \(numbers) = \(n(value))"
    } else {
      var symbols: [String] = []
      var numbers: [String] = []
      for ell in shape.neurons(inLayer: l + 1) {
        symbols.append("w_\(Parameter.indexPair(j, ell)) δ_\(ell)")
        numbers.append("\(f(t.weightUsedByDelta(from: j, to: ell)))·\(f(t.values.delta[ell - 1]))")
      }
      rule = "∂E/∂o_j = Σ_ℓ (∂E/∂o_ℓ)(∂o_ℓ/∂net_ℓ) w_jℓ = Σ_ℓ w_jℓ δ_ℓ (Eq. 5)"
      line =
        "\(symbol) = \(Trainer.abbreviatedSum(symbols)) = \(Trainer.abbreviatedSum(numbers)) = \(n(value))"
    }
    return CommandOutput(
      lines: [line, "    rule: " + rule, "    then δ_\(j) = \(symbol) · φ'(net_\(j))"],
      data: [
        ("explanation", .object([("symbol", .string(symbol)), ("value", .number(value))]))
      ])
  }

  /// ∂E/∂b_j = δ_j for a bias that the update leaves alone.
  func explainFrozenBiasGradient(_ j: Int) -> CommandOutput {
    let symbol = QuantityName.gradient(.bias(j)).name
    guard let v = value(of: .gradient(.bias(j))) else {
      return CommandOutput(
        lines: ["\(symbol) = δ_\(j), and δ_\(j) has not been computed in this pass yet"],
        data: [("computed", .bool(false))])
    }
    return CommandOutput(
      lines: [
        "\(symbol) = δ_\(j) = \(n(v)) (frozen: b_\(j) is never updated)",
        "    rule: ∂E/∂b_j = 1·δ_j (a bias is a weight from a unit with output 1)",
      ],
      data: [
        (
          "explanation",
          .object([("symbol", .string(symbol)), ("value", .number(v)), ("frozen", .bool(true))])
        )
      ])
  }

  /// (1/k) Σ_x ∂E_x/∂p over the samples of this batch epoch so far.
  func explainMeanGradient(_ p: Parameter) -> CommandOutput {
    let symbol = QuantityName.meanGradient(p).name
    let total = trainer.samples.count
    guard let v = value(of: .meanGradient(p)), let k = meanGradientCount(p) else {
      return CommandOutput(
        lines: [
          "\(symbol) has not been computed in this epoch yet (no sample's ∂E/∂\(p.name) so far)"
        ],
        data: [("computed", .bool(false))])
    }
    let sum: Double
    switch p {
    case .weight(let i, let j):
      sum = trainer.values.weightGradientSum[trainer.network.shape.weightIndex(from: i, to: j)!]
    case .bias(let j): sum = trainer.values.biasGradientSum[j - 1]
    }
    let status =
      k == total
      ? "\(total == 1 ? "the 1 sample" : "all \(total) samples"): the gradient the update applies"
      : "\(k) of \(counted(total, "sample")) so far; the update waits for the rest"
    return CommandOutput(
      lines: [
        "\(symbol) = (1/\(k)) Σ_x ∂E_x/∂\(p.name) = \(n(sum))/\(k) = \(n(v)) (\(status))",
        "    rule: batch mode descends on E = (1/n) Σ_x E_x, whose gradient is the mean of the samples' gradients",
      ],
      data: [
        (
          "explanation",
          .object([
            ("symbol", .string(symbol)), ("value", .number(v)), ("samples", .number(Double(k))),
          ])
        )
      ])
  }

  /// The softmax output layer's Jacobian ∂o_k/∂net_j = o_k(δ_kj − o_j), whose diagonal
  /// o_j(1 − o_j) is what the φ' column shows.
  func softmaxJacobian() throws(CommandError) -> CommandOutput {
    let t = trainer
    let shape = t.network.shape
    let l = shape.outputLayer
    guard t.network.activations[l] == .softmax else {
      throw CommandError(
        column: 1,
        message:
          "the output layer is \(t.network.activations[l].rawValue), not softmax: each o_j depends on its own net_j only, so the Jacobian is diagonal with entries φ'(net_j)",
        expected:
          "a network with a softmax output, e.g. `network 2-3-3 tanh,softmax loss=cross-entropy`")
    }
    let neurons = Array(shape.neurons(inLayer: l))
    guard neurons.allSatisfy({ t.isComputed(.output($0)) }) else {
      return CommandOutput(
        lines: [
          "the Jacobian ∂o_k/∂net_j needs the outputs o_\(neurons.first!)…o_\(neurons.last!), not computed in this pass yet"
        ],
        data: [("computed", .bool(false))])
    }
    let o = neurons.map { t.values.output[$0 - 1] }
    let width = digits + 8
    var lines = [
      "softmax Jacobian ∂o_k/∂net_j = o_k(δ_kj − o_j), δ_kj = 1 if k = j else 0 (row k, column j)",
      "diagonal (k = j): o_j(1 − o_j), the φ'(net_j) the values table shows; off the diagonal: −o_k o_j",
      "".pad(10) + neurons.map { "net_\($0)".pad(width) }.joined(),
    ]
    var rows: [JSONValue] = []
    for (a, k) in neurons.enumerated() {
      var entries: [Double] = []
      for b in neurons.indices {
        entries.append(o[a] * ((a == b ? 1 : 0) - o[b]))
      }
      lines.append(
        "∂o_\(k)".pad(10)
          + entries.enumerated().map { b, x in (n(x) + (a == b ? "*" : "")).pad(width) }.joined())
      rows.append(.array(entries.map(JSONValue.number)))
    }
    lines.append("* the diagonal")
    return CommandOutput(
      lines: lines.map { $0.trimmingTrailingSpaces() },
      data: [
        ("neurons", .array(neurons.map { .number(Double($0)) })), ("jacobian", .array(rows)),
      ])
  }
}
