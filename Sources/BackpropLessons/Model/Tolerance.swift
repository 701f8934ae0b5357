import FoundationEssentials
import Glibc
import BackpropEngine

/// How close two numbers must be to count as the same answer.
///
/// Two numbers agree when |a − b| ≤ max(absolute, relative · max(|a|, |b|)). The relative part
/// makes 0.7514 as good an answer for 0.75137 as 751.4 is for 751.37; the absolute part is what
/// lets an answer of 0 (where nothing relative can work) or a tiny one be accepted at all. Both
/// sides are compared by magnitude, so negative answers behave exactly like positive ones.
public struct Tolerance: Equatable, Sendable {
  public var absolute: Double
  public var relative: Double

  public init(absolute: Double, relative: Double) {
    self.absolute = absolute
    self.relative = relative
  }

  /// Student answers to number questions, unless the question says otherwise: within 0.5 %
  /// (about three significant digits), or within 1e-6 of an answer that is 0.
  public static let answer = Tolerance(absolute: 1e-6, relative: 0.005)

  /// Whether `a` and `b` agree. Equal infinities agree; NaN agrees with nothing.
  public func accepts(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN || b.isNaN { return false }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
  }

  /// Agreement "to the digits written": half a unit in the last place of `literal`, so `0.75137`
  /// accepts 0.751365 … 0.751375 and `1e-3` accepts 0.0005 … 0.0015. Used when an author writes
  /// a number without a tolerance, because a rounded number is what people write down.
  /// A hair of slack (1e-12 relative) absorbs the binary representation of the literal itself.
  public static func printed(_ literal: String) -> Tolerance {
    let text = literal.lowercased().replacing("−", with: "-")
      .replacing("_", with: "")
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(of: "e") {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...].replacing("+", with: "")) ?? 0
    }
    let decimals =
      (mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count
        ?? 0)
      - exponent
    return Tolerance(absolute: 0.5 * pow(10, Double(-decimals)) * (1 + 1e-12), relative: 1e-12)
  }

  /// "± 1e-08", "± 0.5 %", or both, for messages.
  public var description: String {
    var parts: [String] = []
    if absolute > 0 { parts.append("± \(Self.short(absolute))") }
    if relative > 1e-9 { parts.append("± \(Self.short(relative * 100)) %") }
    return parts.isEmpty ? "exactly" : parts.joined(separator: " or ")
  }

  static func short(_ x: Double) -> String { CFormat.string("%.3g", x) }
}
