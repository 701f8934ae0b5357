import FoundationEssentials
import Glibc

/// How numbers appear in equations and tables.
///
/// Values that are short already (0.01, 0.4, 1) are written as they are; others get a fixed
/// number of significant digits (0.13850 for 0.138498562 at 5), switching to scientific notation
/// outside 1e-4 … 1e6. Numbers use an ASCII hyphen for their sign so a student can paste them
/// into a command; operators in formulas use the true minus sign.
public enum NumberFormat {
  public static func format(_ x: Double, digits: Int = 5) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "+∞" : "−∞" }
    if x == 0 { return "0" }
    let digits = max(1, min(17, digits))
    let shortest = "\(x)"
    // On the UTF-8 bytes: `String.contains` of a Character compares grapheme by grapheme, and
    // this runs for every number of every explanation line.
    let hasExponent = shortest.utf8.contains(UInt8(ascii: "e"))
    if !hasExponent, significantDigits(of: shortest) <= digits {
      return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
    }
    let a = abs(x)
    if a >= 1e-4 && a < 1e6 {
      let magnitude = Int(floor(log10(a)))
      let decimals = max(0, digits - 1 - magnitude)
      let s = CFormat.string("%.\(decimals)f", x)
      // 0.99999999 rounds up to 1.00000: one decimal fewer keeps the digit count.
      if decimals > 0, abs(Double(s) ?? 0) >= pow(10, Double(magnitude + 1)) {
        return CFormat.string("%.\(decimals - 1)f", x)
      }
      return s
    }
    if hasExponent, let mantissa = shortest.split(separator: "e").first,
      significantDigits(of: String(mantissa)) <= digits
    {
      return shortest
    }
    return CFormat.string("%.\(digits - 1)e", x)
  }

  /// Wraps negative numbers in parentheses, for use inside products: 0.5·(-0.038098).
  public static func factor(_ x: Double, digits: Int = 5) -> String {
    let s = format(x, digits: digits)
    return x < 0 || s.hasPrefix("−") ? "(\(s))" : s
  }

  /// The digits of a decimal numeral without its leading zeros (and, after a point, its
  /// trailing ones). On the UTF-8 bytes: the numeral is ASCII, and this runs for every number of
  /// every explanation line.
  private static func significantDigits(of s: String) -> Int {
    var first: Int?
    var last = 0
    var count = 0
    var hasPoint = false
    for byte in s.utf8 {
      if byte == UInt8(ascii: ".") { hasPoint = true }
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { continue }
      count += 1
      if byte != UInt8(ascii: "0") {
        if first == nil { first = count }
        last = count
      }
    }
    guard let first else { return 1 }
    return max(1, (hasPoint ? last : count) - first + 1)
  }
}
