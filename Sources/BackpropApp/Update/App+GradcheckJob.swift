import BackpropCommands
import BackpropEngine

/// `gradcheck` as an interruptible job in the TUI, like `step N` and `epoch`: on the largest
/// networks it is 200 parameters × two passes over every sample, which held the screen for
/// many seconds. As a job it checks a slice of parameters per `.tick`, shows how many are done in
/// the status line, and stops at any key. The check only reads the state, so a stopped check
/// leaves everything as it was and says so.
extension App {
  /// Starts a gradcheck job when the line is a valid `gradcheck` whose work exceeds one slice;
  /// nil leaves the line to the session (which runs it at once, or explains why it cannot).
  static func startGradcheckJob(_ line: String, _ state: inout AppState) -> AppEffect? {
    guard state.isInteractive, let check = state.session.startGradcheck(line),
      check.workPerParameter * check.parameters.count > trainingSliceWork
    else { return nil }
    state.job = AppState.TrainingJob(
      remaining: check.parameters.count, total: check.parameters.count,
      startEpoch: state.session.trainer.epoch, check: check)
    return runGradcheckSlice(&state)
  }

  /// One slice: as many parameters as fit in `trainingSliceWork` (at least one).
  static func runGradcheckSlice(_ state: inout AppState) -> AppEffect {
    guard var job = state.job, var check = job.check else { return .none }
    check.check(max(1, sliceSize(trainingSliceWork, job) / check.workPerParameter))
    job.check = check
    job.remaining = check.parameters.count - check.rows.count
    state.job = job
    if check.isFinished {
      stopJob(&state, interrupted: false)
      return .none
    }
    return .tick(milliseconds: 0)
  }

  /// The closing lines: the session's answer when the check ran to its end; when a key stopped
  /// it, how far it got and that nothing changed.
  static func stopGradcheckJob(
    _ check: GradientCheck.Progress, _ state: inout AppState, interrupted: Bool
  ) {
    state.job = nil
    if interrupted {
      state.log(
        [
          "stopped `gradcheck` after \(check.rows.count) of \(check.parameters.count) parameters; nothing changed"
        ], kind: .output)
    } else {
      state.log(state.session.gradcheckOutput(check).lines, kind: .output)
    }
  }
}
