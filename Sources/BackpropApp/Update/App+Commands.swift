import BackpropCommands

/// The app's uses of the command registry outside `AppCommands`: the commands that keys submit
/// and Tab completion. Both go through `Command`, so a renamed command cannot leave a key or a
/// completion behind.
extension App {
  /// Runs a command given by its case, as a shortcut key does.
  @discardableResult
  static func submit(
    _ command: Command, arguments: String = "", _ state: inout AppState, echo: Bool = true
  ) -> LineResult {
    let line = arguments.isEmpty ? command.rawValue : command.rawValue + " " + arguments
    return submit(line, &state, echo: echo)
  }

  /// What Tab may complete the word at the cursor with: a command name first; after a name, the
  /// words the registry lists for that command (`plot surface`, `mode batch`), and the network's
  /// quantity names (w_35, o_5, δ_5, …) for the commands that take them.
  static func completionCandidates(_ state: AppState) -> [String] {
    if state.editor.isCompletingCommand { return CommandSpec.all.map(\.name) }
    guard let word = state.editor.line.split(separator: " ").first,
      let command = CommandSpec.named(String(word))
    else { return [] }
    let spec = command.spec
    return spec.keywords + (spec.completesQuantities ? quantityNames(state) : [])
  }

  /// The names of every quantity of the current network.
  static func quantityNames(_ state: AppState) -> [String] {
    let network = state.session.trainer.network
    let shape = network.shape
    var names = network.allParameters.map(\.name)
    for j in shape.firstNeuron[1]...shape.neuronCount {
      names += ["net_\(j)", "o_\(j)", "δ_\(j)", "delta_\(j)"]
    }
    names += (1...shape.inputCount).map { "x_\($0)" }
    names += shape.neurons(inLayer: shape.outputLayer).map { "t_\($0)" }
    return names + ["eta", "E", "digits"]
  }
}
