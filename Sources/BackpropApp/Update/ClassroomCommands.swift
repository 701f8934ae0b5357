import BackpropCommands
import BackpropEngine
import FoundationEssentials

/// The classroom commands (`present`, `play`, `source`, `record`, `pause`, `baseline`): each
/// changes the app state or asks for a file; none touches the disk or the clock itself.
enum ClassroomCommands {
  static func run(_ command: Command, _ args: [Token], line: String, _ state: inout AppState)
    throws(CommandError) -> LineResult
  {
    let name = command.rawValue
    switch command {
    case .present:
      let word = try onOff(args, usage: command.spec.usage, lineLength: line.count)
      state.presenter = word ?? !state.presenter
      if state.presenter, case .start = state.screen { state.screen = .freePlay }
      state.zoomed = nil
      return AppCommands.success(
        name,
        [state.presenter ? "presenter mode on (`present off` goes back)" : "presenter mode off"])
    case .play:
      var result = AppCommands.success(name, try play(args, lineLength: line.count, &state))
      result.effect = App.pendingTick(state)
      return result
    case .pause:
      try noArguments(args, usage: command.spec.usage)
      return AppCommands.success(name, [])
    case .record:
      guard let t = args.first else {
        throw CommandError(
          column: line.count + 1, message: "missing a file name",
          expected: "record FILE or record off")
      }
      try noArguments(Array(args.dropFirst()), usage: command.spec.usage)
      if t.text.lowercased() == "off" {
        guard let recording = state.recording else {
          throw CommandError(column: t.column, message: "nothing is being recorded")
        }
        state.recording = nil
        return AppCommands.success(
          name, ["stopped recording: \(recording.lines.count) commands in \(recording.path)"])
      }
      state.recording = Recording(path: t.text)
      var result = AppCommands.success(
        name, ["recording the commands of this session to \(t.text) (`record off` stops)"])
      result.effect = writeRecording(state)
      return result
    case .source:
      guard let t = args.first else {
        throw CommandError(
          column: line.count + 1, message: "missing a file name", expected: "source FILE")
      }
      try noArguments(Array(args.dropFirst()), usage: command.spec.usage)
      let task = FileTask(.read(path: t.text), for: .demo(name: t.text))
      return LineResult(lines: [], isError: false, json: "", effect: .file(task), logs: false)
    case .baseline:
      return AppCommands.success(name, try baseline(args, lineLength: line.count, &state))
    default:
      throw CommandError(column: 1, message: "`\(name)` is not a classroom command")
    }
  }

  static func noArguments(_ args: [Token], usage: String) throws(CommandError) {
    if let extra = args.first {
      throw CommandError(
        column: extra.column, message: "unexpected `\(extra.text)`", expected: usage)
    }
  }

  static func onOff(_ args: [Token], usage: String, lineLength: Int) throws(CommandError) -> Bool? {
    guard let t = args.first else { return nil }
    try noArguments(Array(args.dropFirst()), usage: usage)
    switch t.text.lowercased() {
    case "on", "yes": return true
    case "off", "no": return false
    default:
      throw CommandError(column: t.column, message: "`\(t.text)` is not on or off", expected: usage)
    }
  }

  /// `play [SPEED]|stop`.
  static func play(_ args: [Token], lineLength: Int, _ state: inout AppState) throws(CommandError)
    -> [String]
  {
    let usage = Command.play.spec.usage
    try noArguments(Array(args.dropFirst()), usage: usage)
    if let t = args.first, ["stop", "off"].contains(t.text.lowercased()) {
      state.autoplay = nil
      return ["stopped"]
    }
    var speed = 1.0
    if let t = args.first {
      guard let value = NumberParser.parse(t.text), Autoplay.speeds.contains(value) else {
        throw CommandError(
          column: t.column, message: "`\(t.text)` is not a speed",
          expected: "steps a second from 0.1 to 50, e.g. `play 2`")
      }
      speed = value
    }
    let t = state.session.trainer
    if t.samples.isEmpty {
      throw CommandError(
        column: 1, message: "there are no training samples yet",
        expected: "`example mazur`, `data xor` or `sample add X… -> T…` first")
    }
    if let d = t.divergence { throw CommandError(column: 1, message: d.description) }
    state.autoplay = Autoplay(work: .microSteps, speed: speed)
    let rate = NumberFormat.format(speed, digits: 3)
    return [
      "playing \(rate) micro-step\(speed == 1 ? "" : "s") a second: space pauses, + and - change the speed, any command stops"
    ]
  }

  /// `baseline save [NAME]|list|clear`.
  static func baseline(_ args: [Token], lineLength: Int, _ state: inout AppState)
    throws(CommandError) -> [String]
  {
    let usage = Command.baseline.spec.usage
    let word = args.first?.text.lowercased() ?? "list"
    switch word {
    case "save":
      try noArguments(Array(args.dropFirst(2)), usage: usage)
      let t = state.session.trainer
      var name = args.count > 1 ? args[1].text : ""
      if name.isEmpty {
        var k = state.baselines.count + 1
        while state.baselines.contains(where: { $0.name == "run\(k)" }) { k += 1 }
        name = "run\(k)"
      }
      if t.losses.isEmpty && t.trail.count < 2 {
        throw CommandError(
          column: args.first!.column, message: "this run has no loss history or path to keep yet",
          expected: "`epoch` or `train N` first")
      }
      state.baselines.removeAll { $0.name == name }
      state.baselines.append(
        Baseline(
          name: name, losses: t.losses, trail: t.trail,
          shape: t.network.shape.description))
      var dropped: [String] = []
      while state.baselines.count > Baseline.limit {
        dropped.append(state.baselines.removeFirst().name)
      }
      return ["kept \(t.losses.count) epochs as baseline `\(name)`; `plot loss` compares"]
        + dropped.map { "(forgot the oldest baseline `\($0)`: at most \(Baseline.limit) are kept)" }
    case "list":
      try noArguments(Array(args.dropFirst()), usage: usage)
      if state.baselines.isEmpty { return ["no baselines (`baseline save [NAME]` keeps this run)"] }
      return state.baselines.map {
        "\($0.name): \($0.losses.count) epochs, network \($0.shape)"
          + ($0.losses.last.map { ", last E = \(NumberFormat.format($0))" } ?? "")
      }
    case "clear":
      try noArguments(Array(args.dropFirst()), usage: usage)
      let n = state.baselines.count
      state.baselines = []
      return ["forgot \(n) baseline\(n == 1 ? "" : "s")"]
    default:
      throw CommandError(
        column: args.first!.column, message: "unknown baseline action `\(args.first!.text)`",
        expected: "save [NAME], list or clear")
    }
  }

  /// The effect that writes the recording as it stands.
  static func writeRecording(_ state: AppState) -> AppEffect {
    guard let r = state.recording else { return .none }
    return .file(FileTask(.write(path: r.path, contents: Data(r.text.utf8)), for: .recording))
  }
}
