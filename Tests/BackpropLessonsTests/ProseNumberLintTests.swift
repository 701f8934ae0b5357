import BackpropCommands
import Testing

@testable import BackpropLessons

/// The prose-number lint: a decimal number in the prose must match, to its last written digit,
/// something the lesson asserts, answers or computes, or be marked `@illustrative`.
@Suite struct ProseNumberLintTests {
  @Test func findsTheDecimalNumbersOfProse() {
    let quoted = ProseNumberLint.numbers(
      in:
        "δ_5 = 0.13850 and −0.038098; type `set eta 0.7`; 1.5·10⁻⁷ apart, 3.5e-05, epoch 5000, w_1.5"
    )
    #expect(quoted.map(\.text) == ["0.13850", "0.038098", "1.5·10⁻⁷", "3.5e-05"])
    #expect(quoted[0].value == 0.13850 && quoted[0].halfUnit == 0.000005)
    #expect(abs(quoted[2].value - 1.5e-7) < 1e-22)
    #expect(abs(quoted[2].halfUnit - 0.05e-7) < 1e-22)
  }

  static func lesson(_ prose: String, extra: String = "") throws -> Lesson {
    try Fixture.lesson(
      Fixture.text(
        """
        > example mazur
        > forward
        \(extra)
        \(prose)
        """))
  }

  @Test func aNumberTheEngineComputedPasses() throws {
    // E = 0.298371109: quoted to 4 and to 3 digits.
    #expect(LessonChecker.check(try Self.lesson("E is 0.2984, about 0.298.")).isEmpty)
  }

  @Test func aStaleNumberIsReportedAtItsLine() throws {
    let found = LessonChecker.check(try Self.lesson("E is 0.2990 after the forward pass."))
    #expect(found.count == 1)
    #expect(found.first?.line == 6)
    #expect(found.first?.message.contains("0.2990") == true)
    #expect(found.first?.message.contains("@illustrative 0.2990") == true)
  }

  @Test func aNumberTheLessonAssertsPasses() throws {
    let lesson = try Self.lesson(
      "Half of it is 0.14919.", extra: "@assert E = 0.2984 ± 1e-4")
    #expect(LessonChecker.check(lesson).count == 1)
    let illustrated = try Self.lesson("Half of it is 0.14919.", extra: "@illustrative 0.14919")
    #expect(LessonChecker.check(illustrated).isEmpty)
  }

  @Test func illustrativeNeedsNumbers() {
    let errors = Fixture.errors(Fixture.text("@illustrative\nText.\n@illustrative abc\n"))
    #expect(errors.count == 2)
    #expect(errors.first?.hasPrefix("3:") == true)
  }

  @Test func theCourseQuotesNoUnaccountedNumber() {
    let report = LessonChecker.check(paths: [Fixture.lessons])
    let lint = report.diagnostics.filter { $0.message.contains("the prose quotes") }
    #expect(lint.isEmpty, "\(lint.map(\.description))")
    #expect(report.passed)
  }
}
