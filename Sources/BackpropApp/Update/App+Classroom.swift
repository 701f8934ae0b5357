import BackpropCommands
import BackpropEngine
import TextGrid
import FoundationEssentials

/// The classroom's part of `update`: autoplay on ticks, the keys that steer it and a demo
/// script, and the recording of commands. Time arrives only as `.tick` messages.
extension App {
  /// The tick the event loop should wait for now: a running job at once, autoplay at its
  /// interval, or none.
  static func pendingTick(_ state: AppState) -> AppEffect {
    if state.job != nil { return .tick(milliseconds: 0) }
    if let play = state.autoplay, !play.isPaused { return .tick(milliseconds: play.interval) }
    return .none
  }

  // MARK: - Autoplay

  /// One tick of autoplay: a micro-step, or a few epochs of `train N animate`.
  static func autoplayTick(_ state: inout AppState) -> AppEffect {
    guard var play = state.autoplay, !play.isPaused else { return .none }
    switch play.work {
    case .microSteps:
      switch state.session.execute(Command.step.rawValue) {
      case .success(let out):
        state.log(out.lines, kind: .output)
      case .failure(let e):
        state.log(["error: " + e.description], kind: .error)
        state.autoplay = nil
        return .none
      }
      if state.session.trainer.divergence != nil {
        state.autoplay = nil
        return .none
      }
    case .epochs(let remaining, let perTick, let start):
      let chunk = min(remaining, perTick)
      let before = state.session.trainer.epoch
      let first = state.session.trainer.epoch == start
      switch state.session.execute(
        "\(Command.train.rawValue) \(chunk)", mergingWithPrevious: !first)
      {
      case .success: break
      case .failure(let e):
        state.log(["error: " + e.description], kind: .error)
        state.autoplay = nil
        return .none
      }
      let left = remaining - max(1, state.session.trainer.epoch - before)
      if left <= 0 || state.session.trainer.divergence != nil {
        finishAnimation(&state, startEpoch: start, interrupted: false)
        return .none
      }
      play.work = .epochs(remaining: left, perTick: perTick, startEpoch: start)
      state.autoplay = play
    }
    return pendingTick(state)
  }

  /// Starts `train N animate`: about five seconds of epochs, one slice per tick.
  static func startAnimation(epochs: Int, _ state: inout AppState) -> AppEffect {
    let ticks = Int(Autoplay.animationSpeed * 5)
    let perTick = max(1, (epochs + ticks - 1) / ticks)
    state.autoplay = Autoplay(
      work: .epochs(remaining: epochs, perTick: perTick, startEpoch: state.session.trainer.epoch),
      speed: Autoplay.animationSpeed)
    return autoplayTick(&state)
  }

  static func finishAnimation(_ state: inout AppState, startEpoch: Int, interrupted: Bool) {
    state.autoplay = nil
    let t = state.session.trainer
    let done = t.epoch - startEpoch
    var line =
      "\(interrupted ? "stopped after" : "trained") \(done) epoch\(done == 1 ? "" : "s") (now at epoch \(t.epoch))"
    if let last = t.losses.last {
      line += ": mean E = \(NumberFormat.format(last, digits: state.session.digits))"
    }
    state.log([line] + (t.divergence.map { [$0.description] } ?? []), kind: .output)
  }

  /// Stops autoplay (a command was given); an animation reports where it got to.
  static func stopAutoplay(_ state: inout AppState) {
    guard let play = state.autoplay else { return }
    if case .epochs(_, _, let start) = play.work {
      finishAnimation(&state, startEpoch: start, interrupted: true)
    } else {
      state.autoplay = nil
      state.log(["autoplay stopped"], kind: .output)
    }
  }

  /// The keys that steer autoplay while it runs: space pauses and resumes, + and - change the
  /// speed. Nil: the key is not for autoplay (and stops it if it runs a command).
  static func autoplayKey(_ key: Key, _ state: inout AppState) -> AppEffect? {
    guard var play = state.autoplay, !state.isEditing, state.overlay == nil else { return nil }
    switch key {
    case .character(" "):
      play.isPaused.toggle()
      state.autoplay = play
      state.notice = play.isPaused ? "paused: space resumes" : nil
    case .character("+"), .character("="):
      play.speed = min(Autoplay.speeds.upperBound, play.speed * 2)
      state.autoplay = play
      state.notice = "\(NumberFormat.format(play.speed, digits: 3)) a second"
    case .character("-"), .character("_"):
      play.speed = max(Autoplay.speeds.lowerBound, play.speed / 2)
      state.autoplay = play
      state.notice = "\(NumberFormat.format(play.speed, digits: 3)) a second"
    case .character(":"), .character("/"), .tab, .backTab, .pageUp, .pageDown, .character("?"):
      // Looking around or starting to type does not stop the show; a command run does.
      return nil
    default:
      stopAutoplay(&state)
      return nil
    }
    return pendingTick(state)
  }

  // MARK: - Demo scripts

  /// Whether a line of a script is a caption (shown, not run).
  static func isCaption(_ line: String) -> Bool {
    line.trimmed().hasPrefix("#")
  }

