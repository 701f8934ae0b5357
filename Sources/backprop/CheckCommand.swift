import ArgumentParser
import BackpropCommands
import BackpropLessons
import FoundationEssentials

/// `backprop check`: parse and run lessons, verify their assertions and answers.
///
/// Diagnostics go to standard error as `file:line:column: message` and the summary to standard
/// output; with `--json` every diagnostic is one JSON object per line on standard output
/// (file, line, column, severity, message, expected), then a summary object, for editors and CI.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check lesson files: parse them, run them, verify every assertion and stored answer.",
    discussion: """
      With no paths, checks the course backprop finds (--lessons DIR, $BACKPROP_LESSONS, the \
      course installed beside the binary, then $XDG_DATA_DIRS). \(ExitStatus.documentation)
      """)

  @Argument(help: "Lesson files or folders (default: the course).", completion: .file())
  var paths: [String] = []

  @Option(help: "Use the lessons in DIR when no paths are given.", completion: .directory)
  var lessons: String?

  @Flag(help: "One JSON object per diagnostic on standard output, then a summary object.")
  var json = false

  func validate() throws {
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw ValidationError("\(path): no such file or folder (expected a .lesson file or a folder)")
    }
  }

  func run() throws {
    // The root command has a `--json` of its own, and the parser gives a flag both define to
    // the root, so this one may read false although `check --json` was typed.
    let json = self.json || CommandLine.arguments.dropFirst().contains("--json")
    let targets = paths.isEmpty ? [LessonLibrary.locate(explicit: lessons).directory] : paths
    if paths.isEmpty, !FileManager.default.fileExists(atPath: targets[0]) {
      let message =
        "no course found (looked for \(targets[0])); give lesson files or --lessons DIR"
      if json {
        print(Self.object([("ok", .bool(false)), ("message", .string(message))]))
      } else {
        Output().diagnostic("backprop check: \(message)")
      }
      throw ExitCode(ExitStatus.usage)
    }
    let report = LessonChecker.check(paths: targets)
    if json {
      for d in report.diagnostics { print(Self.object(Self.fields(d))) }
      print(
        Self.object([
          ("ok", .bool(report.passed)), ("lessons", .number(Double(report.lessonsChecked))),
          ("problems", .number(Double(report.problems.count))),
          ("summary", .string(report.summary)),
        ]))
    } else {
      for d in report.diagnostics { Output().diagnostic(d.description) }
      print(report.summary)
    }
    throw ExitCode(report.passed ? ExitStatus.success : ExitStatus.failure)
  }

  static func fields(_ d: LessonDiagnostic) -> [(String, JSONValue)] {
    let (found, expected) = d.parts
    var fields: [(String, JSONValue)] = [
      ("file", .string(d.file)), ("line", .number(Double(d.line))),
      ("column", .number(Double(d.column))), ("severity", .string(d.severity)),
      ("message", .string(found)),
    ]
    fields.append(("expected", expected.map(JSONValue.string) ?? .null))
    return fields
  }

  static func object(_ fields: [(String, JSONValue)]) -> String {
    JSONValue.object(fields).serialized()
  }
}
