import ArgumentParser
import BackpropApp
import BackpropCommands
import BackpropLessons
import Foundation
import TerminalUI
import TextGrid

/// The `backprop` command: the TUI by default, `--headless` for scripts, `check` for lessons.
@main
struct Backprop: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "backprop",
    abstract: "A terminal tutor that steps through backpropagation one neuron at a time.",
    discussion: """
      Without options, backprop opens its full-screen interface (it needs a terminal). \
      With --headless it reads commands from standard input (or --script FILE), one per line, \
      and prints each answer as text (or JSON with --json). `backprop check` verifies lessons.
      """,
    version: version,
    subcommands: [Run.self, Check.self],
    defaultSubcommand: Run.self)
}

/// Options shared by the interface and headless mode.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Open the interface, or run commands headless (the default).")

  @Flag(help: "Run without a terminal: read commands, print answers.")
  var headless = false

  @Option(help: "Read commands from FILE instead of standard input (implies --headless).")
  var script: String?

  @Flag(help: "Answer each command with one JSON object per line (headless).")
  var json = false

  @Option(help: "Take the lesson in FILE (headless: answers come from standard input).")
  var lesson: String?

  @Option(help: "Use the lessons in DIR instead of the built-in course.")
  var lessons: String?

  @Flag(help: "Do not read or write lesson progress.")
  var noProgress = false

  @Option(
    help: "Print the interface's screen at this size (e.g. 100x30) after the commands (headless).")
  var screen: String?

  @Flag(help: "Draw with ASCII only (also chosen automatically without a UTF-8 locale).")
  var ascii = false

  func validate() throws {
    if let screen, parseSize(screen) == nil {
      throw ValidationError("--screen takes WIDTHxHEIGHT, e.g. 100x30 (got \(screen))")
    }
  }

  func run() throws {
    let isHeadless = headless || script != nil || json || screen != nil
    if isHeadless, let lesson {
      throw ExitCode(runHeadlessLesson(lesson))
    }
    if isHeadless {
      throw ExitCode(runHeadless())
    }
    try runInterface()
  }

  /// `--headless --lesson FILE`: the lesson as a transcript, answers from standard input.
  func runHeadlessLesson(_ path: String) -> Int32 {
    let parsed: Lesson
    do { parsed = try Lesson.load(path: path) } catch {
      for d in error.diagnostics {
        FileHandle.standardError.write(Data((d.description + "\n").utf8))
      }
      return 2
    }
    var store = ProgressStore.standard(enabled: !noProgress)
    var host = HeadlessLessonHost()
    let inputs = AnyIterator { readLine(strippingNewline: true) }
    let runner = LessonTranscript.run(
      lesson: parsed, host: &host, inputs: AnySequence(inputs), width: 80, resumingFrom: nil
    ) { print($0) }
    for operation in store.record(runner.progress, for: parsed.fileName, at: Date()) {
      if case .failure(let error) = LocalFiles.perform(operation) { store.writeFailed(error) }
    }
    for warning in store.takeWarnings() {
      FileHandle.standardError.write(Data("backprop: \(warning)\n".utf8))
    }
    return runner.problems.isEmpty ? 0 : 1
  }

  func runHeadless() -> Int32 {
    var state = AppState(startScreen: false)
    state.glyphs = ascii ? .ascii : .unicode
    // Lessons can be opened with `lesson N`; headless runs do not touch saved progress.
    state.lessons = LessonState.load(lessonsDirectory: lessons, progressEnabled: false)
    var runner = HeadlessRunner(state: state, json: json, source: script ?? "<stdin>")
    var lines: [String] = []
    if let script {
      let data: Data
      switch RegularFile.read(script, limit: LocalFiles.readLimit) {
      case .success(let bytes) where bytes.count <= LocalFiles.readLimit: data = bytes
      case .success:
        FileHandle.standardError.write(Data("backprop: script \(script) is too large\n".utf8))
        return 2
      case .failure(let problem):
        FileHandle.standardError.write(
          Data("backprop: cannot read script \(script): \(problem.message)\n".utf8))
        return 2
      }
      let byteLines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
      lines = byteLines.map { String(decoding: $0, as: UTF8.self) }
      for (k, line) in byteLines.enumerated() {
        for out in runner.run(bytes: Array(line), lineNumber: k + 1) { print(out) }
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
        for out in runner.run(bytes: bytes, lineNumber: k) { print(out) }
        if runner.wantsQuit { break }
      }
    }
    if let screen, let size = parseSize(screen) {
      for out in runner.run(
        "\(Command.screen.rawValue) \(size.0)x\(size.1)\(ascii ? " ascii" : "")",
        lineNumber: lines.count + 1
      ).dropFirst(json ? 0 : 1) {
        print(out)
      }
    }
    return runner.failures == 0 ? 0 : 1
  }

  func runInterface() throws {
    var state = AppState()
    state.isInteractive = true
    state.lessons = LessonState.load(lessonsDirectory: lessons, progressEnabled: !noProgress)
    if let lesson {
      state.lessons.now = Date()
      let effect = App.submit("\(Command.lesson.rawValue) \(lesson)", &state).effect
      _ = EffectRunner().settle(effect, &state)
    }
    var program = InterfaceProgram(state: state, forceASCII: ascii)
    do {
      try Terminal.run(&program)
    } catch {
      FileHandle.standardError.write(Data("backprop: \(error.description)\n".utf8))
      throw ExitCode(2)
    }
  }
}

func parseSize(_ text: String) -> (Int, Int)? {
  let parts = text.lowercased().split(separator: "x")
  guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 1000,
    h <= 1000
  else {
    return nil
  }
  return (w, h)
}

/// `backprop check`: parse and run lessons, verify their assertions and answers.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check lesson files: parse them, run them, verify every assertion and stored answer.")

  @Argument(help: "Lesson files or directories (default: the course).")
  var paths: [String] = []

  @Option(help: "Use the lessons in DIR when no paths are given.")
  var lessons: String?

  func run() throws {
    let targets = paths.isEmpty ? [LessonLibrary.locate(explicit: lessons).directory] : paths
    let report = LessonChecker.check(paths: targets)
    for d in report.diagnostics { print(d.description) }
    print(report.summary)
    throw ExitCode(report.passed ? 0 : 1)
  }
}
