import BackpropEngine
import Testing

/// `CFormat` is C's printf for one double: the same text `String(format:)` gave.
@Suite struct CFormatTests {
  @Test func conversions() {
    #expect(CFormat.string("%.3f", 0.13849856) == "0.138")
    #expect(CFormat.string("%.4e", 1.5e-7) == "1.5000e-07")
    #expect(CFormat.string("%.3g", 0.000123456) == "0.000123")
    #expect(CFormat.string("%.0f", -2.5) == "-2")
  }

  /// A result longer than the first buffer is formatted again in a larger one, not cut.
  @Test func longResultsAreWhole() {
    let text = CFormat.string("%.17f", 1e300)
    #expect(Double(text) == 1e300)
    #expect(text.hasSuffix(".00000000000000000"))
    #expect(text.count == 301 + 18)
  }
}
