import BackpropLessons
import Foundation
import Testing

/// The complete example in docs/lessons.md must stay a lesson that passes `backprop check`.
@Suite struct DocumentationTests {
  @Test func exampleLessonInTheDocsPasses() throws {
    let doc = String(
      decoding: try #require(
        FileManager.default.contents(atPath: Fixture.repository + "/docs/lessons.md")),
      as: UTF8.self)
    let begin = doc.range(of: "<!-- example-lesson:begin -->\n```\n")
    let finish = doc.range(of: "```\n<!-- example-lesson:end -->")
    let start = try #require(begin)
    let end = try #require(finish)
    let text = String(doc[start.upperBound..<end.lowerBound])
    let lesson = try LessonParser.parse(
      text, file: "docs-example.lesson", directory: Fixture.directory)
    #expect(LessonChecker.check(lesson).map(\.description) == [])
    // Every directive of the format appears in it.
    for directive in LessonParser.directives {
      let used = text.range(of: "@" + directive) != nil
      #expect(used, "the example does not use @\(directive)")
    }
    var host = HeadlessLessonHost()
    let transcript = LessonTranscript.run(
      lesson: lesson, host: &host, inputs: ["a", "", "0.9", "0.8", "0.7", "", "", "get E", "b", ""])
    #expect(transcript.contains("── page 3 of 5 ──"))
    #expect(transcript.last == "— End of the lesson. —")
  }
}
