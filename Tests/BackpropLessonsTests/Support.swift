import BackpropCommands
import BackpropLessons
import Foundation
import Testing

/// Paths and small helpers shared by the lesson tests.
enum Fixture {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
  static let directory = testsDirectory + "/Fixtures"
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let lessons = repository + "/lessons"

  static func path(_ name: String) -> String { directory + "/" + name }

  /// Parses text that must be a valid lesson.
  static func lesson(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Lesson
  {
    do {
      return try LessonParser.parse(text, file: "test.lesson", directory: NSTemporaryDirectory())
    } catch {
      Issue.record("unexpected parse failure:\n\(error)", sourceLocation: sourceLocation)
      throw error
    }
  }

  /// The diagnostics of text that must not parse, as `line:column: message`.
  static func errors(_ text: String) -> [String] {
    do {
      _ = try LessonParser.parse(text, file: "t.lesson")
      return []
    } catch {
      return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    }
  }

  /// A lesson with the header every lesson needs, then `body`.
  static func text(_ body: String) -> String {
    "@title Test\n@section Derivation\n" + body
  }

  /// A fresh temporary folder, removed by the caller.
  static func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "backprop-lessons-test-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

/// Runs inputs through a runner on a headless host.
struct Drive {
  var runner: LessonRunner<HeadlessLessonHost>
  var host = HeadlessLessonHost()

  init(_ lesson: Lesson) {
    runner = LessonRunner(lesson: lesson)
    runner.start(host: &host)
  }

  mutating func send(_ input: LessonInput) {
    runner.handle(input, host: &host)
  }

  /// The current page's lines of one kind.
  func texts(_ kind: LessonLine.Kind) -> [String] {
    runner.lines.filter { $0.kind == kind }.map(\.text)
  }

}

/// The store with its file operations carried out on disk at once, as an edge would.
extension ProgressStore {
  mutating func recordOnDisk(_ progress: LessonProgress, for fileName: String) {
    carryOut(record(progress, for: fileName, at: Date()))
  }

  mutating func resetOnDisk(_ fileName: String? = nil) {
    carryOut(reset(fileName))
  }

  mutating func carryOut(_ operations: [FileOperation]) {
    for operation in operations {
      if case .failure(let error) = LocalFiles.perform(operation) { writeFailed(error) }
    }
  }
}
