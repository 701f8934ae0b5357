import BackpropLessons
import Testing

/// |a − b| ≤ max(absolute, relative · max(|a|, |b|)).
@Suite struct ToleranceTests {
  let answer = Tolerance.answer

  @Test func relativeForOrdinaryNumbers() {
    #expect(answer.accepts(0.751, 0.75136507))
    #expect(answer.accepts(0.7514, 0.75136507))
    #expect(!answer.accepts(0.74, 0.75136507))
    #expect(answer.accepts(751.4, 751.36507))
    // The comparison is symmetric.
    #expect(answer.accepts(0.75136507, 0.751) == answer.accepts(0.751, 0.75136507))
  }

  @Test func zeroNeedsTheAbsolutePart() {
    #expect(answer.accepts(0, 0))
    #expect(answer.accepts(-0.0, 0))
    #expect(answer.accepts(5e-7, 0))
    #expect(!answer.accepts(0.001, 0))
    // Relative alone can never accept anything but zero itself.
    let relativeOnly = Tolerance(absolute: 0, relative: 0.01)
    #expect(!relativeOnly.accepts(1e-300, 0))
    #expect(relativeOnly.accepts(0, 0))
  }

  @Test func negativeNumbersBehaveLikePositiveOnes() {
    #expect(answer.accepts(-1.004, -1))
    #expect(!answer.accepts(-1.01, -1))
    #expect(!answer.accepts(1, -1))
    #expect(answer.accepts(-0.038098, -0.0380985))
    #expect(answer.accepts(-0.75137, -0.75136507) == answer.accepts(0.75137, 0.75136507))
  }

  @Test func tinyNumbers() {
    // A tiny gradient is judged relatively once it is far above the absolute floor…
    let tight = Tolerance(absolute: 1e-12, relative: 0.01)
    #expect(tight.accepts(4.3857e-4, 4.38572e-4))
    #expect(!tight.accepts(4.0e-4, 4.38572e-4))
    // …and numbers below the absolute floor all count as equal.
    #expect(answer.accepts(1e-9, -1e-9))
  }

  @Test func infinitiesAndNaN() {
    #expect(answer.accepts(.infinity, .infinity))
    #expect(!answer.accepts(.infinity, -.infinity))
    #expect(!answer.accepts(1e308, .infinity))
    #expect(!answer.accepts(.nan, .nan))
    #expect(!answer.accepts(.nan, 0))
  }

  @Test func printedMeansToTheLastDigit() {
    let t = Tolerance.printed("0.75137")
    #expect(t.accepts(0.75136507, 0.75137))
    #expect(t.accepts(0.7513651, 0.75137))
    #expect(!t.accepts(0.75136, 0.75137))
    #expect(Tolerance.printed("0.3775").accepts(0.37750000000000006, 0.3775))
    #expect(Tolerance.printed("1e-3").accepts(0.0014, 0.001))
    #expect(!Tolerance.printed("1e-3").accepts(0.0016, 0.001))
    #expect(Tolerance.printed("1.50e2").accepts(150.4, 150))
    #expect(Tolerance.printed("−2").accepts(-2.4, -2))
  }
}
