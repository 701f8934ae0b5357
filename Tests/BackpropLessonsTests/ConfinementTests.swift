import BackpropCommands
import BackpropLessons
import Foundation
import Testing

/// A lesson's commands reach only files beside the lesson.
@Suite struct ConfinementTests {
  @Test func escapingPathsAreRefused() {
    let problems = LessonChecker.check(file: Fixture.path("escape.lesson"))
    #expect(problems.map { "\($0.line):\($0.column)" } == ["5:8", "6:8"])
    #expect(problems.allSatisfy { $0.message.contains("a lesson may only use files beside it") })
    #expect(!FileManager.default.fileExists(atPath: Fixture.testsDirectory + "/escaped.json"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped-backprop-lesson.json"))
  }

  @Test func filesBesideTheLessonWork() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/01-files.lesson"
    let text = Fixture.text(
      "> example linear\n> set w_13 0.25\n> save net.json\n> example mazur\n> load net.json\n@assert w_13 = 0.25 ± 0\n"
    )
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    #expect(LessonChecker.check(file: path) == [])
    #expect(FileManager.default.fileExists(atPath: folder + "/net.json"))
  }

  @Test func hostAccessIsRestoredAfterLessonCommands() throws {
    var d = Drive(try Fixture.lesson(Fixture.text("> save ../x.json\n")))
    #expect(d.host.fileAccess == .unrestricted)
    #expect(d.texts(.error).first?.contains("a lesson may only use files beside it") == true)
    #expect(d.runner.problems.count == 1)
    // Commands the student types are theirs and keep the host's own access.
    d.send(.command("help save"))
    #expect(d.host.fileAccess == .unrestricted)
  }

  @Test func shellCommandsCannotEvenBeWritten() {
    #expect(Fixture.errors(Fixture.text("> !ls\n> sh -c 'rm x'\n> $(rm x)\n")).count == 3)
  }
}
