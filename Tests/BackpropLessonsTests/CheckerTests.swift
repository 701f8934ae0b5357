import BackpropLessons
import Foundation
import Testing

/// `backprop check` on good and bad lessons: every problem as `file:line:column: message`.
@Suite struct CheckerTests {
  func check(_ name: String) -> [String] {
    LessonChecker.check(file: Fixture.path(name)).map { "\($0.line):\($0.column): \($0.message)" }
  }

  @Test func goodLessonPasses() {
    #expect(check("good.lesson") == [])
  }

  @Test func theCourseLessonsPass() {
    let report = LessonChecker.check(paths: [Fixture.lessons])
    #expect(report.diagnostics.map(\.description) == [])
    #expect(report.lessonsChecked >= 2)
    #expect(report.passed)
  }

  @Test func failedAssertion() {
    #expect(check("bad-assert.lesson") == ["6:15: o_5 is 0.751365069552 (expected 0.75 ± 1e-08)"])
  }

  @Test func storedAnswerDisagreesWithTheEngine() {
    let problems = check("bad-answer.lesson")
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasPrefix(
        "8:9: the stored answer 0.7513 does not match the engine, where o_5 is 0.751365069552")
        == true)
  }

  @Test func failingCommandPointsAtTheWord() {
    let problems = check("bad-command.lesson")
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("5:7: `set w_99 1` failed: there is no neuron 9") == true)
  }

  @Test func jumpLoopEndsAndIsReported() {
    #expect(
      check("jump-loop.lesson") == [
        "10:7: jump loop: `@goto top` leads back to a page already shown, with no question on the way that could leave the loop"
      ])
  }

  @Test func pageNothingLeadsTo() {
    #expect(
      check("unreached.lesson") == [
        "10:1: this page is never reached (expected a @goto, @on-wrong or menu option leading to one of its labels)"
      ])
  }

  @Test func branchesAreExplored() throws {
    // The remedial page is only reached by a wrong answer; its broken command is still found.
    let lesson = try Fixture.lesson(
      Fixture.text(
        "@question 1 + 1?\n@answer 2\n@on-wrong recap\n@end\n@goto rest\n@label recap\n> set w_77 1\n@pause\n@label rest\nDone.\n"
      ))
    let problems = LessonChecker.check(lesson).map { "\($0.line):\($0.column)" }
    #expect(problems == ["9:7"])
  }

  @Test func lessonEndingOnAPageThatShowsNothing() throws {
    let lesson = try Fixture.lesson(
      Fixture.text("> example linear\n@pause\n@assert w_13 = 0.5 ± 0\n"))
    #expect(LessonChecker.check(lesson) == [])
    let failing = try Fixture.lesson(
      Fixture.text("> example linear\n@pause\n@assert w_13 = 0.6 ± 0\n"))
    #expect(LessonChecker.check(failing).map(\.line) == [5])
  }

  @Test func malformedFilesAreDiagnosticsNotCrashes() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    FileManager.default.createFile(atPath: folder + "/1-empty.lesson", contents: Data())
    FileManager.default.createFile(
      atPath: folder + "/2-binary.lesson", contents: Data([0x40, 0xC0, 0x80]))
    FileManager.default.createFile(
      atPath: folder + "/3-huge.lesson", contents: Data(count: LessonSource.sizeLimit + 10))
    FileManager.default.createFile(
      atPath: folder + "/4-typo.lesson", contents: Data("@title T\n@section S\n@qestion\n".utf8))
    let report = LessonChecker.check(paths: [folder])
    #expect(report.lessonsChecked == 4)
    #expect(!report.passed)
    #expect(
      report.diagnostics.map {
        "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)"
      } == [
        "1-empty.lesson:1:1", "2-binary.lesson:1:2", "3-huge.lesson:1:1", "4-typo.lesson:3:1",
        "4-typo.lesson:3:1",
      ])
    // A file that was read but does not parse says why its numbers were not checked; the
    // note is not counted as a problem.
    #expect(report.diagnostics.last?.severity == "note")
    #expect(report.diagnostics.last?.message.contains("fix the parse error above") == true)
    #expect(report.problems.count == 4)
  }

  @Test func foldersAndMissingPaths() {
    let report = LessonChecker.check(paths: [
      Fixture.directory + "/course", "/nonexistent/x.lesson",
    ])
    #expect(report.lessonsChecked == 3)
    #expect(report.diagnostics.map(\.description) == ["/nonexistent/x.lesson:1:1: no such file"])
    #expect(report.summary == "1 problem in 3 lessons checked.")
    let empty = LessonChecker.check(paths: [Fixture.testsDirectory + "/Golden"])
    #expect(!empty.passed)
    #expect(empty.diagnostics.first?.message == "no .lesson files in this folder")
  }

  @Test func summaryOfAPass() {
    let report = LessonChecker.check(paths: [Fixture.directory + "/course"])
    #expect(report.passed)
    #expect(
      report.summary == "2 lessons checked: every command runs, every assertion and answer holds.")
  }
}
