import BackpropEngine
import Testing

/// How numbers read in equations: short values as written, others to a number of significant
/// digits, scientific outside 1e-4 … 1e6.
@Suite struct NumberFormatTests {
  /// 12.5 to two digits is 12: C rounds a tie to even.
  @Test(arguments: [
    (0.01, 5, "0.01"), (0.4, 5, "0.4"), (1.0, 5, "1"), (100.0, 5, "100"), (1.5, 5, "1.5"),
    (0.138498562, 5, "0.13850"), (0.0012, 5, "0.0012"), (12.5, 2, "12"), (-0.25, 5, "-0.25"),
    (0.99999999, 5, "1.0000"), (123456.0, 5, "123456"), (1234567.0, 5, "1.2346e+06"), (1e-07, 5, "1e-07"),
    (2.5e-07, 5, "2.5e-07"), (1.23456789e-07, 3, "1.23e-07"), (0.0, 5, "0"),
  ])
  func formats(value: Double, digits: Int, text: String) {
    #expect(NumberFormat.format(value, digits: digits) == text)
  }
}
