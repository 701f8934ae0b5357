import BackpropEngine

/// The keys that matter now, for the bottom line, most important first: the view shortens the
/// line at a hint boundary (with `…`, see `Views.fittedItems`) when the terminal is narrow, so
/// what is cut is the least needed.
enum StatusLine {
  static func text(_ state: AppState) -> String {
    if let check = state.job?.check {
      return
        " running `gradcheck`: parameter \(check.rows.count)/\(check.parameters.count) · any key stops"
    }
    if let job = state.job, let kind = job.kind {
      let of = kind.goal == .count ? "/\(job.total)" : ""
      return " running `\(kind.command)`: micro-step \(kind.done)\(of) · any key stops"
    }
    if let job = state.job {
      let done = state.session.trainer.epoch - job.startEpoch
      let e =
        state.session.trainer.losses.last.map {
          " · mean E = \(NumberFormat.format($0, digits: state.session.digits))"
        } ?? ""
      // Mid-epoch (an epoch longer than a slice), where in it.
      let position = state.session.trainer.position
      let sample =
        position == .start
        ? "" : " · sample \(position.sample)/\(state.session.trainer.samples.count)"
      return " training: epoch \(done)/\(job.total)\(sample)\(e) · any key stops"
    }
    if let notice = state.notice { return " " + notice }
    if state.isEditing, !state.completions.isEmpty {
      // The candidates of an ambiguous Tab, where the keys are usually listed.
      return " ⇥ " + state.completions.joined(separator: " ")
    }
    if state.isEditing {
      return " Enter run · Esc cancel · Tab complete · ↑↓ history · Ctrl-U clear"
    }
    if let zoomed = state.zoomed {
      switch zoomed {
      case .lesson, .output:
        return " Z back · PgUp/PgDn scroll · ←→ sideways · : command · ? help · q quit"
      case .values:
        return " Z back · PgUp/PgDn scroll · : command · ? help · q quit"
      case .network, .equation, .plot:
        return " Z back · space step · : command · ? help · q quit"
      }
    }
    switch state.screen {
    case .start: return " ↑↓ choose · Enter open · f free play · ? help · q quit"
    case .lesson:
      if state.lessons.capturesKeys {
        return " type your answer, Enter · hint · skip · previous · Esc leaves the line"
      }
      return
        " space next · p previous · h hint · s step · : command · ? help · q quit · Tab pane · PgDn scroll · Z zoom"
    case .freePlay:
      return
        " space step · f/b/u passes · z undo · : command · ? help · q quit · Tab pane · PgUp scroll · Z zoom · e epoch"
    }
  }
}
