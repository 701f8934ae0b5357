import BackpropCommands
import FoundationEssentials
import BackpropLessons

/// What a lesson runs its commands on inside the app: the session (so the diagram and tables
/// follow the lesson) and the plot settings (so `plot surface` in a lesson shows the plot).
///
/// A lesson runs a page in one go and cannot wait for the disk, so its files are handled
/// without it: a `save` answers at once and leaves its write in `fileTasks` for the edge (a
/// failure is reported afterwards), and keeps the bytes in `savedFiles`; a `load` reads from
/// `savedFiles`, i.e. a lesson in the app loads the networks it saved during this run.
struct AppLessonHost: LessonHost {
  struct Snapshot {
    var session: Session
    var plot: PlotSettings
  }

  var session: Session
  var plot: PlotSettings
  var savedFiles: [String: Data]
  /// The writes asked for by the lesson's commands, for the edge.
  var fileTasks: [FileTask] = []

  init(_ state: AppState) {
    session = state.session
    plot = state.plot
    savedFiles = state.lessons.savedFiles
  }

  /// Puts the host's changes back into the app state, and answers the file writes to make.
  func apply(to state: inout AppState) -> AppEffect {
    state.session = session
    state.plot = plot
    state.lessons.savedFiles = savedFiles
    return .sequence(fileTasks.map(AppEffect.file))
  }

  /// A session command, with its file (if any) dealt with as the type's comment says.
  mutating func runSession(_ line: String) -> Result<CommandOutput, CommandError> {
    let result = session.execute(line)
    guard case .success(let output) = result, let request = output.file else { return result }
    switch request.operation {
    case .write(let path, let contents, _, _):
      savedFiles[path] = contents
      fileTasks.append(FileTask(request.operation, for: .lessonSave(request)))
      return session.complete(request, with: .success(Data()))
    default:
      let known = savedFiles[request.operation.path]
      return session.complete(request, with: known.map { .success($0) } ?? .failure(.cannotRead))
    }
  }

  mutating func runCommand(_ line: String) -> Result<CommandOutput, CommandError> {
    do throws(CommandError) {
      let tokens = try Tokenizer.tokenize(line)
      guard let first = tokens.first, let command = CommandSpec.named(first.text) else {
        return runSession(line)
      }
      switch command {
      case .plot:
        var scratch = AppState(session: session, startScreen: false)
        scratch.plot = plot
        scratch.isInteractive = true
        let lines = try PlotCommand.run(Array(tokens.dropFirst()), lineLength: line.count, &scratch)
        plot = scratch.plot
        return .success(CommandOutput(lines: lines))
      case .screen:
        return .success(CommandOutput())
      case .network, .example, .data, .sample, .set, .mode, .randomize, .step, .finish, .forward,
        .backward, .update, .epoch, .train, .restart, .undo, .back, .redo, .show, .get, .explain,
        .gradcheck, .count, .save, .load, .export, .help:
        return runSession(line)
      case .source, .record, .pause, .present, .play, .baseline, .zoom, .lesson, .next, .previous,
        .answer, .repeat, .hint, .skip, .progress, .quit:
        throw CommandError(
          column: first.column, message: "`\(command.rawValue)` cannot be used inside a lesson")
      }
    } catch {
      return .failure(error)
    }
  }

  func value(named name: String) throws(CommandError) -> Double { try session.value(named: name) }

  func snapshot() -> Snapshot { Snapshot(session: session, plot: plot) }

  mutating func restore(_ snapshot: Snapshot) {
    session = snapshot.session
    plot = snapshot.plot
  }

  var fileAccess: FileAccess {
    get { session.fileAccess }
    set { session.fileAccess = newValue }
  }
}
