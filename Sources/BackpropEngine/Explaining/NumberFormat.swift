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
    if !shortest.contains("e"), significantDigits(of: shortest) <= digits {
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
    if shortest.contains("e"), let mantissa = shortest.split(separator: "e").first,
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

  /// The significant digits of a number as Swift writes it (ASCII: digits, `.`, `-`, `e`):
  /// leading zeros never count, trailing zeros only without a decimal point. One pass over the
  /// bytes: every number on screen comes through here.
  private static func significantDigits(of s: String) -> Int {
    var firstNonZero = -1
    var lastNonZero = -1
    var count = 0
    var hasPoint = false
    for byte in s.utf8 {
      if byte == UInt8(ascii: ".") { hasPoint = true }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { continue }
      if byte != UInt8(ascii: "0") {
        if firstNonZero < 0 { firstNonZero = count }
        lastNonZero = count
      }
      count += 1
    }
    guard firstNonZero >= 0 else { return 1 }
    return max(1, hasPoint ? lastNonZero - firstNonZero + 1 : count - firstNonZero)
  }
}
