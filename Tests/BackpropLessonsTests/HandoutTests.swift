import BackpropEngine
import BackpropLessons
import Foundation
import TestSupport
import Testing

/// `backprop export LESSON --markdown`: the handout is what the checked run printed.
@Suite struct HandoutTests {
  func handout(_ path: String, answers: Bool) throws -> String {
    switch LessonHandout.markdown(file: path, answers: answers) {
    case .success(let text): return text
    case .failure(let failure):
      Issue.record("no handout: \(failure.diagnostics.map(\.description))")
      throw failure
    }
  }

  @Test func lessonOneHandoutMatchesTheGoldenFile() throws {
    let text = try handout(Fixture.lessons + "/01-linear-neuron.lesson", answers: true)
    Golden.check(text, "handouts/01-linear-neuron", in: Golden.directory)
  }

  /// Without `--answers` the handout is the same text up to the answer key.
  @Test func withoutAnswersTheKeyIsLeftOut() throws {
    let path = Fixture.lessons + "/01-linear-neuron.lesson"
    let plain = try handout(path, answers: false)
    let keyed = try handout(path, answers: true)
    let key = try #require(keyed.range(of: "\n## Answers\n"))
    #expect(plain == String(keyed[..<key.lowerBound]))
    #expect(!plain.contains("## Answers"))
  }

  /// The key holds the engine's value of Mazur's o_1 (our o_5), derived here from the article's
  /// weights: σ(w5·σ(net_h1) + w6·σ(net_h2) + b2).
  @Test func answerKeyHoldsTheComputedValue() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/o5.lesson"
    try Fixture.text(
      """
      > example mazur
      @question What will o_5 be?
      @answer 0.75137 = o_5
      @end
      > forward

      """
    ).write(toFile: file, atomically: true, encoding: .utf8)
    let text = try handout(file, answers: true)
    let σ = { (x: Double) in 1 / (1 + exp(-x)) }
    let h1 = σ(0.15 * 0.05 + 0.20 * 0.10 + 0.35)
    let h2 = σ(0.25 * 0.05 + 0.30 * 0.10 + 0.35)
    let o5 = σ(0.40 * h1 + 0.45 * h2 + 0.60)
    let line = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("1. 0.75137: o_5 = ") })
    let shown = try #require(Double(line.dropFirst("1. 0.75137: o_5 = ".count).dropLast()))
    #expect(abs(shown - o5) <= 1e-10 * o5)
    // The question itself has room for the answer and no value.
    #expect(text.contains("**Question 1.** What will o_5 be?\n\nAnswer: ____"))
  }

  /// A lesson with errors has no handout: the diagnostics are exactly `check`'s.
  @Test func aLessonWithErrorsFailsWithTheCheckersDiagnostics() {
    for name in ["bad-assert.lesson", "bad-command.lesson", "unreached.lesson"] {
      let path = Fixture.path(name)
      guard case .failure(let failure) = LessonHandout.markdown(file: path, answers: true) else {
        Issue.record("\(name) gave a handout")
        continue
      }
      #expect(failure.diagnostics == LessonChecker.check(file: path))
      #expect(!failure.diagnostics.isEmpty)
    }
    // A lesson that does not even parse, likewise.
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/broken.lesson"
    try? "@title Broken\n@section Derivation\n@question\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    guard case .failure(let failure) = LessonHandout.markdown(file: file, answers: false) else {
      Issue.record("a lesson that does not parse gave a handout")
      return
    }
    #expect(failure.diagnostics == LessonChecker.check(file: file))
    #expect(failure.diagnostics.first?.description.hasPrefix(file + ":3:") == true)
  }

  /// Every course lesson renders, and every command the lesson runs appears with its output.
  @Test func everyCourseLessonRenders() throws {
    let names = LessonLibrary.lessonFiles(
      try FileManager.default.contentsOfDirectory(atPath: Fixture.lessons))
    #expect(names.count >= 10)
    for name in names {
      let path = Fixture.lessons + "/" + name
      let text = try handout(path, answers: true)
      let lesson = try Lesson.load(path: path)
      let commands = lesson.pages.flatMap(\.items).compactMap { item -> String? in
        if case .command(let c) = item { return c.text }
        return nil
      }
      for command in commands {
        #expect(text.contains("\n> \(command)\n"), "\(name): `\(command)` missing")
      }
      // Fences open and close in pairs.
      let fences = text.split(separator: "\n").filter { $0.hasPrefix("```") }
      #expect(fences.count % 2 == 0, "\(name): unbalanced fences")
    }
  }
}
