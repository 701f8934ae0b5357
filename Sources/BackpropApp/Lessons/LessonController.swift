import FoundationEssentials
import BackpropCommands
import BackpropLessons

/// The lesson commands (lesson, next, previous, answer, hint, skip, progress) and the lines a
/// student types while a lesson is open.
enum LessonController {
  static func command(_ command: Command, _ args: [Token], line: String, _ state: inout AppState)
    throws(CommandError) -> LineResult
  {
    switch command {
    case .lesson:
      return try lesson(args, &state)
    case .progress:
      if let t = args.first {
        guard t.text.lowercased() == "reset" else {
          throw CommandError(
            column: t.column, message: "unexpected `\(t.text)`", expected: "nothing, or `reset`")
        }
        if let saved = state.lessons.savedProgress {
          throw CommandError(
            column: t.column, message: "a headless run does not change \(saved.path)",
            expected: "`progress reset` in the TUI")
        }
        let operations = state.lessons.store.reset()
        state.lessons.refreshCatalog()
        var result = AppCommands.success(command.rawValue, ["lesson progress forgotten"])
        result.effect = progressEffect(operations)
        return result
      }
      if let saved = state.lessons.savedProgress {
        return AppCommands.success(command.rawValue, savedProgressLines(saved, state))
      }
      return AppCommands.success(command.rawValue, catalogLines(state))
    case .next, .previous, .repeat, .answer, .hint, .skip:
      guard state.lessons.runner != nil else {
        throw CommandError(
          column: 1, message: "no lesson is open",
          expected: "`lesson N` to open one (`lesson` lists them)")
      }
      return handle(
        LessonInput.parse(line, waitingFor: state.lessons.waitingQuestion),
        command: command, &state)
    case .network, .example, .data, .sample, .set, .mode, .randomize, .step, .finish, .forward,
      .backward, .update, .epoch, .train, .restart, .undo, .back, .redo, .show, .get, .explain,
      .gradcheck, .count, .save, .load, .export, .source, .record, .pause, .plot, .screen, .zoom,
      .present, .play, .baseline, .help, .quit:
      throw CommandError(column: 1, message: "`\(command.rawValue)` is not a lesson command")
    }
  }

  /// A line typed while a lesson is open: lesson words steer it, anything else is an answer
  /// (when a question waits) or a command to explore with.
  static func answer(_ line: String, _ state: inout AppState) -> LineResult {
    handle(
      LessonInput.parse(line, waitingFor: state.lessons.waitingQuestion),
      command: .answer, &state)
  }

  static func handle(_ input: LessonInput, command: Command, _ state: inout AppState)
    -> LineResult
  {
    guard var runner = state.lessons.runner else {
      return AppCommands.failure(
        CommandError(column: 1, message: "no lesson is open"), line: command.rawValue)
    }
    let rowsBefore = state.layout[.lesson].map { LessonPane.rows(state, width: $0.inner.width) }
    // A command typed while a question waits must not answer it (`Withheld`).
    let withheld: Set<QuantityName>
    if case .command = input {
      withheld = ValuesPane.hiddenQuantities(state)
    } else {
      withheld = []
    }
    state.lessons.runner = nil
    var host = AppLessonHost(state)
    host.session.withheld = withheld
    let before = runner.lines.count
    let visits = runner.pageVisits
    runner.handle(input, host: &host)
    host.session.withheld = []
    let files = host.apply(to: &state)
    let shown = runner.pageVisits == visits ? Array(runner.lines.dropFirst(before)) : runner.lines
    // Exploring after Esc keeps the keys as shortcuts; anything else brings the answer line back.
    if case .command = input {} else { state.lessons.answerLineDismissed = false }
    // The latest feedback also goes to the status line, so it stays in view when the page
    // scrolls on to the next question.
    let marks: [LessonLine.Kind: String] = [
      .right: "✓ ", .wrong: "✗ ", .hint: "Hint: ", .answer: "→ ", .error: "error: ",
    ]
    if let feedback = shown.last(where: { marks[$0.kind] != nil }) {
      state.notice = marks[feedback.kind]! + feedback.text
    }
    state.lessons.runner = runner
    scrollToWhatIsNew(&state, newPage: runner.pageVisits != visits, rowsBefore: rowsBefore?.count)
    var result = AppCommands.success(command.rawValue, shown.map(\.text))
    result.effect = files.then(save(&state))
    return result
  }

