import BackpropCommands
import BackpropEngine
import TextGrid

/// The app's one state transition: `update(&state, message)`. Pure apart from `state` itself;
/// anything for the outside world comes back as an `AppEffect`.
public enum App {
  /// Work per tick of a training job, in weight-updates (samples × weights per epoch): a few
  /// milliseconds on this machine, so a key interrupts at once and the screen shows progress.
  static let trainingSliceWork = 2_000_000

  public static func update(_ state: inout AppState, _ message: AppMessage) -> AppEffect {
    switch message {
    case .resize(let w, let h):
      state.width = w
      state.height = h
      return state.job == nil ? .none : .tick(milliseconds: 0)
    case .tick:
      return runJobSlice(&state)
    case .fileDone(let task, let outcome):
      return receive(task, outcome, &state).effect
    case .submit(let line):
      return submit(line, &state).effect
    case .key(let key):
      if state.job != nil {
        // Any key interrupts training; the state reached is kept.
        stopJob(&state, interrupted: true)
        return .none
      }
      return handleKey(key, &state)
    }
  }

  /// Runs a line of the command language from the command line, a script or a lesson.
  @discardableResult
  public static func submit(_ line: String, _ state: inout AppState, echo: Bool = true)
    -> LineResult
  {
    state.completions = []
    state.notice = nil
    let result = AppCommands.run(line, &state)
    if echo && !line.trimmingCharacters(in: " ").isEmpty {
      state.log(["> " + line], kind: .command)
    }
    if result.logs { state.log(result.lines, kind: result.isError ? .error : .output) }
    if result.isError { state.notice = result.lines.first }
    return result
  }

  // MARK: - Keys

  static func handleKey(_ key: Key, _ state: inout AppState) -> AppEffect {
    if let overlay = state.overlay {
      switch overlay {
      case .help:
        state.overlay = nil
      case .confirmQuit:
        if key == .character("y") || key == .character("Y") { return .quit }
        state.overlay = nil
      }
      return .none
    }
    if state.screen == .lesson, key == .pageDown || key == .pageUp {
      scrollLesson(down: key == .pageDown, &state)
      return .none
    }
    if key == .control("c") {
      if state.isEditing && !state.editor.isEmpty {
        state.editor.clear()
        return .none
      }
      return requestQuit(&state)
    }
    if case .start(let selected) = state.screen {
      return startScreenKey(key, selected: selected, &state)
    }
    if state.isEditing || (state.screen == .lesson && state.lessons.capturesKeys) {
      return editingKey(key, &state)
    }
    return shortcutKey(key, &state)
  }

  /// PgUp/PgDn in the lesson pane, by most of a pane's height.
  static func scrollLesson(down: Bool, _ state: inout AppState) {
    let paneHeight = max(3, (state.height - 3) * 42 / 100 - 2)
    let rows = LessonPane.rows(state, width: max(10, state.width - 4)).count
    let maxStart = max(0, rows - paneHeight)
    let current = state.lessons.scroll ?? (state.lessons.isWaitingForTypedAnswer ? maxStart : 0)
    let step = max(1, paneHeight - 2)
    state.lessons.scroll = min(maxStart, max(0, current + (down ? step : -step)))
  }

  static func requestQuit(_ state: inout AppState) -> AppEffect {
    if state.lessons.hasUnfinishedLesson && state.screen == .lesson {
      state.overlay = .confirmQuit
      return .none
    }
    return .quit
  }

  static func startScreenKey(_ key: Key, selected: Int, _ state: inout AppState) -> AppEffect {
    let count = state.lessons.catalog.count + 1
    switch key {
    case .up, .character("k"): state.screen = .start(selected: (selected + count - 1) % count)
    case .down, .character("j"), .tab: state.screen = .start(selected: (selected + 1) % count)
    case .home: state.screen = .start(selected: 0)
    case .end: state.screen = .start(selected: count - 1)
    case .enter, .character(" "):
      if selected == count - 1 {
        state.screen = .freePlay
      } else {
        submit("lesson \(selected + 1)", &state)
      }
    case .character("f"): state.screen = .freePlay
    case .character("?"): state.overlay = .help
    case .character("q"), .escape: return .quit
    default: break
    }
    return .none
  }

  static func editingKey(_ key: Key, _ state: inout AppState) -> AppEffect {
    switch key {
    case .enter:
      let line = state.editor.submit()
      state.isEditing = false
      if line.trimmingCharacters(in: " ").isEmpty { return .none }
      return submit(line, &state).effect
    case .escape:
      state.editor.clear()
      state.isEditing = false
      state.completions = []
      if state.lessons.isWaitingForTypedAnswer { state.lessons.answerLineDismissed = true }
    case .backspace: state.editor.backspace()
    case .delete: state.editor.delete()
    case .left: state.editor.left()
    case .right: state.editor.right()
    case .home, .control("a"): state.editor.home()
    case .end, .control("e"): state.editor.end()
    case .control("u"): state.editor.killToStart()
    case .up: state.editor.historyUp()
    case .down: state.editor.historyDown()
    case .tab: state.completions = state.editor.complete(from: completionCandidates(state))
    case .character(let c): state.editor.insert(c)
    default: break
    }
    return .none
  }

