import FoundationEssentials

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

  /// A note explains other diagnostics rather than reporting a problem of its own.
  public var isNote: Bool { message.hasPrefix("note: ") }

  /// "error" or "note", for `check --json`.
  public var severity: String { isNote ? "note" : "error" }

  /// The message split into what was found and what was expected: the last ` (expected …)`.
  public var parts: (found: String, expected: String?) {
    var text = isNote ? String(message.dropFirst(6)) : message
    guard text.hasSuffix(")"), let open = text.ranges(of: " (expected ").last else {
      return (text, nil)
    }
    let expected = String(text[open.upperBound...].dropLast())
    text = String(text[..<open.lowerBound])
    return (text, expected)
  }
}

/// Why a lesson could not be parsed: every bad line, not just the first.
public struct LessonParseFailure: Error, Equatable, Sendable, CustomStringConvertible {
  public var diagnostics: [LessonDiagnostic]

  public init(diagnostics: [LessonDiagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
