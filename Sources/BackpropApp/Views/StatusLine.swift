import BackpropEngine

/// The keys that matter now, for the bottom line.
enum StatusLine {
  static func text(_ state: AppState) -> String {
    if let job = state.job {
      let done = state.session.trainer.epoch - job.startEpoch
      let e =
        state.session.trainer.lossHistory.last.map {
          " · mean E = \(NumberFormat.format($0, digits: state.session.digits))"
        } ?? ""
      return " training: epoch \(done)/\(job.total)\(e) · any key stops"
    }
    if let notice = state.notice { return " " + notice }
    if state.isEditing {
      return " Enter run · Esc cancel · Tab complete · ↑↓ history · Ctrl-U clear"
    }
    switch state.screen {
    case .start: return " ↑↓ choose · Enter open · f free play · ? help · q quit"
    case .lesson:
      if state.lessons.capturesKeys {
        return " type your answer, Enter · hint · skip · previous · Esc leaves the line"
      }
      return
        " space next page · p previous · h hint · s step · f/b/u passes · z undo · : command · ? help · q quit"
    case .freePlay:
      return
        " space step · f forward · b backward · u update · e epoch · z undo · y redo · : command · ? help · q quit"
    }
  }

}
