import BackpropCommands

/// Lesson commands (lesson, next, previous, answer, hint, skip, progress).
enum LessonController {
  static func command(_ name: String, _ args: [Token], line: String, _ state: inout AppState) throws(CommandError) -> LineResult {
    throw CommandError(column: 1, message: "lessons are not available yet")
  }

  static func answer(_ line: String, _ state: inout AppState) -> LineResult {
    AppCommands.failure(CommandError(column: 1, message: "no question is waiting"), line: line)
  }
}
