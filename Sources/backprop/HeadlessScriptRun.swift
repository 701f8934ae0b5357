import BackpropApp
import BackpropCommands
import BackpropLessons
import Foundation

/// `--headless` (and `--script`, `--json`, `--screen`): commands in, answers out.
///
/// Answers (each command echoed after `> `, then its answer) go to standard output and errors
/// to standard error, so `2>/dev/null` leaves a clean transcript; with `--json` everything,
/// errors included, is one JSON object per line on standard output.
struct HeadlessScriptRun {
  var script: String?
  var json: Bool
  var screen: ScreenSize?
  var ascii: Bool
  var lessons: String?
  var output: Output

  mutating func run() -> Int32 {
    var state = AppState(startScreen: false)
    state.glyphs = ascii ? .ascii : .unicode
    // Lessons can be opened with `lesson N`; headless runs do not touch saved progress.
    state.lessons = LessonState.load(
      lessonsDirectory: lessons, progressEnabled: false, parsing: false)
    // `progress` reports the TUI's progress file, read here once and never written.
    state.lessons.savedProgress = SavedProgress.read()
    var runner = HeadlessRunner(state: state, json: json, source: script ?? "<stdin>")
    var lines: [String] = []
    if let script {
      guard let data = FileManager.default.contents(atPath: script) else {
        return usageError("cannot read script \(script)")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        return usageError("\(script) is not valid UTF-8 (expected a UTF-8 text file)")
      }
      lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for (k, line) in lines.enumerated() {
        emit(runner.run(line, lineNumber: k + 1), failed: runner.lastFailed)
        if runner.wantsQuit { break }
      }
    } else {
      var k = 0
      while let line = readLine(strippingNewline: true) {
        k += 1
        emit(runner.run(line, lineNumber: k), failed: runner.lastFailed)
        if runner.wantsQuit { break }
      }
    }
    if let screen {
      let outputs = runner.run(
        "\(Command.screen.rawValue) \(screen.width)x\(screen.height)\(ascii ? " ascii" : "")",
        lineNumber: lines.count + 1)
      emit(Array(outputs.dropFirst(json ? 0 : 1)), failed: false)
    }
    return runner.failures == 0 ? ExitStatus.success : ExitStatus.failure
  }

  /// One command's lines: in text mode a failed command's lines after the echo are diagnostics.
  func emit(_ lines: [String], failed: Bool) {
    for (k, line) in lines.enumerated() {
      if failed && !json && k > 0 { output.diagnostic(line) } else { output.answer(line) }
    }
  }

  /// A problem with the run itself: to standard error, or into the JSON stream.
  func usageError(_ message: String) -> Int32 {
    if json {
      output.answer(
        JSONValue.object([
          ("ok", .bool(false)), ("source", .string("backprop")),
          ("error", .object([("message", .string(message))])),
        ]).serialized())
    } else {
      output.diagnostic("backprop: \(message)")
    }
    return ExitStatus.usage
  }
}
