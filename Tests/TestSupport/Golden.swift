import Foundation
import Testing
import TextGrid

/// Golden files: what a test renders, kept as readable text beside the tests, so a reviewer sees
/// the screen, the plot or the transcript exactly as a person would, and a change shows in
/// `git diff`.
///
/// Each test target keeps its files in a `Golden/` folder next to its sources and passes that
/// folder in (`Golden.directory(for: #filePath)`). A name is a path inside it without the
/// extension: `"screens/help-80x24"` is `Golden/screens/help-80x24.txt`.
///
/// A `TextGrid` is recorded with its styles, because on screen bold, reverse, dim and colour
/// carry meaning too (the selected row, the current step, a title bar):
///
///     Title ok              ← the characters: exactly `grid.lines`
///     漢 xyz
///     plain
///     --- styles ---
///     bbbbb.rr              ← one character per cell, row by row
///     dd.RBa                ← 漢 is two cells wide, so two letters
///                           ← a row with no style is an empty line
///     --- legend ---
///     . = plain
///     b = bold
///     r = reverse
///     d = dim
///     R = red
///     B = bold+reverse
///     a = bold+green        ← no fixed letter: the first spare one
///
/// Under `--- styles ---` there is one line per row of the grid and one character per cell,
/// the right half of a wide character included, so the columns line up with the characters
/// above in a monospace view; trailing plain cells are left out (a plain row is an empty line).
/// Row k (from 1) is line k of the file and its styles line height + 1 + k, which is how to read
/// the line numbers of a failure. `.` is plain and each other character names a combination of
/// styles, listed under `--- legend ---`. Common combinations always have the same letter (see
/// `StyleLetters.fixed`: `b` bold, `r` reverse, `B` bold+reverse, `d` dim, `u` underline, `R`,
/// `G`, `L`, `Y`, `C`, `M` the colours); others take the next free letter in order of first
/// appearance.
///
/// `UPDATE_GOLDEN=1 scripts/test` (or `UPDATE_GOLDEN=1 swift test --skip-build`) rewrites the
/// files instead of comparing; review the change with `git diff` before committing, since a
/// golden file is only as right as the person who read it. Otherwise a mismatch fails the test
/// with a line diff (`LineDiff`).
public enum Golden {
  /// The environment variable that turns checking into recording.
  public static let updateVariable = "UPDATE_GOLDEN"

  /// True when this run records golden files instead of comparing with them.
  public static var isUpdating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

  /// The `Golden/` folder beside the source file `filePath` (pass `#filePath`).
  public static func directory(for filePath: String) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  }

  /// Compares a grid, characters and styles, with the golden file `name` in `directory`.
  public static func check(
    _ grid: TextGrid, _ name: String, in directory: URL,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    check(record(grid), name, in: directory, sourceLocation: sourceLocation)
  }

  /// Compares text with the golden file `name` in `directory`. The file ends with a newline.
  public static func check(
    _ text: String, _ name: String, in directory: URL,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if isUpdating {
      guard expected != actual else { return }
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected else {
      Issue.record(
        "missing golden file \(url.path); run with \(updateVariable)=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    guard expected != actual else { return }
    let diff = LineDiff(expected: expected, actual: actual).rendered()
    let report =
      "\(name) differs from its golden file (- expected, + actual):\n"
      + (diff.isEmpty ? "(the same lines; the line endings differ)" : diff)
      + "\nIf the change is right: \(updateVariable)=1 scripts/test, then review it with git diff."
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
  }

  /// The golden-file form of a grid: its characters, its styles and their legend (see above).
  public static func record(_ grid: TextGrid) -> String {
    var letters = StyleLetters()
    var rows: [String] = []
    for y in 0..<grid.height {
      var row = ""
      for x in 0..<grid.width { row.append(letters.letter(for: grid[x, y].style)) }
      while row.last == "." { row.removeLast() }
      rows.append(row)
    }
    let lines = grid.lines + ["--- styles ---"] + rows + ["--- legend ---"] + letters.legend
    return lines.joined(separator: "\n") + "\n"
  }
}
