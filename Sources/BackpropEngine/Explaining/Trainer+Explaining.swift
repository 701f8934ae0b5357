/// Turning a micro-step into its `Explanation`, from the same values the step computed.
extension Trainer {
  /// The explanation of `step` with the values currently held. Meaningful once the step has been
  /// computed in this pass (`isComputed`); before that it shows what the numbers would be now.
  public func explain(_ step: MicroStep, digits: Int = 5) -> Explanation {
    let shape = network.shape
    let n = { (x: Double) in NumberFormat.format(x, digits: digits) }
    let f = { (x: Double) in NumberFormat.factor(x, digits: digits) }
    let sample = self.sample
    let o = { (i: Int) in self.o(i) }
    let oName = { (i: Int) in "o_\(i)" }

    switch step {
    case .net(let j):
      let l = shape.layer(ofNeuron: j)!
      var symbols: [String] = []
      var numbers: [String] = []
      for i in shape.neurons(inLayer: l - 1) {
        let w = Parameter.weight(from: i, to: j)
        symbols.append("\(w.name) \(oName(i))")
        numbers.append("\(f(network[w]))·\(f(o(i)))")
      }
      var formula = Self.abbreviatedSum(symbols)
      var substituted = Self.abbreviatedSum(numbers)
      if network.hasBiases {
        formula += " + b_\(j)"
        substituted += " + " + f(network.biases[j - 1])
      }
      return Explanation(
        symbol: "net_\(j)",
        rule: network.hasBiases ? "net_j = Σ_i w_ij o_i + b_j" : "net_j = Σ_i w_ij o_i",
        formula: formula, substituted: substituted, value: values.net[j - 1], note: nil,
        digits: digits)

    case .output(let j):
      let l = shape.layer(ofNeuron: j)!
      let phi = network.activations[l]
      let net = values.net[j - 1]
      let out = values.output[j - 1]
      // For softmax φ' is only the diagonal of the Jacobian ∂o_k/∂net_j = o_k(δ_kj − o_j).
      let derivativeName = phi == .softmax ? "∂o_\(j)/∂net_\(j)" : "φ'(net_\(j))"
      var derivativeParts = [
        derivativeName, phi.derivativeFormula(net: "net_\(j)", output: "o_\(j)"),
        derivativeNumbers(phi, net: net, output: out, digits: digits), n(values.derivative[j - 1]),
      ]
      derivativeParts = derivativeParts.enumerated().filter { k, part in
        k == 0 || part != derivativeParts[k - 1]
      }.map(\.1)
      var derivativeNote = derivativeParts.joined(separator: " = ")
      if phi == .softmax {
        derivativeNote += " (the Jacobian's diagonal; `show jacobian` shows all of it)"
      }
      let substituted: String
      if phi == .softmax {
        let first = shape.firstNeuron[l]
        let terms = shape.neurons(inLayer: l).map { "e^\(f(values.net[$0 - 1]))" }
        substituted = "e^\(f(net))/(\(Self.abbreviatedSum(terms)))"
        _ = first
      } else {
        substituted = phi.formula(net: f(net))
      }
      return Explanation(
        symbol: "o_\(j)", rule: "o_j = φ(net_j), φ = \(phi.rawValue)",
        formula: phi.formula(net: "net_\(j)"), substituted: substituted, value: out,
        note: derivativeNote, digits: digits)

    case .error:
      let first = shape.firstNeuron[shape.outputLayer]
      var symbols: [String] = []
      var numbers: [String] = []
      for k in 0..<shape.outputCount {
        let j = first + k
        let t = sample.targets[k]
        let out = values.output[j - 1]
        switch network.loss {
        case .halfSquaredError, .squaredError:
          symbols.append("(t_\(j) − o_\(j))²")
          numbers.append("(\(n(t)) − \(n(out)))²")
        case .crossEntropy:
          symbols.append("t_\(j) ln o_\(j)")
          numbers.append("\(f(t))·ln \(f(out))")
        case .binaryCrossEntropy:
          symbols.append("[t_\(j) ln o_\(j) + (1 − t_\(j)) ln(1 − o_\(j))]")
          numbers.append("[\(f(t))·ln \(f(out)) + \(f(1 - t))·ln \(f(1 - out))]")
        }
      }
      let wrap = { (terms: [String]) -> String in
        let sum = Self.abbreviatedSum(terms)
        switch network.loss {
        case .halfSquaredError: return terms.count == 1 ? "½\(sum)" : "½(\(sum))"
        case .squaredError: return sum
        case .crossEntropy, .binaryCrossEntropy: return terms.count == 1 ? "−\(sum)" : "−(\(sum))"
        }
      }
      return Explanation(
        symbol: "E", rule: network.loss.formula, formula: wrap(symbols), substituted: wrap(numbers),
        value: values.error, note: nil, digits: digits)

    case .delta(let j):
      let l = shape.layer(ofNeuron: j)!
      let phi = network.activations[l]
      let out = values.output[j - 1]
      let net = values.net[j - 1]
      let phiSymbol = derivativeSymbol(phi, j: j)
      let phiNumbers = derivativeNumbers(phi, net: net, output: out, digits: digits)
      if l == shape.outputLayer {
        let first = shape.firstNeuron[l]
        let t = sample.targets[j - first]
        if network.outputDeltaIsSimplified {
          return Explanation(
            symbol: "δ_\(j)", rule: "δ_j = o_j − t_j", formula: "o_\(j) − t_\(j)",
            substituted: "\(n(out)) − \(f(t))", value: values.delta[j - 1],
            note:
              "\(phi.rawValue) output with \(network.loss.rawValue) loss: ∂E/∂o_j · φ'(net_j) simplifies to o_j − t_j",
            digits: digits)
        }
        if phi == .softmax {
          // δ_j = Σ_k ∂E/∂o_k · ∂o_k/∂net_j with the Jacobian ∂o_k/∂net_j = o_k(δ_kj − o_j),
          // which sums to o_j (∂E/∂o_j − Σ_k o_k ∂E/∂o_k); the Σ is shown with its value.
          let outputs = shape.neurons(inLayer: l)
          var dot = 0.0
          var terms: [String] = []
          for k in outputs {
            let ok = values.output[k - 1]
            let gk = network.loss.derivative(target: sample.targets[k - first], output: ok)
            dot += ok * gk
            terms.append("\(f(ok))·\(f(gk))")
          }
          return Explanation(
            symbol: "δ_\(j)",
            rule: "δ_j = Σ_k ∂E/∂o_k · o_k(δ_kj − o_j) = o_j (∂E/∂o_j − Σ_k o_k ∂E/∂o_k)",
            formula: "o_\(j)(∂E/∂o_\(j) − Σ_k o_k ∂E/∂o_k)",
            substituted:
              "\(f(out))·(\(f(network.loss.derivative(target: t, output: out))) − \(f(dot)))",
            value: values.delta[j - 1],
            note:
              "softmax couples the outputs, so column j of its Jacobian ∂o_k/∂net_j is used (`show jacobian`): Σ_k o_k ∂E/∂o_k = \(Self.abbreviatedSum(terms)) = \(n(dot))",
            digits: digits)
        }
        let loss = network.loss
        let lossSymbol = loss.derivativeFormula(target: "t_\(j)", output: "o_\(j)")
        let lossNumbers = loss.derivativeFormula(target: n(t), output: n(out))
        return Explanation(
          symbol: "δ_\(j)", rule: "δ_j = ∂E/∂o_j · φ'(net_j)",
          formula: "\(lossSymbol)·\(phiSymbol)",
          substituted: "\(lossNumbers)·\(phiNumbers)", value: values.delta[j - 1],
          note: "∂E/∂o_\(j) = \(lossSymbol) = \(n(outputGradient(j)))", digits: digits)
      }
      var symbols: [String] = []
      var numbers: [String] = []
      for ell in shape.neurons(inLayer: l + 1) {
        let w = Parameter.weight(from: j, to: ell)
        symbols.append("\(w.name) δ_\(ell)")
        numbers.append("\(f(weightUsedByDelta(from: j, to: ell)))·\(f(values.delta[ell - 1]))")
      }
      // The intermediate quantity of the article's Eq. 5, so it can be read before δ_j.
      let sumSymbols = Self.abbreviatedSum(symbols)
      let sumNumbers = Self.abbreviatedSum(numbers)
      let outputGradientNote =
        "∂E/∂o_\(j) = Σ_ℓ w_\(j)ℓ δ_ℓ = \(sumSymbols) = \(sumNumbers) = \(n(outputGradient(j)))"
      return Explanation(
        symbol: "δ_\(j)", rule: "δ_j = (Σ_ℓ w_jℓ δ_ℓ) φ'(net_j) = ∂E/∂o_j · φ'(net_j)",
        formula: "(\(sumSymbols))·\(phiSymbol)",
        substituted: "(\(sumNumbers))·\(phiNumbers)", value: values.delta[j - 1],
        note: outputGradientNote, digits: digits)

    case .gradient(let p):
      let batchNote = { (k: Double) in
        self.mode == .batch ? "batch: Σ_x ∂E_x/∂\(p.name) so far = \(n(k))" : nil
      }
      switch p {
      case .weight(let i, let j):
        let k = shape.weightIndex(from: i, to: j)!
        return Explanation(
          symbol: "∂E/∂\(p.name)", rule: "∂E/∂w_ij = o_i δ_j", formula: "o_\(i) δ_\(j)",
          substituted: "\(f(o(i)))·\(f(values.delta[j - 1]))", value: values.weightGradient[k],
          note: batchNote(values.weightGradientSum[k]), digits: digits)
      case .bias(let j):
        return Explanation(
          symbol: "∂E/∂b_\(j)",
          rule: "∂E/∂b_j = 1·δ_j (a bias is a weight from a unit with output 1)",
          formula: "δ_\(j)", substituted: n(values.delta[j - 1]), value: values.biasGradient[j - 1],
          note: batchNote(values.biasGradientSum[j - 1]), digits: digits)
      }

    case .update(let p):
      let before: Double
      switch p {
      case .weight(let i, let j):
        let k = shape.weightIndex(from: i, to: j)!
        before = isComputed(step) ? values.weightsBeforeUpdate[k] : network[p]
      case .bias(let j):
        before = isComputed(step) ? values.biasesBeforeUpdate[j - 1] : network[p]
      }
      let g = appliedGradient(p)
      // Batch mode applies the mean gradient, named as `get mean_dE/dw_35` names it.
      let gradientSymbol = mode == .batch ? "mean_∂E/∂\(p.name)" : "∂E/∂\(p.name)"
      let meanNote =
        mode == .batch
        ? ", mean_∂E/∂\(p.name) = (1/\(samples.count))Σ_x ∂E_x/∂\(p.name) = \(n(g))" : ""
      let general =
        p.name.hasPrefix("b") ? "b_j ← b_j − η ∂E/∂b_j" : "w_ij ← w_ij + Δw_ij, Δw_ij = −η ∂E/∂w_ij"
      return Explanation(
        symbol: p.name, rule: general, formula: "\(p.name) − η \(gradientSymbol)",
        substituted: "\(n(before)) − \(f(learningRate))·\(f(g))",
        value: isComputed(step) ? network[p] : before - learningRate * g,
        note: "Δ\(p.name) = −η \(gradientSymbol) = \(n(-learningRate * g))\(meanNote)",
        digits: digits)
    }
  }

