/// What one micro-step computed, written out the way the article would: the general rule, the
/// rule for these particular neurons, the same with numbers filled in, and the result.
///
/// Explanations are built only when something is shown; training never formats a string.
public struct Explanation: Equatable, Sendable {
  /// The quantity, e.g. "δ_5".
  public var symbol: String
  /// The general law in the article's notation, e.g. "δ_j = ∂E/∂o_j · φ'(net_j)".
  public var rule: String
  /// The right-hand side for this neuron, e.g. "(o_5 − t_5)·o_5(1 − o_5)".
  public var formula: String
  /// The same with numbers, e.g. "(0.75137 − 0.01)·0.75137·0.24863".
  public var substituted: String
  public var value: Double
  /// A remark that belongs with the step (φ'(net_j), a simplification, Δw).
  public var note: String?
  public var digits: Int

  /// "δ_5 = (o_5 − t_5)·o_5(1 − o_5) = (0.75137 − 0.01)·0.75137·0.24863 = 0.13850"
  public var line: String {
    var parts = [symbol]
    if formula != symbol { parts.append(formula) }
    if substituted != formula { parts.append(substituted) }
    let result = NumberFormat.format(value, digits: digits)
    if parts.last != result { parts.append(result) }
    return parts.joined(separator: " = ")
  }
}