  /// A script's text as the lines that matter: blank lines dropped, the rest trimmed.
  static func scriptLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.trimmed() }
      .filter { !$0.isEmpty }
  }

  /// Shows the captions from the demo's position up to its next command.
  static func showCaptions(_ state: inout AppState) {
    guard var demo = state.demo else { return }
    var captions: [String] = []
    while demo.next < demo.lines.count, isCaption(demo.lines[demo.next]) {
      let text = demo.lines[demo.next].drop { $0 == "#" || $0 == " " }
      captions.append("# " + text)
      demo.next += 1
    }
    state.demo = demo
    state.log(captions, kind: .command)
  }

  /// Space or n in a demo: runs the next command line, then shows the captions that follow.
  static func demoNext(_ state: inout AppState) -> AppEffect {
    guard var demo = state.demo else { return .none }
    showCaptions(&state)
    demo = state.demo!
    guard !demo.isFinished else {
      state.log(["end of demo \(demo.name) (p goes back)"], kind: .output)
      return .none
    }
    let index = demo.next
    demo.history.append(.init(line: index, session: state.session, plot: state.plot))
    demo.next += 1
    state.demo = demo
    let line = demo.lines[index]
    var effect = AppEffect.none
    if line.lowercased() != Command.pause.rawValue {
      effect = submit(line, &state).effect
    }
    showCaptions(&state)
    if state.demo?.isFinished == true {
      state.log(["end of demo \(demo.name) (p goes back)"], kind: .output)
    }
    return effect
  }

  /// p in a demo: takes back the last line run, with the state as it was before it.
  static func demoBack(_ state: inout AppState) {
    guard var demo = state.demo, let last = demo.history.popLast() else {
      state.notice = "at the start of the demo"
      return
    }
    state.session = last.session
    state.plot = last.plot
    demo.next = last.line
    state.demo = demo
    state.log(["(back before: \(demo.lines[last.line]))"], kind: .output)
  }

  /// The outcome of reading a demo script: in the interface it is stepped with keys; headless,
  /// its lines run at once, so a demo can be tried out before class.
  static func receiveDemo(
    _ name: String, _ outcome: Result<Data, FileError>, _ state: inout AppState
  ) -> LineResult {
    let data: Data
    switch outcome {
    case .success(let d): data = d
    case .failure(let error):
      let e = CommandError(
        column: 8, message: "cannot read \(name) (\(describe(error)))",
        expected: "a demo script: one command per line")
      return AppCommands.failure(e, line: "source \(name)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return AppCommands.failure(
        CommandError(column: 8, message: "\(name) is not UTF-8 text"), line: "source \(name)")
    }
    let lines = scriptLines(text)
    if !state.isInteractive {
      // Headless: run it all now, each line echoed, stopping at the first error. `source` is
      // one command, so a demo that fails changes nothing: the state goes back to before it.
      let before = state
      var out: [String] = []
      var effect = AppEffect.none
      for (k, line) in lines.enumerated() where !isCaption(line) {
        if line.lowercased() == Command.pause.rawValue { continue }
        // A demo that sources a demo (itself, perhaps) would never end, and its reads would
        // land after this one has answered: refused, like any failing line.
        let word = line.split(separator: " ").first.map(String.init) ?? ""
        var result =
          CommandSpec.named(word) == .source
          ? AppCommands.failure(
            CommandError(column: 1, message: "a demo script cannot `source` another"), line: line)
          : submit(line, &state, echo: false)
        let needsFiles = result.effect.fileTasks.contains {
          if case .recording = $0.purpose { false } else { true }
        }
        if !result.isError, needsFiles {
          // Run headless, the script is one command and its lines run inside it, so a file a
          // line asks for would arrive after the script has answered: refused, with what the
          // lines before did undone. In the interface each line is its own step and may.
          result = AppCommands.failure(
            CommandError(
              column: 1,
              message: "a demo run headless cannot read or write files (`\(word)`)",
              expected: "play it in the interface (`--demo FILE`), or run the line on its own"),
            line: line)
        }
        out.append("> " + line)
        out += result.lines
        effect = effect.then(result.effect)
        if result.isError {
          state = before
          out.append("\(name):\(k + 1): the demo stops here, and what it did is undone")
          return LineResult(lines: out, isError: true, json: "", effect: .none)
        }
      }
      return LineResult(
        lines: out, isError: false, json: AppCommands.ok("source", out), effect: effect)
    }
    let commands = lines.filter { !isCaption($0) }.count
    state.demo = DemoScript(name: name, lines: lines)
    state.screen = state.screen == .lesson ? .lesson : .freePlay
    state.log(
      ["demo \(name): \(commands) steps; space or n runs the next, p goes back"], kind: .output)
    showCaptions(&state)
    return LineResult(lines: [], isError: false, json: "", effect: .none, logs: false)
  }

  static func describe(_ error: FileError) -> String {
    switch error {
    case .outsideFolder: return "outside the folder allowed"
    case .cannotRead: return "no such file, or it cannot be read"
    case .cannotCreateFolder(let f): return "cannot create the folder \(f)"
    case .cannotCreate(let f): return "cannot create \(f)"
    case .cannotReplace(let reason): return reason
    }
  }

  // MARK: - Recording

  /// After a command ran: adds it to the recording and writes the script out.
  static func record(_ line: String, result: LineResult, _ state: inout AppState) -> AppEffect {
    guard state.recording != nil, !result.isError else { return .none }
    let trimmed = line.trimmed()
    let first = trimmed.split(separator: " ").first.map(String.init) ?? ""
    if let command = CommandSpec.named(first),
      [.record, .source, .quit, .screen].contains(command)
    {
      return .none
    }
    state.recording!.lines.append(trimmed)
    return ClassroomCommands.writeRecording(state)
  }
}
