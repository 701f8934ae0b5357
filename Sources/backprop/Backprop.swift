import ArgumentParser
import BackpropApp
import BackpropCommands
import BackpropLessons
import FoundationEssentials
import Glibc
import TerminalUI
import TextGrid

/// The `backprop` command: the TUI by default, `--headless` for scripts, `check` for lessons.
///
/// The options of the default mode belong to the root command itself (not to a hidden default
/// subcommand), so `--help` lists every one of them and the usage line is `backprop [OPTIONS]`.
@main
struct Backprop: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "backprop",
    abstract: "A terminal tutor that steps through backpropagation one neuron at a time.",
    usage: """
      backprop [OPTIONS]
      backprop --headless [--json] [--script FILE] [--screen WxH] [OPTIONS]
      backprop --lesson FILE [--page N | --label NAME] [OPTIONS]
      backprop check [--json] [PATH ...]
      backprop export LESSON|FOLDER --markdown [--answers] [--output PATH]
      backprop new-lesson FILE [--title TEXT]
      backprop help [COMMAND]
      """,
    discussion: """
      Without options, backprop opens its full-screen interface (it needs a terminal that can \
      move the cursor, at least 80x24). With --headless it reads commands from standard input (or \
      --script FILE), one per line, prints each answer to standard output as text (or JSON with \
      --json), and errors to standard error (with --json, errors stay in the JSON stream). \
      `backprop help COMMAND` explains a command of the language; `backprop check` verifies \
      lessons.

      Glyphs: a UTF-8 locale gets Unicode, any other locale (LANG=C, POSIX, ISO-8859-1) ASCII; \
      --utf8 and --ascii override.

      Shell completion: backprop --generate-completion-script bash|zsh|fish.

      \(ExitStatus.documentation)
      """,
    version: version,
    subcommands: [
      CheckCommand.self, ExportCommand.self, NewLessonCommand.self, HelpCommand.self,
    ])

  @Flag(help: "Run without a terminal: read commands, print answers.")
  var headless = false

  @Option(
    help: "Read commands from FILE instead of standard input (implies --headless).",
    completion: .file())
  var script: String?

  @Flag(help: "Answer each command with one JSON object per line; errors too (headless).")
  var json = false

  @Option(
    help: "Take the lesson in FILE (headless: answers come from standard input).",
    completion: .file(extensions: ["lesson"]))
  var lesson: String?

  @Option(help: "Start the --lesson at page N (the pages before it run first).")
  var page: Int?

  @Option(help: "Start the --lesson at the page with @label NAME.")
  var label: String?

  @Option(
    help: "Use the lessons in DIR instead of the built-in course.", completion: .directory)
  var lessons: String?

  @Flag(help: "Do not read or write lesson progress.")
  var noProgress = false

  @Flag(help: "Headless --lesson: keep the lesson's progress (headless runs keep none by default).")
  var progress = false

  @Option(
    help:
      "Print the interface's screen at this size (e.g. 100x30, at least 80x24) after the commands (headless)."
  )
  var screen: String?

  @Flag(help: "ASCII only: the screen, and headless text too (δ_5 → d_5, η → eta, · → *).")
  var ascii = false

  @Flag(help: "Draw Unicode even when the locale is not UTF-8 (for terminals that show it).")
  var utf8 = false

  @Flag(help: "Start in presenter mode (large equation beside the network, for a projector).")
  var present = false

  @Option(help: "Start playing the demo script FILE (space runs each line, p goes back).")
  var demo: String?

  var isHeadless: Bool { headless || script != nil || json || screen != nil }

  func validate() throws {
    if let screen {
      guard let size = ScreenSize(screen) else {
        throw ValidationError("--screen takes WIDTHxHEIGHT, e.g. 100x30 (got \(screen))")
      }
      guard size.width >= ScreenSize.minimum.width, size.height >= ScreenSize.minimum.height else {
        throw ValidationError(
          "--screen \(screen) is too small: the interface needs at least 80x24 (e.g. --screen 80x24)"
        )
      }
    }
    if ascii && utf8 { throw ValidationError("--ascii and --utf8 cannot be used together") }
    if page != nil && label != nil { throw ValidationError("give --page or --label, not both") }
    if (page != nil || label != nil) && lesson == nil {
      throw ValidationError("--page and --label need --lesson FILE")
    }
    if let page, page < 1 {
      throw ValidationError("--page takes a page number from 1 (got \(page))")
    }
    if let lessons {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: lessons, isDirectory: &isDirectory),
        isDirectory
      else {
        throw ValidationError(
          "--lessons \(lessons): no such folder (expected a folder of .lesson files)")
      }
    }
    for (flag, path) in [("--lesson", lesson), ("--script", script)] {
      if let path, !FileManager.default.isReadableFile(atPath: path) {
        throw ValidationError("\(flag) \(path): no such file, or it cannot be read")
      }
    }
  }

  var startPoint: LessonStartPoint? {
    if let page { return .page(page) }
    return label.map { .label($0) }
  }

  func run() throws {
    if isHeadless, let lesson {
      var run = HeadlessLessonRun(
        path: lesson, startPoint: startPoint, keepsProgress: progress && !noProgress,
        output: Output(ascii: ascii))
      throw ExitCode(run.run())
    }
    if isHeadless {
      var run = HeadlessScriptRun(
        script: script, json: json, screen: screen.flatMap(ScreenSize.init), ascii: ascii,
        lessons: lessons, output: Output(ascii: ascii))
      throw ExitCode(run.run())
    }
    try runInterface()
  }

  func runInterface() throws {
    let output = Output()
    var state = AppState()
    state.isInteractive = true
    state.lessons = LessonState.load(
      lessonsDirectory: lessons, progressEnabled: !noProgress, parsing: false)
    if let lesson {
      state.lessons.now = Date()
      let effect = App.submit("\(Command.lesson.rawValue) \(lesson)", &state).effect
      _ = EffectRunner().settle(effect, &state)
      if let startPoint {
        do {
          try LessonStart.move(&state, to: startPoint)
        } catch {
          output.diagnostic("backprop: \(error.description)")
          throw ExitCode(ExitStatus.usage)
        }
      }
    }
    if present { App.submit("\(Command.present.rawValue) on", &state, echo: false) }
    if let demo {
      state.screen = state.screen == .lesson ? .lesson : .freePlay
      let effect = App.submit("\(Command.source.rawValue) \(demo)", &state, echo: false).effect
      _ = EffectRunner().settle(effect, &state)
    }
    var program = InterfaceProgram(state: state, forceASCII: ascii)
    do {
      try Terminal.run(&program, forceUTF8: utf8)
    } catch {
      output.diagnostic("backprop: \(error.description)")
      throw ExitCode(ExitStatus.usage)
    }
  }

  /// Parses and runs, with usage errors exiting 2 (not sysexits' 64) and, under `--json`,
  /// reported as one JSON object on standard output so a consumer reads one stream.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      guard code == .validationFailure else { exit(withError: error) }
      if CommandLine.arguments.dropFirst().contains("--json") {
        let message = Self.message(for: error)
        let object = JSONValue.object([
          ("ok", .bool(false)), ("source", .string("backprop")),
          ("error", .object([("message", .string(message))])),
        ])
        print(object.serialized())
      } else {
        Output().diagnostic(fullMessage(for: error))
      }
      Glibc.exit(ExitStatus.usage)
    }
  }
}

/// `WIDTHxHEIGHT` for `--screen`.
struct ScreenSize: Equatable {
  /// The smallest screen the interface lays out; below it the panes would overlap.
  static let minimum = ScreenSize(width: 80, height: 24)

  var width: Int
  var height: Int

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  init?(_ text: String) {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w),
      (1...1000).contains(h)
    else { return nil }
    self.init(width: w, height: h)
  }
}
