import BackpropCommands
import BackpropEngine

/// `step N`, `forward`, `backward`, `update`, `finish` and `epoch` as interruptible jobs in the
/// TUI. On a large network one of them can be many thousands of micro-steps, each explained and
/// recorded for undo, which held the screen for seconds; as a job it runs a slice per `.tick`,
/// shows its progress in the status line, stops at any key keeping the state reached, and undoes
/// as one command (the slices are `step K` lines merged into one undo entry, like `train`'s).
extension App {
  /// Micro-steps per tick of a step job: each builds an explanation, so a slice of this many
  /// stays within a few milliseconds on a 256-wide layer.
  static let sliceSteps = 500

  /// Starts a step job for `command` if its work exceeds one slice and it is sure to be valid;
  /// nil leaves the line to the session (which runs it at once, or explains why it cannot).
  static func startStepJob(
    _ command: Command, _ tokens: [Token], line: String, _ state: inout AppState
  )
    -> AppEffect?
  {
    let t = state.session.trainer
    guard state.isInteractive, t.divergence == nil, !t.samples.isEmpty else { return nil }
    let order: [Phase: Int] = [.forward: 0, .backward: 1, .update: 2]
    let here = t.position.phase
    let leftInPhase = t.steps(of: here).count - t.position.index
    var job = AppState.StepJob(command: line.trimmingCharacters(in: " "), goal: .count)
    var remaining = 0
    switch command {
    case .step:
      guard tokens.count == 2, let n = Int(tokens[1].text), (1...Session.stepLimit).contains(n)
      else { return nil }
      remaining = n
    case .forward, .backward, .update, .finish:
      guard tokens.count == 1 else { return nil }
      let target: Phase =
        switch command {
        case .forward: .forward
        case .backward: .backward
        case .update: .update
        default: here
        }
      // The session words the refusals (a phase already done, early mode's missing update).
      guard order[target]! >= order[here]!, !(t.mode == .early && target == .update) else {
        return nil
      }
      job.goal = .phase(target)
      remaining = leftInPhase
      for p in Phase.allCases where order[p]! > order[here]! && order[p]! <= order[target]! {
        remaining += t.steps(of: p).count
      }
    case .epoch:
      guard tokens.count == 1 else { return nil }
      // Work, not micro-steps, decides here: from the start of an epoch the session trains it
      // on the kernel, far faster than micro-steps, and that is the better way when it fits.
      let work = t.samples.count * t.network.weights.count
      guard work > trainingSliceWork else { return nil }
      job.goal = .epoch
      remaining = sliceSteps + 1
    default:
      return nil
    }
    guard remaining > sliceSteps else { return nil }
    state.job = AppState.TrainingJob(
      remaining: job.goal == .count ? remaining : 0, total: remaining, startEpoch: t.epoch,
      kind: job)
    return runStepSlice(&state, first: true)
  }

  /// One slice of a step job: at most `sliceSteps` micro-steps, never past the end of the
  /// current phase, so that the job stops exactly where the command would have.
  static func runStepSlice(_ state: inout AppState, first: Bool = false) -> AppEffect {
    guard var job = state.job, var kind = job.kind else { return .none }
    let t = state.session.trainer
    let phase = t.position.phase
    let leftInPhase = t.steps(of: phase).count - t.position.index
    var chunk = min(sliceSize(sliceSteps, job), leftInPhase)
    if kind.goal == .count { chunk = min(chunk, job.remaining) }
    job.lastSliceShare = Double(max(1, chunk)) / Double(sliceSize(sliceSteps, job))
    var finished = false
    switch state.session.execute(
      "\(Command.step.rawValue) \(max(1, chunk))", mergingWithPrevious: !first,
      label: kind.command.split(separator: " ").first.map(String.init))
    {
    case .success:
      let ran = state.session.lastSteps.count
      kind.done += ran
      job.remaining -= ran
      let after = state.session.trainer
      switch kind.goal {
      case .count: finished = job.remaining <= 0
      case .phase(let target): finished = chunk == leftInPhase && phase == target
      case .epoch: finished = after.position == .start
      }
      if ran < chunk || after.divergence != nil { finished = true }
    case .failure(let e):
      state.log([e.message], kind: .error)
      finished = true
    }
    job.kind = kind
    state.job = job
    if finished {
      stopJob(&state, interrupted: false)
      return .none
    }
    return .tick(milliseconds: 0)
  }

  /// The closing line of a step job.
  static func stepJobReport(_ kind: AppState.StepJob, interrupted: Bool) -> String {
    let steps = "\(kind.done) micro-step\(kind.done == 1 ? "" : "s")"
    return interrupted
      ? "interrupted `\(kind.command)` after \(steps); `undo` takes back all of them"
      : "`\(kind.command)`: ran \(steps) (`explain` for the last, `undo` takes back all)"
  }
}
