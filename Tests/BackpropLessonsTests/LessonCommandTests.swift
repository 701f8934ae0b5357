import BackpropCommands
import BackpropLessons
import Testing

/// A lesson file's `>` lines accept exactly the commands the registry allows in lessons.
@Suite struct LessonCommandTests {
  @Test(arguments: Command.allCases)
  func lessonFilesAcceptWhatTheRegistryAllows(_ command: Command) {
    let errors = Fixture.errors(Fixture.text("> \(command.spec.example)\n"))
    let refused = errors.contains { $0.contains("steers the lesson itself") }
    #expect(
      refused == !command.spec.inLessonFiles,
      "`> \(command.spec.example)` \(refused ? "refused" : "accepted"): \(errors)")
  }
}
