import BackpropEngine

/// A quantity named the way the article names it: w_35, b_3, net_3, o_5, δ_5, φ'_5, ∂E/∂w_35,
/// Δw_35, x_1, t_5, E, η.
///
/// Several spellings are accepted so that a student on a plain keyboard can type them: `w35`,
/// `w_3,5`, `delta_5`, `d5`, `dphi_5`, `dE/dw_35`, `grad_35`, `dw_35`, `eta`.
public enum QuantityName: Hashable, Sendable {
  case weight(from: Int, to: Int)
  case bias(Int)
  case net(Int)
  case output(Int)
  case derivative(Int)
  case delta(Int)
  case gradient(Parameter)
  /// ∂E/∂o_j (the article's Eq. 5): Σ_ℓ w_jℓ δ_ℓ for an inner neuron, the loss's derivative for
  /// an output neuron. Typed `dE/do_3`.
  case outputGradient(Int)
  /// Batch mode: (1/k) Σ_x ∂E_x/∂w over the k samples of this epoch so far, the gradient the
  /// update applies once k = n. Typed `mean_dE/dw_35`.
  case meanGradient(Parameter)
  case change(Parameter)
  case input(Int)
  case target(Int)
  /// All inputs (`x`) or all targets (`t`) of the current sample.
  case inputs
  case targets
  case error
  /// E = 1/n Σ_x E_x over all samples at the current weights (always available).
  case meanError
  case learningRate
  case epoch
  case digits

  /// The canonical spelling, as shown in tables.
  public var name: String {
    switch self {
    case .weight(let i, let j): return Parameter.weight(from: i, to: j).name
    case .bias(let j): return "b_\(j)"
    case .net(let j): return "net_\(j)"
    case .output(let j): return "o_\(j)"
    case .derivative(let j): return "φ'(net_\(j))"
    case .delta(let j): return "δ_\(j)"
    case .gradient(let p): return "∂E/∂\(p.name)"
    case .outputGradient(let j): return "∂E/∂o_\(j)"
    case .meanGradient(let p): return "mean_∂E/∂\(p.name)"
    case .change(let p): return "Δ\(p.name)"
    case .input(let i): return "x_\(i)"
    case .target(let j): return "t_\(j)"
    case .inputs: return "x"
    case .targets: return "t"
    case .error: return "E"
    case .meanError: return "mean_E"
    case .learningRate: return "η"
    case .epoch: return "epoch"
    case .digits: return "digits"
    }
  }

  public var parameter: Parameter? {
    switch self {
    case .weight(let i, let j): return .weight(from: i, to: j)
    case .bias(let j): return .bias(j)
    default: return nil
    }
  }

  /// Parses one word; nil when it is not a quantity name at all.
  public static func parse(_ raw: String) -> QuantityName? {
    let text = raw.replacing("′", with: "'")
    let lower = text.lowercased()
    switch lower {
    case "e", "error": return .error
    case "mean_e", "mean-e", "meane", "e_mean", "ē", "loss", "mean": return .meanError
    case "eta", "η", "lr", "learning-rate", "rate": return .learningRate
    case "epoch", "epochs": return .epoch
    case "digits": return .digits
    case "x", "inputs", "input": return .inputs
    case "t", "targets", "target": return .targets
    default: break
    }
    // φ'(net_5), as `get` prints it.
    for prefix in ["φ'(net", "phi'(net", "dphi(net"]
    where lower.hasPrefix(prefix) && lower.hasSuffix(")") {
      if let j = single(String(lower.dropFirst(prefix.count).dropLast())) { return .derivative(j) }
    }
    for prefix in ["mean_", "mean-", "mean"] where lower.hasPrefix(prefix) {
      guard case .gradient(let p)? = parse(String(text.dropFirst(prefix.count))) else {
        return nil
      }
      return .meanGradient(p)
    }
    for prefix in ["∂e/∂o", "de/do"] where lower.hasPrefix(prefix) {
      guard let j = single(String(lower.dropFirst(prefix.count))) else { return nil }
      return .outputGradient(j)
    }
    // Longest prefixes first.
    let gradientPrefixes = ["∂e/∂", "de/d", "grad_", "grad", "g_"]
    for prefix in gradientPrefixes where lower.hasPrefix(prefix) {
      let rest = String(lower.dropFirst(prefix.count))
      if prefix.hasPrefix("grad") || prefix == "g_" {
        guard let (i, j) = pair(rest) else { return nil }
        return .gradient(.weight(from: i, to: j))
      }
      guard let p = parameter(rest) else { return nil }
      return .gradient(p)
    }
    for prefix in ["δw", "Δw", "dw", "delta_w", "deltaw"] where lower.hasPrefix(prefix.lowercased())
    {
      guard let (i, j) = pair(String(lower.dropFirst(prefix.count))) else { return nil }
      return .change(.weight(from: i, to: j))
    }
    for prefix in ["δb", "db"] where lower.hasPrefix(prefix) {
      guard let j = single(String(lower.dropFirst(prefix.count))) else { return nil }
      return .change(.bias(j))
    }
    let singles: [(String, (Int) -> QuantityName)] = [
      ("net", { .net($0) }), ("dphi", { .derivative($0) }), ("phi'", { .derivative($0) }),
      ("φ'", { .derivative($0) }), ("delta", { .delta($0) }), ("δ", { .delta($0) }),
      ("d", { .delta($0) }), ("o", { .output($0) }), ("x", { .input($0) }), ("t", { .target($0) }),
      ("b", { .bias($0) }),
    ]
    for (prefix, make) in singles where lower.hasPrefix(prefix) {
      let rest = String(lower.dropFirst(prefix.count))
      if let j = single(rest) { return make(j) }
    }
    if lower.hasPrefix("w"), let (i, j) = pair(String(lower.dropFirst())) {
      return .weight(from: i, to: j)
    }
    return nil
  }

  /// "_35", "35", "_3,5", "(3,5)", "12,130" → (i, j). Without a separator only two single
  /// digits are unambiguous.
  static func pair(_ text: String) -> (Int, Int)? {
    var s = text
    if s.hasPrefix("_") { s.removeFirst() }
    if s.hasPrefix("(") && s.hasSuffix(")") { s = String(s.dropFirst().dropLast()) }
    let parts = s.split(separator: ",", omittingEmptySubsequences: false)
    if parts.count == 2, let i = Int(parts[0]), let j = Int(parts[1]) { return (i, j) }
    if parts.count == 1, s.count == 2, s.allSatisfy(isDigit),
      let i = Int(String(s.first!)), let j = Int(String(s.last!))
    {
      return (i, j)
    }
    return nil
  }

  static func single(_ text: String) -> Int? {
    var s = text
    if s.hasPrefix("_") { s.removeFirst() }
    if s.hasPrefix("(") && s.hasSuffix(")") { s = String(s.dropFirst().dropLast()) }
    guard !s.isEmpty, s.allSatisfy(isDigit) else { return nil }
    return Int(s)
  }

  /// Only the ASCII digits 0–9: `Character.isNumber` is also true for ３, ٣, ½ and Ⅻ, which
  /// `Int` does not read, so a name such as `w_３５` is not a quantity (and crashed when it was).
  static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

  static func parameter(_ text: String) -> Parameter? {
    if text.hasPrefix("w"), let (i, j) = pair(String(text.dropFirst())) {
      return .weight(from: i, to: j)
    }
    if text.hasPrefix("b"), let j = single(String(text.dropFirst())) { return .bias(j) }
    return nil
  }
}