  static func lesson(_ args: [Token], _ state: inout AppState) throws(CommandError) -> LineResult {
    guard let t = args.first, t.text.lowercased() != "list" else {
      return AppCommands.success(Command.lesson.rawValue, catalogLines(state))
    }
    if ["quit", "leave", "close", "menu"].contains(t.text.lowercased()) {
      let saving = save(&state)
      state.lessons.runner = nil
      let reread = showMenu(&state)
      var result = AppCommands.success(
        Command.lesson.rawValue, ["left the lesson; your place is saved"])
      result.effect = saving.then(reread)
      return result
    }
    let key = args.map(\.text).joined(separator: " ")
    let library = LessonLibrary(directory: "", entries: state.lessons.entries)
    guard let entry = library.entry(matching: key) else {
      throw CommandError(
        column: t.column, message: "no lesson `\(key)`",
        expected: state.lessons.entries.isEmpty
          ? "a course folder (--lessons DIR)"
          : "a lesson number from 1 to \(state.lessons.entries.count), or `lesson` for the list")
    }
    guard let lesson = entry.lesson else {
      if !entry.isValid {
        return LessonErrorPage.show(entry, entry.diagnostics, line: "lesson \(key)", &state)
      }
      // Not parsed yet (start-up reads only titles): read it at the edge, open it when it comes
      // back (`App.receive`, then `opened`).
      let task = FileTask(
        .read(path: entry.path), for: .openLesson(fileName: entry.fileName, line: "lesson \(key)"))
      return LineResult(lines: [], isError: false, json: "", effect: .file(task), logs: false)
    }
    return open(entry, lesson, &state)
  }

  /// The file of a lesson being opened has been read: parse it, keep it, and open it.
  static func opened(
    _ fileName: String, _ outcome: Result<Data, FileError>, line: String, _ state: inout AppState
  ) -> LineResult {
    guard let k = state.lessons.entries.firstIndex(where: { $0.fileName == fileName }) else {
      return AppCommands.failure(
        CommandError(column: 1, message: "no lesson `\(fileName)`"), line: line)
    }
    let entry = state.lessons.entries[k]
    let lesson: Lesson
    do throws(LessonParseFailure) {
      switch outcome {
      case .success(let data): lesson = try entry.parse(data)
      case .failure(let error):
        throw LessonParseFailure(diagnostics: [
          LessonDiagnostic(file: entry.path, line: 1, column: 1, message: "\(error)")
        ])
      }
    } catch {
      state.lessons.entries[k].diagnostics = error.diagnostics
      state.lessons.refreshCatalog()
      return LessonErrorPage.show(entry, error.diagnostics, line: line, &state)
    }
    state.lessons.entries[k].lesson = lesson
    return open(state.lessons.entries[k], lesson, &state)
  }

  /// Opens a parsed lesson: where the student left it, or at its start.
  static func open(_ entry: LessonEntry, _ lesson: Lesson, _ state: inout AppState) -> LineResult {
    var runner = LessonRunner<AppLessonHost>(lesson: lesson)
    runner.endNote = endNote(after: entry, state)
    // A plot belongs to the lesson that showed it: each lesson starts without one.
    state.plot = PlotSettings()
    var host = AppLessonHost(state)
    var lines: [String] = []
    if let progress = state.lessons.store.progress(for: lesson.fileName), !progress.completed {
      if let warning = runner.resume(from: progress, host: &host) { lines.append(warning) }
    } else {
      runner.start(host: &host)
    }
    let files = host.apply(to: &state)
    state.lessons.runner = runner
    state.lessons.errorPage = []
    state.scroll[.lesson] = nil
    state.horizontalScroll[.lesson] = nil
    state.lessons.followsEnd = false
    // A question waiting where the student left it takes the answer line again, even if they
    // had put it aside with Esc before leaving.
    state.lessons.answerLineDismissed = false
    state.lessons.activeFileName = lesson.fileName
    state.screen = .lesson
    state.isEditing = false
    var result = AppCommands.success(
      Command.lesson.rawValue,
      ["\(lesson.title) (\(lesson.section))"] + lines + runner.lines.map(\.text))
    result.effect = files.then(save(&state))
    return result
  }

