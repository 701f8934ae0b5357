import BackpropEngine

/// One layer of the network in the matrix form of the article's lesson 8, built from the
/// per-neuron table (`ValuesTable`) so that every entry is the very number that table shows:
/// the matrix form is a different arrangement of the same values, never a second computation.
/// An entry not computed yet in this pass is nil and printed blank, as in the table.
public struct MatrixForm: Sendable {
  /// The layer shown (1 … output layer).
  public let layer: Int
  /// The neurons j of the layer (rows) and i of the layer before (columns).
  public let rows: [Int]
  public let columns: [Int]
  /// W^l: `weights[r][c]` is w_ij with j = rows[r], i = columns[c].
  public let weights: [[Double]]
  /// b^l, or nil when the network has no biases.
  public let biases: [Double]?
  /// a^(l−1): the outputs (for l = 1, the inputs) of the layer before.
  public let previous: [Double?]
  /// z^l = W^l a^(l−1) + b^l: net_j.
  public let net: [Double?]
  /// a^l = f^l(z^l): o_j.
  public let output: [Double?]
  /// (f^l)′(z^l): φ'(net_j).
  public let derivative: [Double?]
  /// δ^l.
  public let delta: [Double?]
  /// ∇_{W^l} E = δ^l (a^(l−1))ᵀ: `gradient[r][c]` is ∂E/∂w_ij.
  public let gradient: [[Double?]]
  public let isOutputLayer: Bool

  public init(session: Session, layer l: Int) {
    let table = ValuesTable(session: session)
    let shape = session.trainer.network.shape
    layer = l
    isOutputLayer = l == shape.outputLayer
    let rows = Array(shape.neurons(inLayer: l))
    let columns = Array(shape.neurons(inLayer: l - 1))
    self.rows = rows
    self.columns = columns
    let neuron = Dictionary(uniqueKeysWithValues: table.neurons.map { ($0.j, $0) })
    let weight = Dictionary(
      table.weights.map { ($0.parameter, $0) }, uniquingKeysWith: { a, _ in a })
    weights = rows.map { j in columns.map { i in weight[.weight(from: i, to: j)]!.value } }
    gradient = rows.map { j in columns.map { i in weight[.weight(from: i, to: j)]!.gradient } }
    biases =
      session.trainer.network.hasBiases ? rows.map { weight[.bias($0)]?.value ?? 0 } : nil
    previous = columns.map { neuron[$0]!.output }
    net = rows.map { neuron[$0]!.net }
    output = rows.map { neuron[$0]!.output }
    derivative = rows.map { neuron[$0]!.derivative }
    delta = rows.map { neuron[$0]!.delta }
  }

  /// The layer as text: each matrix and vector with a heading that says what it is.
  public func lines(digits: Int) -> [String] {
    let f = { (x: Double?) in x.map { NumberFormat.format($0, digits: digits) } ?? "" }
    let l = layer
    let width = digits + 6
    func row(_ label: String, _ cells: [String]) -> String {
      (label.pad(8) + cells.map { $0.leftPad(width) }.joined(separator: " "))
        .trimmingTrailingSpaces()
    }
    let head = row("", columns.map { "i=\($0)" })
    var out = [
      "layer \(l): W^\(l) has a row per neuron j (\(range(rows))), a column per i (\(range(columns)))"
    ]
    out.append("W^\(l) (entry w_ij):")
    out.append(head)
    for (r, j) in rows.enumerated() {
      out.append(row("j=\(j)", weights[r].map { f($0) }))
    }
    out.append("")
    let a = l == 1 ? "a^0 = x" : "a^\(l - 1)"
    var vectors: [(String, [String])] = [
      ("\(a) (i = \(range(columns))):", previous.map(f))
    ]
    if let biases { vectors.append(("b^\(l):", biases.map { f($0) })) }
    vectors += [
      ("z^\(l) = W^\(l) a^\(l - 1)\(biases == nil ? "" : " + b^\(l)") (net_j):", net.map(f)),
      ("a^\(l) = f^\(l)(z^\(l)) (o_j):", output.map(f)),
      ("(f^\(l))′(z^\(l)) (φ'(net_j)):", derivative.map(f)),
      (
        isOutputLayer
          ? "δ^\(l) = ∂E/∂a^\(l) ∘ (f^\(l))′(z^\(l)) (δ_j):"
          : "δ^\(l) = (f^\(l))′(z^\(l)) ∘ (W^\(l + 1))ᵀ δ^\(l + 1) (δ_j):",
        delta.map(f)
      ),
    ]
    for (title, values) in vectors {
      out.append(title)
      out.append(
        "  ["
          + values.map { $0.isEmpty ? String(repeating: " ", count: 3) : $0 }
          .joined(separator: ", ") + "]")
    }
    out.append("")
    out.append("∇_{W^\(l)} E = δ^\(l) (a^\(l - 1))ᵀ (entry ∂E/∂w_ij):")
    out.append(head)
    for (r, j) in rows.enumerated() {
      out.append(row("j=\(j)", gradient[r].map(f)))
    }
    return out
  }

  private func range(_ r: [Int]) -> String {
    r.count == 1 ? "\(r[0])" : "\(r.first!)–\(r.last!)"
  }
}

/// The multiplications needed for the whole gradient ∂E/∂w of a network: by one backward pass,
/// and by forward-mode differentiation (one tangent forward pass per weight). The article's
/// argument for going backwards, counted for the network at hand.
///
/// The rules counted (the formulas the micro-steps show; additions are free):
/// - backward: an output δ_j = ∂E/∂o_j · φ'(net_j) is 1; a hidden δ_j = φ'(net_j) Σ_k w_jk δ_k
///   is (neurons in the next layer) + 1; each ∂E/∂w_ij = δ_j o_i is 1. Bias gradients are δ_j
///   itself.
/// - forward mode, per weight: the tangent ż^l = W^l ȧ^(l−1) costs n_l·n_(l−1) and
///   ȧ^l = f′ ∘ ż^l costs n_l for every layer, then ∂E/∂w = Σ ∂E/∂o_j ȯ_j costs n_L.
public struct MultiplicationCount: Equatable, Sendable {
  public let weights: Int
  public let backward: Int
  public let forwardMode: Int
  /// The forward pass both methods need first (n_l·n_(l−1) per layer).
  public let forwardPass: Int

  public init(shape: NetworkShape) {
    let n = shape.layerSizes
    var backward = 0
    var perPass = 0
    var weights = 0
    for l in 1..<n.count {
      weights += n[l] * n[l - 1]
      perPass += n[l] * n[l - 1] + n[l]
      backward += l == n.count - 1 ? n[l] : n[l] * (n[l + 1] + 1)
    }
    perPass += n[n.count - 1]
    self.weights = weights
    self.backward = backward + weights
    self.forwardMode = perPass * weights
    self.forwardPass = weights
  }
}
