import BackpropCommands
import Foundation
import Testing

@testable import BackpropLessons

/// The tools issue 12 asked for on behalf of lesson authors: fractions as answers, starting at a
/// page, clearer expectations, diagnostics split for `check --json`, skippable menus headless.
struct AuthorToolsTests {
  typealias Runner = LessonRunner<HeadlessLessonHost>

  @Test func fractionsAreNumbers() {
    #expect(Runner.answerNumber("1/4") == 0.25)
    #expect(Runner.answerNumber("-3/8") == -0.375)
    #expect(Runner.answerNumber(" 3 / 4 ") == 0.75)
    #expect(Runner.answerNumber("0,5") == 0.5)
    #expect(Runner.answerNumber("1/0") == nil)
    #expect(Runner.answerNumber("1/2/3") == nil)
    #expect(Runner.answerNumber("a/b") == nil)
  }

  /// A question whose answer is 0.375 accepts `3/8` and rejects `1/4`.
  @Test func aFractionAnswersAQuestion() throws {
    let lesson = try Fixture.lesson(
      Fixture.text("@question\nWhat is 3/8?\n@answer 0.375\n@end\n\nDone.\n"))
    var host = HeadlessLessonHost()
    let transcript = LessonTranscript.run(
      lesson: lesson, host: &host, inputs: ["1/4", "3/8"], width: 72)
    let text = transcript.joined(separator: "\n")
    #expect(text.contains("» 1/4"))
    #expect(!text.contains("is not a number"))
    var wrong = Runner(lesson: lesson)
    wrong.start(host: &host)
    wrong.handle(.answer("1/4"), host: &host)
    #expect(wrong.lines.contains { $0.kind == .wrong })
    var right = Runner(lesson: lesson)
    right.start(host: &host)
    right.handle(.answer("3/8"), host: &host)
    #expect(right.lines.contains { $0.kind == .right })
    #expect(!right.lines.contains { $0.kind == .wrong })
  }

  /// `--page 3` replays pages 1 and 2: the engine on page 3 is what they leave (w_35 set to 2
  /// on page 2), and the path walked is the pages before it.
  @Test func startingAtAPageRebuildsTheEngine() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        "> example mazur\n@pause\n> set w_35 2\n@pause\n@label three\n> get w_35\n@pause\nEnd.\n"))
    let progress = try LessonStartPoint.page(3).progress(in: lesson)
    #expect(progress.path == [1, 2, 3])
    #expect(try LessonStartPoint.label("three").progress(in: lesson) == progress)
    var host = HeadlessLessonHost()
    var runner = Runner(lesson: lesson)
    runner.resume(from: progress, host: &host)
    #expect(runner.pageNumber == 3)
    #expect(try host.value(named: "w_35") == 2)
    #expect(throws: LessonStartPoint.Failure.self) {
      try LessonStartPoint.page(9).progress(in: lesson)
    }
    #expect(throws: LessonStartPoint.Failure.self) {
      try LessonStartPoint.label("nosuch").progress(in: lesson)
    }
  }

  /// A stored answer with too few digits says how many to store, with the engine's value
  /// (o_5 = 0.75136507 in Mazur's example, so 4 digits are 0.7514).
  @Test func mismatchSaysHowManyDigitsToStore() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        "> example mazur\n> forward\n@question\nPredict o_5.\n@answer 0.7 = o_5\n@end\n"))
    let problems = LessonChecker.check(lesson).map(\.message)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("store at least 4 significant digits, e.g. 0.7514") == true)
  }

  @Test func toleranceErrorsSayWhatWasExpected() {
    let errors = Fixture.errors(
      Fixture.text("@question\nQ?\n@answer 1\n@tolerance 1e-3 1e-4\n@end\n"))
    #expect(errors.contains { $0.contains("a second absolute tolerance (expected ") })
  }

  @Test func diagnosticsSplitIntoMessageAndExpected() {
    let d = LessonDiagnostic(
      file: "f", line: 1, column: 2, message: "unknown command `forwrd` (expected `forward`)")
    #expect(d.parts.found == "unknown command `forwrd`")
    #expect(d.parts.expected == "`forward`")
    #expect(d.severity == "error")
    let note = LessonDiagnostic(file: "f", line: 1, column: 1, message: "note: fix it")
    #expect(note.severity == "note" && note.parts.found == "fix it" && note.parts.expected == nil)
  }

  /// Headless, `skip` at a menu takes its first option; the TUI still asks for a choice.
  @Test func menusCanBeSkippedHeadless() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        "@question\nWhere to?\na) first -> one\nb) second -> two\n@end\n@label one\nPage one.\n@pause\n@label two\nPage two.\n"
      ))
    var host = HeadlessLessonHost()
    let transcript = LessonTranscript.run(
      lesson: lesson, host: &host, inputs: ["skip", "next"], width: 72
    )
    .joined(separator: "\n")
    #expect(transcript.contains("Skipped: taking option a)."))
    #expect(transcript.contains("Page one."))
    var runner = Runner(lesson: lesson)
    runner.start(host: &host)
    runner.handle(.skip, host: &host)
    #expect(runner.isWaitingForAnswer)
  }
}
