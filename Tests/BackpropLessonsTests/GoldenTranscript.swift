import Foundation
import Testing

/// Golden transcripts: what a student reads, stored as plain text under `Fixtures/golden/` so a
/// reviewer can read the lesson as it plays. Run with `UPDATE_GOLDEN=1` to write or refresh them.
enum GoldenTranscript {
  static let directory = Fixture.directory + "/golden"

  static func check(
    _ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let path = directory + "/" + name + ".txt"
    let actual = lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "missing golden file \(path); run with UPDATE_GOLDEN=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(old.count, new.count) {
      let a = index < old.count ? String(old[index]) : "(none)"
      let b = index < new.count ? String(new[index]) : "(none)"
      if a != b { diff += ["\(index + 1) - \(a)", "\(index + 1) + \(b)"] }
    }
    let shown = diff.prefix(40).joined(separator: "\n")
    Issue.record("\(name) differs from its golden file:\n\(shown)", sourceLocation: sourceLocation)
  }
}