  /// φ'(net_j) written in terms of o_j where that is the usual form.
  private func derivativeSymbol(_ phi: Activation, j: Int) -> String {
    switch phi {
    case .logistic, .softmax, .tanh, .relu, .identity:
      return phi.derivativeFormula(net: "net_\(j)", output: "o_\(j)")
    case .softplus, .swish, .mish: return "φ'(net_\(j))"
    }
  }

  /// φ'(net_j) with numbers: "0.75137·0.24863" for the logistic, the plain value otherwise.
  private func derivativeNumbers(_ phi: Activation, net: Double, output o: Double, digits: Int)
    -> String
  {
    let f = { (x: Double) in NumberFormat.factor(x, digits: digits) }
    switch phi {
    case .logistic, .softmax: return "\(f(o))·\(f(1 - o))"
    case .tanh: return "(1 − \(f(o))²)"
    default: return f(phi.derivative(net, output: o))
    }
  }

  /// A sum written out, with the middle elided when it has more than six terms.
  public static func abbreviatedSum(_ terms: [String]) -> String {
    if terms.count <= 6 { return terms.joined(separator: " + ") }
    return terms.prefix(3).joined(separator: " + ") + " + … + "
      + terms.suffix(2).joined(separator: " + ")
      + " (\(terms.count) terms)"
  }
}
