import Foundation
import Testing

/// Headless `progress` reports what the state directory holds, the TUI's progress file, and
/// writes nothing: not the file, not the folder, not a `.corrupt` copy.
@Suite struct HeadlessProgressTests {
  static func course(_ root: URL) throws -> URL {
    let lessons = root.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    for (name, title) in [("01-one", "First"), ("02-two", "Second"), ("03-three", "Third")] {
      try "@title \(title)\n@section Basics\n\nA page.\n@pause\n\nAnother page.\n".write(
        to: lessons.appendingPathComponent("\(name).lesson"), atomically: true, encoding: .utf8)
    }
    return lessons
  }

  /// Every file under `root` with its bytes.
  static func snapshot(_ root: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let name = walker?.nextObject() as? String {
      files[name] = FileManager.default.contents(atPath: root.appendingPathComponent(name).path)
    }
    return files
  }

  @Test func itReportsTheFileAndEachLessonWithoutWriting() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-headless-progress-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let lessons = try Self.course(root)
    let state = root.appendingPathComponent("state")
    let file = state.appendingPathComponent("backprop/progress.json")
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try """
    {"format": "backprop-progress", "version": 1, "lessons": {
      "01-one.lesson": {"completed": true, "page": 2, "path": [1, 2], "answers": {}},
      "02-two.lesson": {"completed": false, "page": 2, "path": [1, 2], "answers": {}},
      "09-gone.lesson": {"completed": false, "page": 4, "path": [1, 2, 3, 4], "answers": {}}
    }}
    """.write(to: file, atomically: true, encoding: .utf8)
    let before = Self.snapshot(root)

    let run = try CommandLineTests.shell(
      "XDG_STATE_HOME='\(state.path)' '\(try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY")))' --headless --lessons '\(lessons.path)'",
      stdin: "progress\nlesson 2\nnext\nprogress reset\nprogress\n")
    let out = run.stdout.split(separator: "\n").map(String.init)
    let report = [
      "progress file: \(file.path)",
      "1. First — 01-one.lesson: done",
      "2. Second — 02-two.lesson: page 2",
      "3. Third — 03-three.lesson: not started",
      "09-gone.lesson (not in this course): page 4",
      "headless runs read this file and never write it",
    ]
    #expect(Array(out.prefix(report.count + 1)) == ["> progress"] + report)
    // A lesson taken headless changes nothing saved; `progress reset` refuses, and says why.
    #expect(run.stderr.contains("a headless run does not change \(file.path)"))
    #expect(Array(out.suffix(report.count)) == report)
    #expect(run.status == 1)
    #expect(Self.snapshot(root) == before)
  }

  @Test func withoutAFileItSaysWhereItWouldBe() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-headless-noprogress-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let lessons = try Self.course(root)
    let state = root.appendingPathComponent("state")
    let before = Self.snapshot(root)
    let run = try CommandLineTests.shell(
      "XDG_STATE_HOME='\(state.path)' '\(try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY")))' --headless --lessons '\(lessons.path)'",
      stdin: "progress\n")
    #expect(
      run.stdout.contains(
        "progress file: \(state.path)/backprop/progress.json (none yet: no lesson has been taken in the TUI)"
      ))
    #expect(run.stdout.contains("1. First — 01-one.lesson: not started"))
    #expect(run.status == 0)
    #expect(Self.snapshot(root) == before)
  }
}
