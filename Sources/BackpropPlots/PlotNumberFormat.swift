/// Short, locale-independent number labels for ticks and legends.
///
/// Plots are compared against golden files and read at a glance, so labels must be the same on
/// every machine (no locale, no Foundation) and as short as the precision allows: `0.36`, `12`,
/// `1e-5`, never `0.36000000000000004`.
enum PlotNumberFormat {
  /// `value` with exactly `decimals` digits after the point (`-0.0` prints as `0`).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let decimals = min(max(decimals, 0), 12)
    let scale = PlotMath.powerOfTen(decimals)
    let scaled = (value.magnitude * scale).rounded()
    guard scaled < 9e15 else { return compact(value) }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = units / divisor
    let fraction = units % divisor
    var text = units == 0 || value > 0 ? "" : "-"
    text += String(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
  }

  /// `value` with about `significant` significant digits, trailing zeros dropped, and an exponent
  /// (`1e-5`, `2.5e6`) outside 0.001 ..< 1 000 000.
  static func compact(_ value: Double, significant: Int = 3) -> String {
    guard value.isFinite else { return nonFinite(value) }
    if value == 0 { return "0" }
    let significant = max(1, significant)
    var exponent = Int(PlotMath.decimalLogarithm(value.magnitude).rounded(.down))
    if (-3...5).contains(exponent) {
      return trimmed(fixed(value, decimals: max(0, significant - 1 - exponent)))
    }
    var mantissa = trimmed(fixed(value / PlotMath.powerOfTen(exponent), decimals: significant - 1))
    if mantissa == "10" || mantissa == "-10" {
      exponent += 1
      mantissa = value < 0 ? "-1" : "1"
    }
    return mantissa + "e" + String(exponent)
  }

  /// Decimals that tell apart multiples of `step` (a 1, 2 or 5 times a power of ten).
  static func decimals(forStep step: Double) -> Int {
    guard step.isFinite, step > 0 else { return 0 }
    return max(0, -Int((PlotMath.decimalLogarithm(step) + 1e-9).rounded(.down)))
  }

  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text == "-0" ? "0" : text }
    var text = text
    while text.last == "0" { text.removeLast() }
    if text.last == "." { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
  }
}
