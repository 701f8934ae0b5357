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
  /// n_l and n_(l−1): the whole layer, of which `rows` and `columns` may show only the first.
  public let rowTotal: Int
  public let columnTotal: Int

  /// At most this many rows and columns of a layer are shown, the first ones: a layer of
  /// 1,000 × 1,000 took over a second to lay out on every frame of the matrix pane, and
  /// `show matrix` printed ten megabytes. `get w_ij` reads any entry.
  public static let shownSide = 24

  public init(session: Session, layer l: Int) {
    let network = session.trainer.network
    let shape = network.shape
    layer = l
    isOutputLayer = l == shape.outputLayer
    let allRows = shape.neurons(inLayer: l)
    let allColumns = shape.neurons(inLayer: l - 1)
    rowTotal = allRows.count
    columnTotal = allColumns.count
    let rows = Array(allRows.prefix(Self.shownSide))
    let columns = Array(allColumns.prefix(Self.shownSide))
    self.rows = rows
    self.columns = columns
    // Only the rows of the per-neuron table the shown entries need: the neurons from the first
    // column shown to the last row shown, and the weights (and biases) of the rows shown.
    let index = { (p: Parameter) in network.index(of: p)! }
    let weightRows =
      index(
        .weight(from: columns[0], to: rows[0]))..<(index(
        .weight(from: columns.last!, to: rows.last!)) + 1)
    let table = ValuesTable(
      session: session, neuronRows: (columns[0] - 1)..<rows.last!, weightRows: weightRows)
    let neuron = Dictionary(uniqueKeysWithValues: table.neurons.map { ($0.j, $0) })
    let weight = Dictionary(
      table.weights.map { ($0.parameter, $0) }, uniquingKeysWith: { a, _ in a })
    weights = rows.map { j in columns.map { i in weight[.weight(from: i, to: j)]!.value } }
    gradient = rows.map { j in columns.map { i in weight[.weight(from: i, to: j)]!.gradient } }
    if network.hasBiases {
      let biasTable = ValuesTable(
        session: session, neuronRows: 0..<0,
        weightRows: index(.bias(rows[0]))..<(index(.bias(rows.last!)) + 1))
      let bias = Dictionary(uniqueKeysWithValues: biasTable.weights.map { ($0.parameter, $0) })
      biases = rows.map { bias[.bias($0)]?.value ?? 0 }
    } else {
      biases = nil
    }
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
    let moreColumns = columnTotal > columns.count
    let moreRows = rowTotal > rows.count
    let head = row("", columns.map { "i=\($0)" } + (moreColumns ? ["…"] : []))
    var out = [
      "layer \(l): W^\(l) has a row per neuron j (\(range(rows, total: rowTotal))), a column per i (\(range(columns, total: columnTotal)))"
    ]
    if moreRows || moreColumns {
      out.append(
        "(the first \(rows.count) of \(rowTotal) rows and \(columns.count) of \(columnTotal) columns; `get w_ij` reads any entry)"
      )
    }
    out.append("W^\(l) (entry w_ij):")
    out.append(head)
    for (r, j) in rows.enumerated() {
      out.append(row("j=\(j)", weights[r].map { f($0) } + (moreColumns ? ["…"] : [])))
    }
    if moreRows { out.append("… \(rowTotal - rows.count) more rows") }
    out.append("")
    let a = l == 1 ? "a^0 = x" : "a^\(l - 1)"
    var vectors: [(String, [String])] = [
      ("\(a) (i = \(range(columns, total: columnTotal))):", previous.map(f))
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
    for (k, (title, values)) in vectors.enumerated() {
      // The first vector runs over i (the columns), the others over j (the rows).
      let more = k == 0 ? moreColumns : moreRows
      out.append(title)
      out.append(
        "  ["
          + (values.map { $0.isEmpty ? String(repeating: " ", count: 3) : $0 }
          + (more ? ["…"] : []))
          .joined(separator: ", ") + "]")
    }
    out.append("")
    out.append("∇_{W^\(l)} E = δ^\(l) (a^\(l - 1))ᵀ (entry ∂E/∂w_ij):")
    out.append(head)
    for (r, j) in rows.enumerated() {
      out.append(row("j=\(j)", gradient[r].map(f) + (moreColumns ? ["…"] : [])))
    }
    if moreRows { out.append("… \(rowTotal - rows.count) more rows") }
    return out
  }

  /// "3–4", or "3–1002" for a layer of which only the first neurons are shown.
  private func range(_ r: [Int], total: Int) -> String {
    total == 1 ? "\(r[0])" : "\(r.first!)–\(r.first! + total - 1)"
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