  /// Command names first; then quantity names, example and dataset names and keywords.
  static func completionCandidates(_ state: AppState) -> [String] {
    if state.editor.isCompletingCommand { return CommandSpec.all.map(\.name) }
    var names = state.session.trainer.network.allParameters.map(\.name)
    let shape = state.session.trainer.network.shape
    for j in shape.firstNeuron[1]...shape.neuronCount {
      names += ["net_\(j)", "o_\(j)", "δ_\(j)", "delta_\(j)"]
    }
    names += (1...shape.inputCount).map { "x_\($0)" }
    names += shape.neurons(inLayer: shape.outputLayer).map { "t_\($0)" }
    names += [
      "eta", "E", "digits", "values", "neurons", "weights", "data", "network", "surface",
      "parabola", "loss", "log", "off", "clear",
    ]
    names +=
      Example.all.map(\.name) + Activation.allCases.map(\.rawValue) + [
        "online", "batch", "history", "next", "last",
      ]
    return names
  }

  static func shortcutKey(_ key: Key, _ state: inout AppState) -> AppEffect {
    let inLesson = state.screen == .lesson
    switch key {
    case .character(" "), .character("n"):
      return submit(inLesson ? "next" : "step", &state, echo: false).effect
    case .character("s"): return submit("step", &state, echo: false).effect
    case .character("f"): return submit("forward", &state, echo: false).effect
    case .character("b"): return submit("backward", &state, echo: false).effect
    case .character("u"): return submit("update", &state, echo: false).effect
    case .character("e"): return submit("epoch", &state, echo: false).effect
    case .character("z"): return submit("undo", &state, echo: false).effect
    case .character("y"): return submit("redo", &state, echo: false).effect
    case .character("p") where inLesson: return submit("previous", &state, echo: false).effect
    case .character("h") where inLesson: return submit("hint", &state, echo: false).effect
    case .character("t"): return submit("train 100", &state).effect
    case .character("?"), .function(1): state.overlay = .help
    case .character("q"), .escape: return requestQuit(&state)
    case .character("m"):
      state.screen = .start(selected: 0)
    case .character(":"), .character("/"), .enter:
      state.isEditing = true
    case .up: state.editor.historyUp(); state.isEditing = true
    case .character(let c):
      // Any other key starts typing a command.
      state.isEditing = true
      state.editor.insert(c)
    default: break
    }
    return .none
  }

  // MARK: - Training jobs

  /// Starts `train N` as a job of slices (TUI only), so the screen shows progress.
  static func startJob(epochs: Int, _ state: inout AppState) -> AppEffect {
    state.job = AppState.TrainingJob(
      remaining: epochs, total: epochs, startEpoch: state.session.trainer.epoch)
    return runJobSlice(&state, first: true)
  }

  static func runJobSlice(_ state: inout AppState, first: Bool = false) -> AppEffect {
    guard var job = state.job else { return .none }
    let samples = max(1, state.session.trainer.samples.count)
    let weights = max(1, state.session.trainer.network.weights.count)
    let perEpoch = samples * weights
    let chunk = max(1, min(job.remaining, trainingSliceWork / perEpoch))
    let before = state.session.trainer.epoch
    switch state.session.execute("train \(chunk)", mergingWithPrevious: !first) {
    case .success:
      job.remaining -= max(1, state.session.trainer.epoch - before)
    case .failure(let e):
      state.log([e.message], kind: .error)
      job.remaining = 0
    }
    if state.session.trainer.divergence != nil { job.remaining = 0 }
    state.job = job
    if job.remaining <= 0 {
      stopJob(&state, interrupted: false)
      return .none
    }
    return .tick(milliseconds: 0)
  }

  static func stopJob(_ state: inout AppState, interrupted: Bool) {
    guard let job = state.job else { return }
    let t = state.session.trainer
    let done = t.epoch - job.startEpoch
    var line =
      "\(interrupted ? "interrupted after" : "trained") \(done) epoch\(done == 1 ? "" : "s") (now at epoch \(t.epoch))"
    if let last = t.lossHistory.last {
      line += ": mean E = \(NumberFormat.format(last, digits: state.session.digits))"
    }
    state.log([line] + (t.divergence.map { [$0.description] } ?? []), kind: .output)
    state.job = nil
  }
}
