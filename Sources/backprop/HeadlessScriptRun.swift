import BackpropApp
import BackpropCommands
import BackpropLessons
import FoundationEssentials
import Glibc

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
      let data: Data
      switch RegularFile.read(script, limit: LocalFiles.readLimit) {
      case .success(let bytes) where bytes.count <= LocalFiles.readLimit: data = bytes
      case .success: return usageError("script \(script) is too large")
      case .failure(let problem):
        return usageError("cannot read script \(script): \(problem.message)")
      }
      let byteLines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
      lines = byteLines.map { String(decoding: $0, as: UTF8.self) }
      for (k, line) in byteLines.enumerated() {
        emit(runner.run(bytes: Array(line), lineNumber: k + 1), failed: runner.lastFailed)
        if runner.wantsQuit { break }
      }
    } else {
      // Bytes, not `readLine`, which would repair invalid UTF-8 silently: stdin and `--script`
      // treat a bad line the same way (see `HeadlessRunner.run(bytes:lineNumber:)`).
      var k = 0
      var buffer: UnsafeMutablePointer<CChar>? = nil
      var capacity = 0
      let input = fdopen(0, "r")
      defer { free(buffer) }
      while let input {
        let count = getline(&buffer, &capacity, input)
        guard count >= 0, let buffer else { break }
        var bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: count))
        if bytes.last == 0x0A { bytes.removeLast() }
        k += 1
        emit(runner.run(bytes: bytes, lineNumber: k), failed: runner.lastFailed)
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
