import BackpropCommands
import BackpropEngine
import TextGrid

/// Runs one line of the command language at the app level: the commands the app handles itself
/// (plot, screen, lessons, quit) here, the engine's through the `Session`.
public enum AppCommands {
  public static func run(_ line: String, _ state: inout AppState) -> LineResult {
    let tokens: [Token]
    do { tokens = try Tokenizer.tokenize(line) } catch { return failure(error, line: line) }
    guard let first = tokens.first else {
      return LineResult(
        lines: [], isError: false, json: "{\"ok\":true,\"output\":[]}", effect: .none)
    }

    let command = CommandSpec.named(first.text)
    // A pending lesson question takes the line as its answer unless the command steers.
    if state.lessons.isWaitingForTypedAnswer, state.screen == .lesson,
      command?.spec.steersLesson != true
    {
      return LessonController.answer(line, &state)
    }
    // The session reports an unknown command, with a suggestion.
    guard let command else { return runSession(line, &state) }

    let args = Array(tokens.dropFirst())
    do throws(CommandError) {
      switch command {
      case .quit:
        return LineResult(lines: [], isError: false, json: ok(command.rawValue, []), effect: .quit)
      case .screen:
        return try screen(args, line: line, &state)
      case .plot:
        let lines = try PlotCommand.run(args, lineLength: line.count, &state)
        return success(command.rawValue, lines)
      case .zoom:
        return success(command.rawValue, try zoom(args, &state))
      case .present, .play, .source, .record, .pause, .baseline:
        return try ClassroomCommands.run(command, args, line: line, &state)
      case .lesson, .next, .previous, .repeat, .answer, .hint, .skip, .progress:
        return try LessonController.command(command, args, line: line, &state)
      case .train:
        if state.isInteractive, tokens.count == 3, tokens[2].text.lowercased() == "animate",
          let n = Int(tokens[1].text), n > 0, state.session.trainer.divergence == nil,
          !state.session.trainer.samples.isEmpty
        {
          let effect = App.startAnimation(epochs: n, &state)
          return LineResult(lines: [], isError: false, json: "", effect: effect)
        }
        if state.isInteractive, tokens.count == 2, let n = Int(tokens[1].text), n > 0,
          state.session.trainer.divergence == nil, !state.session.trainer.samples.isEmpty
        {
          let effect = App.startJob(epochs: n, &state)
          return LineResult(lines: [], isError: false, json: "", effect: effect)
        }
        return runSession(line, &state)
      case .step, .finish, .forward, .backward, .update, .epoch:
        if let effect = App.startStepJob(command, tokens, line: line, &state) {
          return LineResult(lines: [], isError: false, json: "", effect: effect)
        }
        return runSession(line, &state)
      case .gradcheck:
        if let effect = App.startGradcheckJob(line, &state) {
          return LineResult(lines: [], isError: false, json: "", effect: effect)
        }
        return runSession(line, &state)
      case .network, .example, .data, .sample, .set, .mode, .randomize, .restart, .undo, .back,
        .redo, .show, .get, .explain, .count, .save, .load, .export, .help:
        return runSession(line, &state)
      }
    } catch {
      return failure(error, line: line)
    }
  }

  static func runSession(_ line: String, _ state: inout AppState) -> LineResult {
    switch state.session.execute(line) {
    case .success(let out):
      if let request = out.file {
        // The answer waits for the file (see `App.receive`).
        let task = FileTask(request.operation, for: .command(request, line: line))
        return LineResult(lines: [], isError: false, json: "", effect: .file(task), logs: false)
      }
      return sessionSuccess(line, out)
    case .failure(let e):
      return failure(e, line: line)
    }
  }

