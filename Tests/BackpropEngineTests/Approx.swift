import Foundation

/// |a − b| ≤ max(absolute, relative · max(|a|, |b|)): relative for ordinary values, absolute so
/// that values near zero compare sensibly.
func close(_ a: Double, _ b: Double, relative: Double = 1e-10, absolute: Double = 1e-15) -> Bool {
  abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Agreement to the digits printed in a published figure: |a − b| ≤ half a unit in its last place.
func matchesPrinted(_ a: Double, _ printed: String) -> Bool {
  let b = Double(printed)!
  let decimals: Int
  if let e = printed.firstIndex(where: { $0 == "e" || $0 == "E" }) {
    let mantissa = printed[..<e]
    let frac = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
    let exponent = Int(printed[printed.index(after: e)...])!
    decimals = frac - exponent
  } else {
    decimals = printed.split(separator: ".").dropFirst().first?.count ?? 0
  }
  return abs(a - b) <= 0.5 * pow(10, Double(-decimals)) * 1.000001
}
