/// A trainable quantity: a weight w_ij or a bias b_j.
///
/// The article treats a bias as "a weight with a fixed input of 1"; keeping it a separate case lets
/// the equations say b_j while the arithmetic stays the same.
public enum Parameter: Hashable, Sendable {
  case weight(from: Int, to: Int)
  case bias(Int)

  /// The article's name: w_35, w_12,130 (with a comma once an index has two digits), b_5.
  public var name: String {
    switch self {
    case .weight(let i, let j): return "w_" + Parameter.indexPair(i, j)
    case .bias(let j): return "b_\(j)"
    }
  }

  /// "35" for single-digit indices, "12,130" otherwise, so the name is never ambiguous.
  public static func indexPair(_ i: Int, _ j: Int) -> String {
    i < 10 && j < 10 ? "\(i)\(j)" : "\(i),\(j)"
  }
}