  /// A new page shows its top. Anything done on a page (an answer, a hint, a command) shows what
  /// it added: the end of the page when that fits, else the first new row at the top.
  static func scrollToWhatIsNew(_ state: inout AppState, newPage: Bool, rowsBefore: Int?) {
    state.scroll[.lesson] = nil
    state.lessons.followsEnd = !newPage
    if newPage {
      state.horizontalScroll[.lesson] = nil
      return
    }
    guard let rowsBefore, let rect = state.layout[.lesson]?.inner else { return }
    let total = LessonPane.rows(state, width: rect.width).count
    if total - rowsBefore > rect.height { state.scroll[.lesson] = rowsBefore }
  }

  /// What `next` says at the end of a lesson: the next lesson and how to open it.
  static func endNote(after entry: LessonEntry, _ state: AppState) -> String {
    let entries = state.lessons.entries
    guard let k = entries.firstIndex(where: { $0.path == entry.path }), k + 1 < entries.count
    else {
      return
        "This is the end of the course. Press m for the lesson menu; `previous` goes back a page."
    }
    let following = entries[k + 1]
    return
      "This is the end of the lesson. Next: `lesson \(k + 2)` opens “\(following.title)”; m opens the lesson menu; `previous` goes back a page."
  }

  /// Records where the student is, stamped with the edges' time, and answers the writes that
  /// save it.
  static func save(_ state: inout AppState) -> AppEffect {
    guard let runner = state.lessons.runner, let file = state.lessons.activeFileName else {
      return .none
    }
    let operations = state.lessons.store.record(
      runner.progress, for: file, at: state.lessons.now)
    state.lessons.refreshCatalog()
    let warnings = state.lessons.store.takeWarnings()
    if !warnings.isEmpty { state.notice = warnings.joined(separator: "; ") }
    return progressEffect(operations)
  }

  static func progressEffect(_ operations: [FileOperation]) -> AppEffect {
    .sequence(operations.map { .file(FileTask($0, for: .progress)) })
  }

  /// The lesson menu is shown again: read the progress file for what another instance saved
  /// meanwhile (after this instance's own saves, which come first in the effects).
  static func showMenu(_ state: inout AppState) -> AppEffect {
    state.screen = .start(selected: 0)
    // The lesson's last message belongs to the lesson; the menu shows its own keys.
    state.notice = nil
    guard let read = state.lessons.store.rereadOperation else { return .none }
    return .file(FileTask(read, for: .progressReread))
  }

  /// Headless `progress`: the file, then each lesson of the course and any other lesson the
  /// file remembers.
  static func savedProgressLines(_ saved: SavedProgress, _ state: AppState) -> [String] {
    var lines = ["progress file: \(saved.path)"]
    if !saved.exists {
      lines[0] += " (none yet: no lesson has been taken in the TUI)"
    } else if let problem = saved.problem {
      lines[0] += " (cannot be read: \(problem))"
    }
    let names = state.lessons.entries.map(\.fileName)
    for (k, entry) in state.lessons.entries.enumerated() {
      lines.append(
        "\(k + 1). \(entry.title) — \(entry.fileName): \(saved.status(of: entry.fileName))")
    }
    for name in saved.lessons.keys.sorted() where !names.contains(name) {
      lines.append("\(name) (not in this course): \(saved.status(of: name))")
    }
    lines.append("headless runs read this file and never write it")
    return lines
  }

  static func catalogLines(_ state: AppState) -> [String] {
    if state.lessons.catalog.isEmpty { return ["no lessons found (use --lessons DIR)"] }
    return state.lessons.catalog.enumerated().map { k, e in
      "\(k + 1). \(e.title) — \(e.section) (\(e.progress))"
    }
  }
}