  static func sessionSuccess(_ line: String, _ out: CommandOutput) -> LineResult {
    let name =
      (try? Tokenizer.tokenize(line).first.flatMap { CommandSpec.named($0.text)?.rawValue })
      ?? nil
    var pairs: [(String, JSONValue)] = [("ok", .bool(true)), ("command", .string(name ?? ""))]
    pairs.append(("output", .array(out.lines.map(JSONValue.string))))
    pairs += out.data
    return LineResult(
      lines: out.lines, isError: false, json: JSONValue.object(pairs).serialized(), effect: .none)
  }

  static func ok(_ name: String, _ lines: [String]) -> String {
    JSONValue.object([
      ("ok", .bool(true)), ("command", .string(name)),
      ("output", .array(lines.map(JSONValue.string))),
    ]).serialized()
  }

  static func success(_ name: String, _ lines: [String]) -> LineResult {
    LineResult(lines: lines, isError: false, json: ok(name, lines), effect: .none)
  }

  static func failure(_ e: CommandError, line: String) -> LineResult {
    var error: [(String, JSONValue)] = [
      ("column", .number(Double(e.column))), ("message", .string(e.message)),
    ]
    if let x = e.expected { error.append(("expected", .string(x))) }
    let json = JSONValue.object([
      ("ok", .bool(false)), ("input", .string(line)), ("error", .object(error)),
    ]).serialized()
    return LineResult(lines: ["error: " + e.description], isError: true, json: json, effect: .none)
  }

  /// `zoom [PANE|off]`: one pane fills the screen (`screen` shows it too), or the layout comes
  /// back. Alone it zooms the focused pane, or goes back when one is zoomed.
  static func zoom(_ args: [Token], _ state: inout AppState) throws(CommandError) -> [String] {
    let names = PaneID.allCases.map(\.rawValue).joined(separator: ", ")
    guard let t = args.first else {
      App.zoom(state.zoomed == nil ? state.focusedPane : nil, &state)
      return [state.zoomed.map { "zoomed the \($0.rawValue) pane" } ?? "zoom off"]
    }
    if args.count > 1 {
      throw CommandError(
        column: args[1].column, message: "unexpected `\(args[1].text)`",
        expected: "one pane name or `off`")
    }
    let word = t.text.lowercased()
    if ["off", "none", "back"].contains(word) {
      App.zoom(nil, &state)
      return ["zoom off"]
    }
    guard let pane = PaneID(rawValue: word) else {
      throw CommandError(
        column: t.column, message: "there is no pane `\(t.text)`", expected: "\(names) or off")
    }
    let content = Layout.Content(
      lesson: state.screen == .lesson, plot: state.plot.kind != .none,
      presenter: state.presenter)
    guard content.panes.contains(pane) else {
      throw CommandError(
        column: t.column, message: "the \(pane.rawValue) pane is not on the screen now",
        expected: content.panes.map(\.rawValue).joined(separator: ", ") + " or off")
    }
    App.zoom(pane, &state)
    return ["zoomed the \(pane.rawValue) pane (`zoom off` goes back)"]
  }

  /// `screen [WxH] [ascii]`: the TUI screen as text.
  static func screen(_ args: [Token], line: String, _ state: inout AppState) throws(CommandError)
    -> LineResult
  {
    var width = 100
    var height = 30
    var glyphs = state.glyphs
    for t in args {
      if t.text.lowercased() == "ascii" {
        glyphs = .ascii
      } else if t.text.lowercased() == "unicode" || t.text.lowercased() == "utf8" {
        glyphs = .unicode
      } else {
        let parts = t.text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
          (1...1000).contains(w), (1...1000).contains(h)
        else {
          throw CommandError(
            column: t.column, message: "`\(t.text)` is not a size",
            expected: "WIDTHxHEIGHT such as 100x30, or ascii")
        }
        width = w
        height = h
      }
    }
    var copy = state
    copy.glyphs = glyphs
    copy.width = width
    copy.height = height
    let grid = Views.render(copy)
    var result = success(Command.screen.rawValue, grid.lines)
    result.logs = false
    return result
  }
}
