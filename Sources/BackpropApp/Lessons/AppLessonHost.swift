import BackpropCommands
import BackpropLessons

/// What a lesson runs its commands on inside the app: the session (so the diagram and tables
/// follow the lesson) and the plot settings (so `plot surface` in a lesson shows the plot).
struct AppLessonHost: LessonHost {
  struct Snapshot {
    var session: Session
    var plot: PlotSettings
  }

  var session: Session
  var plot: PlotSettings

  init(_ state: AppState) {
    session = state.session
    plot = state.plot
  }

  /// Puts the host's changes back into the app state.
  func apply(to state: inout AppState) {
    state.session = session
    state.plot = plot
  }

  mutating func runCommand(_ line: String) -> Result<CommandOutput, CommandError> {
    do throws(CommandError) {
      let tokens = try Tokenizer.tokenize(line)
      guard let first = tokens.first, let command = CommandSpec.named(first.text) else {
        return session.execute(line)
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
        .gradcheck, .save, .load, .help:
        return session.execute(line)
      case .zoom, .lesson, .next, .previous, .answer, .repeat, .hint, .skip, .progress, .quit:
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
