/// A line diff between an expected and an actual text, as a test failure shows it.
///
/// Lines are matched by their longest common subsequence, so one inserted line shows as one `+`
/// line rather than every later line differing. Output is in hunks, like `diff -u`:
///
///     @@ -11,5 +11,5 @@
///        11    11 | a line both have
///     -  12       | the expected line
///     +        12 | the actual line
///
/// with the expected and the actual line numbers, `context` unchanged lines around each change,
/// and at most `limit` lines in all (a last line says how many changed lines were left out).
public struct LineDiff: Sendable {
  /// One line of the alignment: kept, only in the expected text, or only in the actual one.
  /// The numbers are 0-based line indices.
  public enum Edit: Equatable, Sendable {
    case same(expected: Int, actual: Int)
    case removed(expected: Int)
    case inserted(actual: Int)
  }

  public let expected: [Substring]
  public let actual: [Substring]
  public let edits: [Edit]

  /// Above this many cells (expected × actual changed lines) the middle is shown as all removed
  /// then all inserted, instead of filling a table that large.
  static let tableLimit = 4_000_000

  public init(expected: String, actual: String) {
    self.expected = Self.lines(of: expected)
    self.actual = Self.lines(of: actual)
    edits = Self.align(self.expected, self.actual)
  }

  /// The lines of a text; a final newline ends the last line rather than starting an empty one.
  static func lines(of text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
  }

  /// True when the two texts have the same lines.
  public var isEmpty: Bool {
    edits.allSatisfy { if case .same = $0 { true } else { false } }
  }

  /// Common prefix and suffix first (most golden changes are small), then a longest common
  /// subsequence table over the lines in between.
  static func align(_ a: [Substring], _ b: [Substring]) -> [Edit] {
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix,
      a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    var edits = (0..<prefix).map { Edit.same(expected: $0, actual: $0) }
    let n = a.count - prefix - suffix
    let m = b.count - prefix - suffix
    if n * m > tableLimit || n == 0 || m == 0 {
      edits += (0..<n).map { .removed(expected: prefix + $0) }
      edits += (0..<m).map { .inserted(actual: prefix + $0) }
    } else {
      // lcs[i * (m + 1) + j]: the length of the longest common subsequence of the middle lines
      // of `a` from i on and those of `b` from j on.
      var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          lcs[i * (m + 1) + j] =
            a[prefix + i] == b[prefix + j]
            ? lcs[(i + 1) * (m + 1) + j + 1] + 1
            : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
        }
      }
      var i = 0
      var j = 0
      while i < n || j < m {
        if i < n, j < m, a[prefix + i] == b[prefix + j] {
          edits.append(.same(expected: prefix + i, actual: prefix + j))
          i += 1
          j += 1
        } else if j == m || (i < n && lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
          edits.append(.removed(expected: prefix + i))
          i += 1
        } else {
          edits.append(.inserted(actual: prefix + j))
          j += 1
        }
      }
    }
    edits += (0..<suffix).map {
      .same(expected: a.count - suffix + $0, actual: b.count - suffix + $0)
    }
    return edits
  }

  /// The hunks as text; empty when nothing differs.
  public func rendered(context: Int = 2, limit: Int = 80) -> String {
    let changed = edits.indices.filter {
      if case .same = edits[$0] { false } else { true }
    }
    guard !changed.isEmpty else { return "" }
    // Ranges of edits to show: each change widened by `context`, overlapping ranges merged.
    var hunks: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(edits.count - 1, index + context)
      if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
        hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        hunks.append(range)
      }
    }
    let width = String(max(expected.count, actual.count)).count
    func number(_ n: Int?) -> String {
      let text = n.map { String($0 + 1) } ?? ""
      return String(repeating: " ", count: width - text.count) + text
    }
    var out: [String] = []
    var shownChanges = 0
    for hunk in hunks {
      guard out.count < limit else { break }
      let slice = edits[hunk]
      let oldLines = slice.compactMap { if case .removed(let e) = $0 { e } else { nil } }
      let newLines = slice.compactMap { if case .inserted(let a) = $0 { a } else { nil } }
      let firstOld = slice.lazy.compactMap(\.expectedLine).first ?? 0
      let firstNew = slice.lazy.compactMap(\.actualLine).first ?? 0
      let oldCount = slice.count - newLines.count
      let newCount = slice.count - oldLines.count
      out.append("@@ -\(firstOld + 1),\(oldCount) +\(firstNew + 1),\(newCount) @@")
      for edit in slice {
        guard out.count < limit else { break }
        switch edit {
        case .same(let e, let a):
          out.append("  \(number(e)) \(number(a)) | \(expected[e])")
        case .removed(let e):
          out.append("- \(number(e)) \(number(nil)) | \(expected[e])")
          shownChanges += 1
        case .inserted(let a):
          out.append("+ \(number(nil)) \(number(a)) | \(actual[a])")
          shownChanges += 1
        }
      }
    }
    if shownChanges < changed.count {
      out.append("… and \(changed.count - shownChanges) more changed lines not shown")
    }
    return out.joined(separator: "\n")
  }
}

extension LineDiff.Edit {
  var expectedLine: Int? {
    switch self {
    case .same(let e, _), .removed(let e): e
    case .inserted: nil
    }
  }

  var actualLine: Int? {
    switch self {
    case .same(_, let a): a
    case .inserted(let a): a
    case .removed: nil
    }
  }
}
