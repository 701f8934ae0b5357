/// A lesson file of the course, as listed by `lesson list`: read enough to show its title and
/// section, with the problems that keep it from running.
public struct LessonEntry: Equatable, Sendable {
  /// The number the file name starts with (`01-linear-neuron.lesson` → 1), which orders the course.
  public var number: Int?
  public var fileName: String
  public var path: String
  /// The `@title`, or the file name when the lesson does not parse.
  public var title: String
  public var section: String
  /// Why the lesson cannot be run; empty when it can.
  public var diagnostics: [LessonDiagnostic]
  /// The lesson as parsed when the course was read (nil when it does not parse), so that
  /// opening it needs no file: the app's `update` stays pure.
  public var lesson: Lesson?

  public init(
    number: Int?, fileName: String, path: String, title: String, section: String,
    diagnostics: [LessonDiagnostic], lesson: Lesson? = nil
  ) {
    self.number = number
    self.fileName = fileName
    self.path = path
    self.title = title
    self.section = section
    self.diagnostics = diagnostics
    self.lesson = lesson
  }

  public var isValid: Bool { diagnostics.isEmpty }

  /// Parses the lesson (again), for running it.
  public func load() throws(LessonParseFailure) -> Lesson {
    try Lesson.load(path: path)
  }
}
