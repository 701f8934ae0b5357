/// A problem in a lesson file, reported as `file:line:column: message` like a compiler does, so
/// editors and terminals can jump to it.
public struct LessonDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  /// 1-based.
  public var line: Int
  /// 1-based, in characters.
  public var column: Int
  /// What was found, and what was expected there.
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Why a lesson could not be parsed: every bad line, not just the first.
public struct LessonParseFailure: Error, Equatable, Sendable, CustomStringConvertible {
  public var diagnostics: [LessonDiagnostic]

  public init(diagnostics: [LessonDiagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
