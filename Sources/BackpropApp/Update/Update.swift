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
      return pendingTick(state)
    case .tick:
      return state.job != nil ? runJobSlice(&state) : autoplayTick(&state)
    case .jobSliceTook(let duration):
      adaptPace(duration, &state)
      return .none
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
      if let effect = autoplayKey(key, &state) { return effect }
      return handleKey(key, &state).then(pendingTick(state))
    }
  }

  /// Runs a line of the command language from the command line, a script or a lesson.
  @discardableResult
  public static func submit(_ line: String, _ state: inout AppState, echo: Bool = true)
    -> LineResult
  {
    state.completions = []
    state.notice = nil
    let first = line.split(separator: " ").first.flatMap { CommandSpec.named(String($0)) }
    // Any command stops autoplay, except `play` itself (which sets a new speed).
    if first != .play && first != .baseline { stopAutoplay(&state) }
    // The command goes in the output before anything it prints (a training job may finish and
    // report inside `run`).
    if echo && !line.trimmingCharacters(in: " ").isEmpty {
      state.log(["> " + line], kind: .command)
    }
    var result = AppCommands.run(line, &state)
    if result.logs { state.log(result.lines, kind: result.isError ? .error : .output) }
    if result.isError { state.notice = result.lines.first }
    result.effect = result.effect.then(record(line, result: result, &state))
    return result
  }

  // MARK: - Keys

  static func handleKey(_ key: Key, _ state: inout AppState) -> AppEffect {
    if let overlay = state.overlay {
      switch overlay {
      case .help:
        // The help scrolls with the page keys; any other key closes it.
        if let motion = pageMotion(key) ?? arrowMotion(key) {
          state.helpScroll = HelpOverlay.viewport(state).scrolled(motion)
          return .none
        }
        state.overlay = nil
        state.helpScroll = 0
      case .confirmQuit:
        if key == .character("y") || key == .character("Y") { return .quit }
        state.overlay = nil
      }
      return .none
    }
    if key == .control("c") {
      if state.isEditing && !state.editor.isEmpty {
        state.editor.clear()
        return .none
      }
      return requestQuit(&state)
    }
    if case .start(let selected) = state.screen, !state.isEditing {
      return startScreenKey(key, selected: selected, &state)
    }
    // PgUp/PgDn scroll the focused pane even while a line is typed: the line editor has no use
    // for them, and a student answering a question may need to read back.
    if let motion = pageMotion(key) {
      scroll(state.focusedPane, motion, &state)
      return .none
    }
    if state.isEditing || (state.screen == .lesson && state.lessons.capturesKeys) {
      return editingKey(key, &state)
    }
    return shortcutKey(key, &state)
  }

  static func pageMotion(_ key: Key) -> Viewport.Motion? {
    switch key {
    case .pageUp: return .pageUp
    case .pageDown: return .pageDown
    default: return nil
    }
  }

  static func arrowMotion(_ key: Key) -> Viewport.Motion? {
    switch key {
    case .up: return .lineUp
    case .down: return .lineDown
    case .home: return .home
    case .end: return .end
    default: return nil
    }
  }

  /// Scrolls a pane, by the same viewport its view draws with, in the rectangle the layout
  /// gives it now.
  static func scroll(_ pane: PaneID, _ motion: Viewport.Motion, _ state: inout AppState) {
    guard let rect = state.layout[pane]?.inner else { return }
    switch pane {
    case .lesson:
      let rows = LessonPane.rows(state, width: rect.width).count
      let view = LessonPane.viewport(state, rows: rows, height: rect.height)
      state.scroll[.lesson] = view.scrolled(motion)
    case .values:
      state.scroll[.values] = ValuesPane.viewport(state, width: rect.width, height: rect.height)
        .scrolled(motion)
    case .output:
      // The output's position counts rows up from the newest.
      let offset = state.scroll[.output] ?? 0
      let step = max(1, rect.height - 1)
      let target: Int
      switch motion {
      case .pageUp: target = offset + step
      case .lineUp: target = offset + 1
      case .pageDown: target = offset - step
      case .lineDown: target = offset - 1
      case .home: target = Int.max / 2
      case .end: target = 0
      }
      let limited =
        target <= offset
        ? max(0, target)
        : OutputPane.maxOffset(
          state, width: rect.width, height: rect.height,
          limit: min(target, AppState.scrollback * 4))
      state.scroll[.output] = limited == 0 ? nil : limited
    case .plot where state.plot.kind == .matrix:
      state.scroll[.plot] = PlotPane.matrixViewport(state, height: rect.height).scrolled(motion)
    case .network, .equation, .plot:
      state.notice = "the \(pane.rawValue) pane does not scroll; Z lets it fill the screen"
    }
  }

  /// ←/→ in a pane whose lines are shown as written (lesson displays, output tables and plots).
  static func scrollSideways(_ pane: PaneID, right: Bool, _ state: inout AppState) {
    guard pane == .lesson || pane == .output || (pane == .plot && state.plot.kind == .matrix)
    else { return }
    let current = state.horizontalScroll[pane] ?? 0
    // Right only while something is cut off on the right (a view that fits never moves).
    if right, let rect = state.layout[pane] {
      let body = Views.body(of: pane, state, width: rect.inner.width, height: rect.inner.height)
      guard body.hasMoreRight else { return }
    }
    let next = right ? current + 8 : max(0, current - 8)
    state.horizontalScroll[pane] = next == 0 ? nil : min(next, 4_000)
  }

  /// Tab and Shift-Tab: the next or previous pane on screen takes the focus.
  static func cycleFocus(forward: Bool, _ state: inout AppState) {
    let order = state.layout.order
    guard !order.isEmpty else { return }
    let current = order.firstIndex(of: state.focusedPane) ?? 0
    state.focus = order[(current + (forward ? 1 : order.count - 1)) % order.count]
  }

  /// Z, `zoom PANE`, `zoom off`: one pane fills the screen, or the layout comes back. The
  /// zoomed pane keeps the focus.
  static func zoom(_ pane: PaneID?, _ state: inout AppState) {
    state.zoomed = pane
    if let pane { state.focus = pane }
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
        // The lesson file is read at the edge and the lesson opens when it comes back.
        return submit(.lesson, arguments: "\(selected + 1)", &state).effect
      }
    case .character("f"): state.screen = .freePlay
    case .character("?"): state.overlay = .help
    case .character(":"), .character("/"): state.isEditing = true
    case .character("q"): return .quit
    // Escape goes back and never quits; the menu is as far back as there is.
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
      let effect = submit(line, &state).effect
      // A command typed on the menu that does not open a lesson shows its answer in free play.
      if case .start = state.screen, effect != .quit { state.screen = .freePlay }
      return effect
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

  /// Whether the lesson pane, as drawn now, has unread rows below.
  static func lessonHasMoreBelow(_ state: AppState) -> Bool {
    guard let rect = state.layout[.lesson]?.inner else { return false }
    let rows = LessonPane.rows(state, width: rect.width).count
    return LessonPane.viewport(state, rows: rows, height: rect.height).below > 0
  }

  static func shortcutKey(_ key: Key, _ state: inout AppState) -> AppEffect {
    let inLesson = state.screen == .lesson
    switch key {
    case .character(" ") where state.demo != nil && !inLesson,
      .character("n") where state.demo != nil && !inLesson:
      return demoNext(&state)
    case .character("p") where state.demo != nil && !inLesson:
      demoBack(&state)
    case .character(" "), .character("n"):
      if inLesson, lessonHasMoreBelow(state) {
        // Read the page to its end before turning it.
        scroll(.lesson, .pageDown, &state)
        return .none
      }
      return submit(inLesson ? .next : .step, &state, echo: false).effect
    case .tab: cycleFocus(forward: true, &state)
    case .backTab: cycleFocus(forward: false, &state)
    case .character("Z"): zoom(state.zoomed == nil ? state.focusedPane : nil, &state)
    case .home: scroll(state.focusedPane, .home, &state)
    case .end: scroll(state.focusedPane, .end, &state)
    case .left: scrollSideways(state.focusedPane, right: false, &state)
    case .right: scrollSideways(state.focusedPane, right: true, &state)
    // Escape goes back (out of zoom) and never quits: an Alt chord or a stray sequence starts
    // with it, and losing the session to one would be harsh.
    case .escape where state.zoomed != nil: zoom(nil, &state)
    case .escape: state.notice = "Esc: nothing to close here; q quits, m opens the menu"
    case .character("s"): return submit(.step, &state, echo: false).effect
    case .character("f"): return submit(.forward, &state, echo: false).effect
    case .character("b"): return submit(.backward, &state, echo: false).effect
    case .character("u"): return submit(.update, &state, echo: false).effect
    case .character("e"): return submit(.epoch, &state, echo: false).effect
    case .character("z"): return submit(.undo, &state, echo: false).effect
    case .character("y"): return submit(.redo, &state, echo: false).effect
    case .character("p") where inLesson: return submit(.previous, &state, echo: false).effect
    case .character("h") where inLesson: return submit(.hint, &state, echo: false).effect
    case .character("t"): return submit(.train, arguments: "100", &state).effect
    case .character("?"), .function(1): state.overlay = .help
    case .character("q"): return requestQuit(&state)
    case .character("m"):
      return LessonController.showMenu(&state)
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
    let t = state.session.trainer
    state.job = AppState.TrainingJob(
      remaining: epochs, total: epochs, startEpoch: t.epoch,
      errorBefore: t.network.meanError(on: t.samples), testBefore: t.testError)
    return runJobSlice(&state, first: true)
  }

  static func runJobSlice(_ state: inout AppState, first: Bool = false) -> AppEffect {
    guard var job = state.job else { return .none }
    if job.kind != nil { return runStepSlice(&state, first: first) }
    if job.check != nil { return runGradcheckSlice(&state) }
    let trainer = state.session.trainer
    let samples = max(1, trainer.samples.count)
    let weights = max(1, trainer.network.weights.count)
    let work = sliceSize(trainingSliceWork, job)
    let before = trainer.epoch
    let result: Result<Void, CommandError>
    if work >= samples * weights {
      let chunk = max(1, min(job.remaining, work / (samples * weights)))
      result = state.session.trainSlice(epochs: chunk, first: first)
    } else {
      // One epoch is more than a slice: a slice of samples, so that a key still stops the job
      // at once, never past the job's last epoch boundary.
      let toLastBoundary = (job.remaining - 1) * samples + (samples - trainer.position.sample)
      let chunk = max(1, min(toLastBoundary, work / weights))
      result = state.session.trainSlice(sampleSteps: chunk, first: first)
    }
    let after = state.session.trainer
    let sampleSteps =
      (after.epoch - before) * samples + after.position.sample - trainer.position.sample
    job.lastSliceShare = Double(max(1, sampleSteps) * weights) / Double(max(1, work))
    switch result {
    case .success where after.epoch == before && after.position == trainer.position:
      // Nothing could be trained (no slice ever does nothing otherwise): stop rather than spin.
      job.remaining = 0
    case .success:
      job.remaining -= after.epoch - before
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
    if let check = job.check {
      stopGradcheckJob(check, &state, interrupted: interrupted)
      return
    }
    if let kind = job.kind {
      state.log(
        [stepJobReport(kind, interrupted: interrupted)] + state.session.statusLines, kind: .output)
      state.job = nil
      return
    }
    let t = state.session.trainer
    let errorAfter = t.network.meanError(on: t.samples)
    let line = TrainingReport(
      epochs: t.epoch - job.startEpoch, epoch: t.epoch, errorBefore: job.errorBefore ?? errorAfter,
      errorAfter: errorAfter, testBefore: job.testBefore, testAfter: t.testError
    ).line(digits: state.session.digits, interrupted: interrupted)
    state.log([line] + (t.divergence.map { [$0.description] } ?? []), kind: .output)
    state.job = nil
  }
}
