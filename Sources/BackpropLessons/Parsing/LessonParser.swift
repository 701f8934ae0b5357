import BackpropCommands
import FoundationEssentials

/// Reads the lesson format described in docs/lessons.md.
///
/// The format is line-oriented so that an instructor can write it in any editor and every
/// mistake can be reported as `file:line:column`: `@` starts a directive, `>` a command, `#` a
/// comment, a blank line ends a paragraph, and everything else is prose. Parsing never runs
/// anything; `LessonRunner` and `LessonChecker` do that.
public enum LessonParser {
  /// Every directive, for messages and the documentation.
  public static let directives = [
    "title", "section", "pause", "label", "goto", "assert", "question", "answer", "tolerance",
    "hint", "right", "wrong", "on-wrong", "end", "illustrative",
  ]

  /// Parses lesson text. `file` names the lesson in diagnostics; `directory` is where its
  /// commands may read and write files.
  public static func parse(_ text: String, file: String = "lesson", directory: String = ".")
    throws(LessonParseFailure) -> Lesson
  {
    var builder = LessonBuilder(file: file)
    var number = 0
    for raw in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    {
      number += 1
      builder.read(SourceLine(number: number, text: raw))
    }
    return try builder.finish(directory: directory)
  }

  /// Parses the bytes of a lesson file, checking its size and encoding first.
  public static func parse(data: Data, file: String = "lesson", directory: String = ".")
    throws(LessonParseFailure) -> Lesson
  {
    try parse(LessonSource.decode(data, file: file), file: file, directory: directory)
  }
}
