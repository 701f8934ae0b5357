import TextGrid
import BackpropCommands
import BackpropLessons
import TestSupport
import Testing

/// Whole lessons played from a list of inputs, as `--headless` does with stdin.
@Suite struct TranscriptTests {
  static let linearInputs = [
    "", "0.5", "hint", "1", "skip", "next", "b", "previous", "answer 1", "1", "next", "b", "", "a",
    "b",
    "", "", "0", "get w_13 w_23", "", "0.3", "", "-1",
  ]

  @Test func linearNeuronLesson() throws {
    let lesson = try LessonParser.parse(
      String(
        decoding: try #require(
          FileManager.default.contents(atPath: Fixture.lessons + "/01-linear-neuron.lesson")),
        as: UTF8.self),
      file: "01-linear-neuron.lesson", directory: Fixture.lessons)
    var host = HeadlessLessonHost()
    let transcript = LessonTranscript.run(
      lesson: lesson, host: &host, inputs: Self.linearInputs, width: 80)
    Golden.check(transcript.joined(separator: "\n"), "01-linear-neuron", in: Golden.directory)
    #expect(transcript.last == "— End of the lesson. —")
    #expect(
      transcript.allSatisfy {
        $0.count <= 80 || !$0.contains(" ") || $0.hasPrefix("example ") || $0.hasPrefix("trained ")
      })
  }

  @Test func forwardPassLessonWithItsMenu() throws {
    let lesson = try LessonParser.parse(
      String(
        decoding: try #require(
          FileManager.default.contents(atPath: Fixture.lessons + "/03-forward-pass.lesson")),
        as: UTF8.self),
      file: "03-forward-pass.lesson", directory: Fixture.lessons)
    var host = HeadlessLessonHost()
    let inputs = [
      "", "0.3775", "", "0.593", "", "fw", "step", "", "0.298", "", "a", "", "", "skip", "", "skip",
      "", "skip", "",
      "skip", "", "b", "",
    ]
    let transcript = LessonTranscript.run(lesson: lesson, host: &host, inputs: inputs, width: 72)
    Golden.check(transcript.joined(separator: "\n"), "03-forward-pass", in: Golden.directory)
    #expect(transcript.filter { $0 == "── page 1 of 7 ──" }.count == 2)
    #expect(transcript.last == "— End of the lesson. —")
  }

  @Test func endOfInputStopsCleanly() throws {
    let lesson = try Fixture.lesson(Fixture.text("One.\n@pause\nTwo.\n@pause\nThree.\n"))
    var host = HeadlessLessonHost()
    let transcript = LessonTranscript.run(lesson: lesson, host: &host, inputs: ["next"])
    #expect(transcript.last == "(end of input: stopped at page 2 of 3)")
  }

  @Test func quitLeavesAndInputsAfterTheEndAreNotRead() throws {
    let lesson = try Fixture.lesson(Fixture.text("One.\n@pause\nTwo.\n"))
    var host = HeadlessLessonHost()
    #expect(
      LessonTranscript.run(lesson: lesson, host: &host, inputs: ["q"]).last
        == "(left the lesson at page 1 of 2)")
    var read = 0
    let inputs = AnySequence { () -> AnyIterator<String> in
      AnyIterator {
        read += 1
        return "next"
      }
    }
    let transcript = LessonTranscript.run(lesson: lesson, host: &host, inputs: inputs)
    #expect(read == 1)
    #expect(transcript.last == "— End of the lesson. —")
  }

  @Test func transcriptResumesFromProgress() throws {
    let lesson = try Fixture.lesson(
      Fixture.text("> example mazur\n@pause\n> forward\n@pause\nThree.\n"))
    var host = HeadlessLessonHost()
    let progress = LessonProgress(page: 2, path: [1, 2])
    var lines: [String] = []
    let runner = LessonTranscript.run(
      lesson: lesson, host: &host, inputs: [String](), resumingFrom: progress
    ) { lines.append($0) }
    #expect(runner.pageNumber == 2)
    #expect(lines.contains("── page 2 of 3 ──"))
    #expect(lines.contains("> forward"))
    #expect(!lines.contains("> example mazur"))
  }

  @Test func renderSpacesBlocks() {
    let lines = LessonTranscript.render(
      [
        LessonLine(.prose, "A paragraph that is long enough to wrap at twenty."),
        LessonLine(.command, "get E"),
        LessonLine(.output, "E = 1"), LessonLine(.question, "Why?"),
        LessonLine(.option, "a) because"),
        LessonLine(.right, "Yes."), LessonLine(.pause, "Next."),
      ], width: 20)
    #expect(
      lines == [
        "A paragraph that is", "long enough to wrap", "at twenty.", "", "> get E", "E = 1", "",
        "? Why?", "   a) because", "",
        "✓ Yes.", "", "[Next.]",
      ])
  }

  @Test func wrapping() {
    #expect(TextWrap.wrap("one two three", width: 7) == ["one two", "three"])
    // Prefixes on every line; a word longer than a line is cut, and says so with an ellipsis.
    #expect(
      TextWrap.wrap("a verylongword b", width: 8, first: "? ", rest: "  ") == [
        "? a", "  veryl…", "  b",
      ])
    #expect(TextWrap.wrap("", width: 10, first: "· ") == ["· "])
  }
}

import Foundation
