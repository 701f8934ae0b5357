import BackpropEngine

/// A command in progress: a working copy of the session's state that the command changes freely.
/// The session adopts it only if the command succeeds, which is how a failed command changes
/// nothing.
struct Context {
  var trainer: Trainer
  var digits: Int
  /// See `Session.withheld`.
  var withheld: Set<QuantityName> = []
  let fileAccess: FileAccess
  /// A place in history before each micro-step, for `back`: the trainer every
  /// `History.snapshotSpacing` steps, nil (replay the step) between. Cut to the first if the
  /// command runs too many.
  var microSnapshots: [Trainer?] = []
  #if DEBUG
    /// Checks the replay rule of `step()` in debug builds.
    var stateAfterLastStep: Trainer?
  #endif
  var recordsMicroSteps: Bool
  var historyAction: HistoryAction = .none
  /// The session's history, lent for the command (see `Session.lendingHistory`).
  var undoStack: History
  var redoStack: [RedoEntry]
  var nextGroup: Int

  enum HistoryAction {
    case none
    /// undo/redo/back rewrote the stacks themselves.
    case replaced
  }

  init(session: Session) {
    trainer = session.trainer
    digits = session.digits
    withheld = session.withheld
    fileAccess = session.fileAccess
    undoStack = session.undoStack
    redoStack = session.redoStack
    nextGroup = session.nextGroup
    recordsMicroSteps = session.trainer.network.weights.count <= Session.microHistoryWeightLimit
  }

  /// Carries out a command of the engine; the app's commands are not available here.
  mutating func run(_ command: Command, _ args: inout Arguments, at column: Int)
    throws(CommandError) -> CommandOutput
  {
    let usage = command.spec.usage
    switch command {
    case .network: return try network(&args, usage: usage)
    case .example: return try example(&args, usage: usage)
    case .data: return try data(&args, usage: usage)
    case .sample: return try sample(&args, usage: usage)
    case .set: return try set(&args, usage: usage)
    case .mode: return try mode(&args, usage: usage)
    case .randomize: return try randomize(&args, usage: usage)
    case .step: return try stepCommand(&args, usage: usage)
    case .finish: return try runPhase(nil, &args, usage: usage)
    case .forward: return try runPhase(.forward, &args, usage: usage)
    case .backward: return try runPhase(.backward, &args, usage: usage)
    case .update: return try runPhase(.update, &args, usage: usage)
    case .epoch: return try epochCommand(&args, usage: usage)
    case .train: return try train(&args, usage: usage)
    case .restart: return try restart(&args, usage: usage)
    case .undo: return try undo(&args, usage: usage)
    case .back: return try back(&args, usage: usage)
    case .redo: return try redo(&args, usage: usage)
    case .show: return try show(&args, usage: usage)
    case .get: return try get(&args, usage: usage)
    case .explain: return try explain(&args, usage: usage)
    case .gradcheck: return try gradcheck(&args, usage: usage)
    case .save: return try save(&args, usage: usage)
    case .load: return try load(&args, usage: usage)
    case .export: return try export(&args, usage: usage)
    case .help: return try help(&args)
    case .count: return try count(&args, usage: usage)
    case .source, .record, .pause, .present, .play, .baseline,
      .plot, .screen, .zoom, .lesson, .next, .previous, .answer, .repeat, .hint, .skip,
      .progress, .quit:
      throw CommandError(
        column: column, message: "`\(command.rawValue)` is not available here",
        expected: "a command of the engine (`help`)")
    }
  }

  // MARK: - Micro-steps with history

  /// Runs one micro-step, keeping a place in history for `back` while the command is small
  /// enough. Only every `History.snapshotSpacing`-th place holds the trainer; the others are
  /// rebuilt by replaying the step (see `History`), which is why nothing but `step()` may change
  /// the trainer between two recorded micro-steps of one command.
  mutating func step() -> (MicroStep, Explanation)? {
    guard recordPlaceForBack() else { return nil }
    let result = trainer.stepExplained(digits: digits)
    #if DEBUG
      if recordsMicroSteps { stateAfterLastStep = trainer }
    #endif
    return result
  }

  /// Runs micro-steps to the start of the next sample, as `step()` does but without explaining
  /// them: for `train` and the interface's job, which show no micro-step. On a wide network the
  /// explanations were nearly all the cost (a sample of 2-256-256-1 is about 200,000 micro-steps).
  mutating func finishSampleUnexplained() {
    while !trainer.position.isAtSampleStart, stepUnexplained() != nil {}
  }

