import Foundation
import Testing

/// Compares text with a golden file beside the tests; `UPDATE_GOLDEN=1` rewrites the files.
///
/// Golden files are plain text so a reviewer reads the expected screen as it will look.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func check(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name)
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); run with UPDATE_GOLDEN=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let report: String = "\(name) differs:\n" + diff(expected, actual)
      Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
  }

  /// A line diff: "-" expected, "+" actual.
  static func diff(_ a: String, _ b: String) -> String {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for k in 0..<max(x.count, y.count) {
      let l = k < x.count ? String(x[k]) : nil
      let r = k < y.count ? String(y[k]) : nil
      if l != r {
        if let l { out.append("-\(k + 1): \(l)") }
        if let r { out.append("+\(k + 1): \(r)") }
      }
    }
    return out.prefix(60).joined(separator: "\n")
  }
}
