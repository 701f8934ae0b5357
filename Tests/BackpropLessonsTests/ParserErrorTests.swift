import BackpropLessons
import Foundation
import Testing

/// Every malformed input gets a `line:column: message` saying what was found and what was
/// expected — never a crash, never a silent skip.
@Suite struct ParserErrorTests {
  func only(_ text: String) -> String? {
    let errors = Fixture.errors(text)
    #expect(errors.count == 1, "\(errors)")
    return errors.first
  }

  @Test func unknownDirective() {
    let e = only(Fixture.text("@pasue\n"))
    #expect(e?.hasPrefix("3:1: unknown directive `@pasue` (expected `@pause`)") == true)
    #expect(
      only(Fixture.text("Text.\n  @frobnicate now\n"))?.hasPrefix(
        "4:3: unknown directive `@frobnicate`") == true)
    #expect(
      only(Fixture.text("@ alone\n"))?.hasPrefix("3:1: a lone `@` is not a directive") == true)
  }

  @Test func badNumbers() {
    #expect(
      only(Fixture.text("@question Q?\n@answer 0.7x5\n@end\n"))?.hasPrefix(
        "4:9: `0.7x5` is not a number") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer 0.7x = o_5\n@end\n"))?.hasPrefix(
        "4:9: `0.7x` is not a number") == true)
    #expect(
      only(Fixture.text("@assert o_5 = abc\n"))?.hasPrefix("3:15: `abc` is not a number") == true)
    #expect(
      only(Fixture.text("@assert o_5 = 1 ± lots\n"))?.hasPrefix("3:19: `lots` is not a tolerance")
        == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer 1\n@tolerance -1\n@end\n"))?.hasPrefix(
        "5:12: `-1` is not a tolerance") == true)
  }

  @Test func badQuantityNames() {
    #expect(
      only(Fixture.text("@assert q_5 = 1\n"))?.hasPrefix("3:9: `q_5` is not a quantity name")
        == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer 1 = zz\n@end\n"))?.hasPrefix(
        "4:13: `zz` is not a quantity name") == true)
    #expect(
      only(Fixture.text("@assert o_5 0.75\n"))?.hasPrefix("3:9: expected `NAME = NUMBER`") == true)
  }

  @Test func missingLabels() {
    #expect(
      only(Fixture.text("Text.\n@goto nowhere\n"))?.hasPrefix(
        "4:7: there is no label `nowhere` in this lesson") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer 1\n@on-wrong recapp\n@end\n@label recap\nRecap.\n"))?
        .hasPrefix(
          "5:11: there is no label `recapp` in this lesson (expected `recap`)") == true)
    #expect(
      only(Fixture.text("@question Q?\na) Go -> away\n@end\n"))?.hasPrefix(
        "4:10: there is no label `away`") == true)
    #expect(only(Fixture.text("Text.\n@goto\n"))?.hasPrefix("4:6: missing the label name") == true)
    #expect(
      only(Fixture.text("@label two words\nText.\n"))?.hasPrefix("3:12: unexpected `words`") == true
    )
    #expect(
      only(Fixture.text("@label a\nText.\n@label a\nMore.\n"))?.hasPrefix(
        "5:8: the label `a` is already used on line 3") == true)
  }

  @Test func unterminatedQuestion() {
    #expect(
      only(Fixture.text("@question Q?\n@answer 1\n"))
        == "3:1: this @question is never closed (expected @end before the end of the file)")
    #expect(
      only(Fixture.text("@question Q?\n@answer 1\n@pause\nText.\n"))
        == "3:1: this @question is never closed (expected @end before line 5)")
  }

  @Test func questionPartsOutsideAQuestion() {
    #expect(
      only(Fixture.text("Text.\n@hint Try harder.\n"))
        == "4:1: `@hint` belongs inside a @question … @end block")
    #expect(
      only(Fixture.text("Text.\n@end\n")) == "4:1: `@end` belongs inside a @question … @end block")
  }

  @Test func incompleteQuestions() {
    #expect(
      only(Fixture.text("@question Q?\n@end\n"))?.hasPrefix("3:1: this question has no @answer")
        == true)
    #expect(
      only(Fixture.text("@question\n@answer 1\n@end\n"))?.hasPrefix(
        "3:1: this question has no text") == true)
    #expect(
      only(Fixture.text("@question Q?\na) x\nb) y\n@answer c\n@end\n"))?.hasPrefix(
        "6:9: there is no option `c)` (expected one of a, b)") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer b\n@end\n"))?.hasPrefix(
        "4:9: `b` is not a number, and this question has no options") == true)
    #expect(
      only(Fixture.text("@question Menu\na) x\n@end\n"))?.hasPrefix(
        "4:1: a menu option needs `-> LABEL`") == true)
    #expect(
      only(Fixture.text("@question Q?\na) x\nc) y\n@answer a\n@end\n"))?.hasPrefix(
        "5:1: expected option `b)` here") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer > step\n@tolerance 1%\n@end\n"))?.hasPrefix(
        "5:1: @tolerance applies only to number questions") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer 1\n@answer 2\n@end\n"))?.hasPrefix(
        "5:1: a second @answer") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer 1\nstray words\n@end\n"))?.hasPrefix(
        "5:1: text inside a question must come before") == true)
    #expect(
      only(Fixture.text("@question Q?\n> forward\n@answer 1\n@end\n"))?.hasPrefix(
        "4:1: a command cannot go inside a question") == true)
  }

  @Test func badCommands() {
    #expect(
      only(Fixture.text("> forwrd\n"))?.hasPrefix(
        "3:3: unknown command `forwrd` (expected `forward`)") == true)
    #expect(only(Fixture.text("  >  rm -rf /\n"))?.hasPrefix("3:6: unknown command `rm`") == true)
    #expect(
      only(Fixture.text("> set w_13 \"0.5\n"))?.hasPrefix("3:12: this quote is never closed")
        == true)
    #expect(only(Fixture.text(">\n"))?.hasPrefix("3:2: empty command") == true)
    #expect(
      only(Fixture.text("> next\n"))?.hasPrefix("3:3: `next` steers the lesson itself") == true)
    #expect(
      only(Fixture.text("> quit\n"))?.hasPrefix("3:3: `quit` steers the lesson itself") == true)
    #expect(
      only(Fixture.text("@question Q?\n@answer > stpe\n@end\n"))?.hasPrefix(
        "4:11: unknown command `stpe`") == true)
  }

  @Test func headerProblems() {
    #expect(
      Fixture.errors("Text.\n") == [
        "1:1: missing @title (expected a line `@title TEXT`)",
        "1:1: missing @section (expected a line `@section` naming the article section the lesson teaches)",
      ])
    #expect(
      only("@title A\n@section S\n@title B\nText.\n")
        == "3:1: a second @title (the first is on line 1)")
    #expect(only("@title\n@section S\nText.\n") == "1:7: missing the text of @title")
    #expect(
      only("@title A\n@section S\n# only a comment\n")?.hasPrefix("1:1: the lesson has no pages")
        == true)
    #expect(only(Fixture.text("@pause\n"))?.hasPrefix("3:1: nothing to pause after") == true)
  }

  @Test func everyBadLineIsReportedInOneRun() {
    let errors = Fixture.errors(Fixture.text("@bogus\n> bogus\n@assert o_5 = x\n@goto missing\n"))
    #expect(errors.map { $0.prefix(5) } == ["3:1: ", "4:3: ", "5:15:", "6:7: "])
  }

  @Test func unreachablePageAfterGoto() {
    #expect(
      only(Fixture.text("@label top\nText.\n@goto top\nNo label, so nothing leads here.\n"))
        == "6:1: this page can never be shown: the page before it ends with @goto and it has no @label"
    )
  }

  @Test func jumpLoopThroughEmptyPages() {
    #expect(
      only(Fixture.text("Start.\n@pause\n@label a\n@goto b\n@label b\n@assert E = 0\n@goto a\n"))
        == "9:7: jump loop: this @goto leads back to itself through pages that show nothing")
  }

  // MARK: - Bytes

  func decode(_ bytes: [UInt8]) -> [String] {
    do {
      _ = try LessonParser.parse(data: Data(bytes), file: "bytes.lesson")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test func emptyFile() {
    #expect(
      decode([]) == [
        "bytes.lesson:1:1: the file is empty (expected @title, @section and some pages)"
      ])
    #expect(
      decode(Array(" \n\t\n".utf8)).first?.hasPrefix("bytes.lesson:1:1: the file is empty") == true)
  }

  @Test func invalidUTF8PointsAtTheByte() {
    var bytes = Array("@title T\n@section S\nδ bad: ".utf8)
    bytes += [0xFF, 0x41]
    #expect(
      decode(bytes) == [
        "bytes.lesson:3:8: byte 0xFF is not valid UTF-8 (expected a UTF-8 text file)"
      ])
    // A truncated sequence at the very end.
    #expect(
      decode(Array("ab".utf8) + [0xE2, 0x88]).first?.hasPrefix("bytes.lesson:1:3: byte 0xE2")
        == true)
  }

  @Test func hugeFile() throws {
    let bytes = [UInt8](repeating: 0x61, count: LessonSource.sizeLimit + 1)
    #expect(
      decode(bytes).first?.hasPrefix("bytes.lesson:1:1: the file is larger than 1048576 bytes")
        == true)
    // Reading from disk stops at the limit instead of loading everything.
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/huge.lesson"
    FileManager.default.createFile(atPath: path, contents: Data(bytes + bytes))
    #expect(throws: LessonParseFailure.self) { try Lesson.load(path: path) }
  }

  @Test func missingFileAndFolder() {
    #expect(throws: LessonParseFailure.self) { try Lesson.load(path: "/nonexistent/x.lesson") }
    do {
      _ = try Lesson.load(path: Fixture.directory)
    } catch {
      #expect(error.diagnostics.first?.message == "this is a folder, not a lesson file")
    }
  }
}