  /// `step()` without the explanation, for a micro-step nobody will see.
  mutating func stepUnexplained() -> MicroStep? {
    guard recordPlaceForBack() else { return nil }
    let s = trainer.step()
    #if DEBUG
      if recordsMicroSteps { stateAfterLastStep = trainer }
    #endif
    return s
  }

  /// Keeps a place in history for the micro-step about to run (see `step()`); false when there
  /// is no micro-step to run.
  private mutating func recordPlaceForBack() -> Bool {
    guard trainer.nextStep != nil, trainer.divergence == nil else { return false }
    if recordsMicroSteps {
      if microSnapshots.count < Session.microHistoryStepLimit {
        #if DEBUG
          if let expected = stateAfterLastStep {
            assert(expected == trainer, "the trainer changed between two recorded micro-steps")
          }
        #endif
        let whole = microSnapshots.count % History.snapshotSpacing == 0
        microSnapshots.append(whole ? trainer : nil)
      } else {
        // Too many: undo this command as a whole instead.
        microSnapshots = [microSnapshots[0]]
        recordsMicroSteps = false
      }
    }
    return true
  }

  /// Fails when there is nothing to step through.
  func requireSamples(_ column: Int) throws(CommandError) {
    if trainer.samples.isEmpty {
      throw CommandError(
        column: column, message: "there are no training samples yet",
        expected: "`sample add X… -> T…`, `data NAME` or `example NAME` first")
    }
    if let d = trainer.divergence {
      throw CommandError(column: column, message: d.description)
    }
  }

  var n: (Double) -> String { { [digits] in NumberFormat.format($0, digits: digits) } }

  // MARK: - Quantities

  /// Checks that a name refers to something this network has.
  func validate(_ name: QuantityName, column: Int) throws(CommandError) {
    let shape = trainer.network.shape
    func neuron(_ j: Int, nonInput: Bool = false) throws(CommandError) {
      guard let l = shape.layer(ofNeuron: j) else {
        throw CommandError(
          column: column, message: "there is no neuron \(j)",
          expected: "a neuron from 1 to \(shape.neuronCount) (network \(shape.description))")
      }
      if nonInput && l == 0 {
        throw CommandError(
          column: column,
          message:
            "neuron \(j) is an input; \(name.name) exists only for neurons \(shape.firstNeuron[1])–\(shape.neuronCount)",
          expected: "x_\(j) or o_\(j) for an input")
      }
    }
    switch name {
    case .weight(let i, let j), .gradient(.weight(let i, let j)), .change(.weight(let i, let j)):
      try neuron(i)
      try neuron(j, nonInput: true)
      guard shape.weightIndex(from: i, to: j) != nil else {
        let l = shape.layer(ofNeuron: j)
        let hint = l.flatMap {
          $0 > 0 ? "w_ij with i in \(shape.neurons(inLayer: $0 - 1)) for j = \(j)" : nil
        }
        throw CommandError(
          column: column,
          message:
            "there is no weight \(Parameter.weight(from: i, to: j).name): neuron \(i) does not feed neuron \(j)",
          expected: hint ?? "a weight between neighbouring layers of \(shape.description)")
      }
    case .meanGradient(let p):
      try validate(.gradient(p), column: column)
      guard trainer.mode == .batch else {
        throw CommandError(
          column: column,
          message:
            "\(name.name) exists in batch mode only (online updates use each sample's own gradient)",
          expected: "`mode batch`, or \(QuantityName.gradient(p).name)")
      }
      guard !isFrozen(p) else {
        throw CommandError(
          column: column, message: "\(p.name) is frozen, so no mean gradient is accumulated for it",
          expected: "\(QuantityName.gradient(p).name), which is δ_j for a bias")
      }
    case .outputGradient(let j): try neuron(j, nonInput: true)
    case .bias(let j), .gradient(.bias(let j)), .change(.bias(let j)):
      try neuron(j, nonInput: true)
      if !trainer.network.hasBiases {
        throw CommandError(
          column: column, message: "this network has no biases (bias=off)",
          expected: "`network … bias=on`")
      }
    case .net(let j), .derivative(let j), .delta(let j): try neuron(j, nonInput: true)
    case .output(let j): try neuron(j)
    case .input(let i):
      guard i >= 1, i <= shape.inputCount else {
        throw CommandError(
          column: column, message: "there is no input x_\(i)",
          expected: "x_1 … x_\(shape.inputCount)")
      }
    case .target(let j):
      guard shape.neurons(inLayer: shape.outputLayer).contains(j) else {
        let outs = shape.neurons(inLayer: shape.outputLayer)
        throw CommandError(
          column: column,
          message: "there is no target t_\(j): targets belong to the output neurons",
          expected: "t_\(outs.lowerBound)…t_\(outs.upperBound)")
      }
    case .inputs, .targets, .error, .meanError, .learningRate, .epoch, .digits: break
    }
  }

