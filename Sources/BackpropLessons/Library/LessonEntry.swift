import FoundationEssentials

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
  /// The lesson, once parsed: when the course was read with `parsing`, or when it was first
  /// opened (the app reads it then through a file effect, so `update` stays pure). Nil until
  /// then, and when it does not parse (see `diagnostics`).
  public var lesson: Lesson?
  /// The absolute folder of the file, where its commands may read and write (resolved when the
  /// course was read, at the edge).
  public var folder: String = "."

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

  /// Parses the bytes of this lesson's file, read by the caller (no I/O here).
  public func parse(_ data: Data) throws(LessonParseFailure) -> Lesson {
    try LessonParser.parse(data: data, file: path, directory: folder)
  }
}
