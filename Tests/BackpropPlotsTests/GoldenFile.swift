import Foundation
import Testing
import TextGrid

/// Golden files: rendered plots stored as plain text under `Golden/`, next to this file, so a
/// reviewer can open them and see exactly what a user sees.
///
/// Run with `UPDATE_GOLDEN=1` to write or refresh them; otherwise a mismatch fails the test and
/// prints the differing lines.
enum GoldenFile {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  static func check(
    _ grid: TextGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = grid.text + "\n"
    if isUpdating {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      do {
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(url.path); run with UPDATE_GOLDEN=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record(
        "\(name) differs from its golden file:\n\(lineDiff(expected: expected, actual: actual))",
        sourceLocation: sourceLocation)
    }
  }

  /// The differing lines, numbered, expected (-) above actual (+).
  static func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(old.count, new.count) {
      let a = index < old.count ? String(old[index]) : nil
      let b = index < new.count ? String(new[index]) : nil
      guard a != b else { continue }
      let number = String(index + 1).leftPadded(to: 3)
      out.append("\(number) - \(a ?? "(none)")")
      out.append("\(number) + \(b ?? "(none)")")
    }
    return out.joined(separator: "\n")
  }
}