  /// The value of a quantity now, or nil when it is not computed in this pass.
  func value(of name: QuantityName) -> Double? {
    let t = trainer
    let shape = t.network.shape
    func computed(_ step: MicroStep) -> Bool { t.isComputed(step) }
    switch name {
    case .weight(let i, let j): return t.network[.weight(from: i, to: j)]
    case .bias(let j): return t.network.hasBiases ? t.network[.bias(j)] : nil
    case .net(let j): return computed(.net(j)) ? t.values.net[j - 1] : nil
    case .output(let j):
      if j <= shape.inputCount { return t.input(j) }
      return computed(.output(j)) ? t.values.output[j - 1] : nil
    case .derivative(let j): return computed(.output(j)) ? t.values.derivative[j - 1] : nil
    case .delta(let j): return computed(.delta(j)) ? t.values.delta[j - 1] : nil
    case .gradient(.bias(let j)) where t.network.biasMode == .frozen:
      // A frozen bias is never updated, but ∂E/∂b_j = δ_j exists all the same.
      return computed(.delta(j)) ? t.values.delta[j - 1] : nil
    case .gradient(let p):
      guard computed(.gradient(p)) else { return nil }
      switch p {
      case .weight(let i, let j): return t.values.weightGradient[shape.weightIndex(from: i, to: j)!]
      case .bias(let j): return t.values.biasGradient[j - 1]
      }
    case .outputGradient(let j):
      return t.isOutputGradientComputed(j) ? t.outputGradient(j) : nil
    case .meanGradient(let p):
      guard t.mode == .batch, let k = meanGradientCount(p), k > 0 else { return nil }
      switch p {
      case .weight(let i, let j):
        return t.values.weightGradientSum[shape.weightIndex(from: i, to: j)!] / Double(k)
      case .bias(let j): return t.values.biasGradientSum[j - 1] / Double(k)
      }
    case .change(let p):
      guard computed(.gradient(p)), t.mode.updatesPerSample || t.position.phase == .update else {
        return nil
      }
      return -t.learningRate * t.appliedGradient(p)
    case .input(let i): return t.input(i)
    case .target(let j):
      guard let s = t.currentSample else { return nil }
      return s.targets[j - shape.firstNeuron[shape.outputLayer]]
    case .error: return computed(.error) ? t.values.error : nil
    case .meanError: return t.samples.isEmpty ? nil : t.network.meanError(on: t.samples)
    case .learningRate: return t.learningRate
    case .epoch: return Double(t.epoch)
    case .digits: return Double(digits)
    case .inputs, .targets: return nil
    }
  }

  /// Batch mode: how many samples' ∂E_x/∂p are in this epoch's sum so far.
  func meanGradientCount(_ p: Parameter) -> Int? {
    let t = trainer
    guard t.mode == .batch, !t.samples.isEmpty else { return nil }
    return t.position.sample + (t.isComputed(.gradient(p)) ? 1 : 0)
  }

  /// Whether a bias exists but the update never changes it.
  func isFrozen(_ p: Parameter) -> Bool {
    if case .bias = p { return trainer.network.biasMode == .frozen }
    return false
  }

  /// Parses a word as a quantity name of this network.
  func quantity(_ token: Token) throws(CommandError) -> QuantityName {
    guard let name = QuantityName.parse(token.text) else {
      throw CommandError(
        column: token.column, message: "`\(token.text)` is not a quantity name",
        expected: "a name such as w_35, b_3, net_3, o_5, δ_5, dE/dw_35, x_1, t_5, E, eta")
    }
    try validate(name, column: token.column)
    return name
  }
}
