import BackpropEngine

/// Commands that move training forward, and back.
extension Context {
  /// Steps shown in full at the start of a long run, and at its end.
  static let shownHead = 30
  static let shownTail = 10

  /// Runs micro-steps until `done` says so (or `limit` of them), explaining the ones that will be
  /// shown: the first `shownHead` and the last `shownTail`.
  ///
  /// Explaining every step of a long run was nearly all its cost (`backward` on a network of a
  /// million weights took 8 s). Where the run ends is not known in advance (a divergence can end
  /// it anywhere), so a long run is first made unexplained on a copy of the trainer, which costs
  /// a fraction of explaining, to count its steps.
  mutating func runSteps(limit: Int = .max, until done: (MicroStep, Trainer) -> Bool)
    -> CommandOutput
  {
    var total = limit
    if limit > Self.shownHead + Self.shownTail {
      var probe = trainer
      total = 0
      while total < limit, let s = probe.step() {
        total += 1
        if done(s, probe) { break }
      }
    }
    var head: [String] = []
    var tail: [String] = []
    var explanations: [JSONValue] = []
    var steps: [MicroStep] = []
    var lastHeader = ""
    var count = 0
    while count < limit {
      if count >= Self.shownHead && count < total - Self.shownTail {
        guard let s = stepUnexplained() else { break }
        count += 1
        steps.append(s)
        if done(s, trainer) { break }
        continue
      }
      let header =
        "— \(trainer.position.phase.rawValue) pass, sample \(trainer.position.sample + 1) —"
      guard let (s, e) = step() else { break }
      count += 1
      steps.append(s)
      var lines: [String] = []
      if header != lastHeader {
        lines.append(header)
        lastHeader = header
      }
      lines.append(e.line)
      if let note = e.note {
        switch s {
        case .output, .delta: lines.append("    " + note)
        default: break
        }
      }
      if count <= Self.shownHead {
        head += lines
        explanations.append(e.json)
      } else {
        tail += lines
        if tail.count > Self.shownTail { tail.removeFirst(tail.count - Self.shownTail) }
      }
      if done(s, trainer) { break }
    }
    var lines = head
    if count > Self.shownHead {
      lines.append(
        "… \(count - Self.shownHead - min(Self.shownTail, count - Self.shownHead)) more micro-steps …"
      )
      lines += tail
    }
    lines += statusAfterRun()
    return CommandOutput(
      lines: lines, data: [("count", .number(Double(count))), ("steps", .array(explanations))],
      steps: steps)
  }

  /// Where things stand after stepping: divergence, a finished epoch, what comes next.
  func statusAfterRun() -> [String] {
    var lines: [String] = []
    if let d = trainer.divergence { lines.append(d.description) }
    if trainer.position == .start, let last = trainer.losses.last, trainer.epoch > 0 {
      lines.append(
        "epoch \(trainer.epoch) complete: mean E = \(n(last)) (each sample before its update)")
    }
    if let next = trainer.nextStep, trainer.divergence == nil {
      lines.append(
        "next: \(next.symbol) (\(trainer.position.phase.rawValue) pass, sample \(trainer.position.sample + 1))"
      )
    }
    return lines
  }

  /// The most micro-steps one `step` runs: each is explained and kept for undo, so a million
  /// took 70 s on XOR; `train` is the way to go further.
  static let stepLimit = 10_000

  mutating func stepCommand(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    var count = 1
    if args.peek != nil {
      count = try args.integer("a number of micro-steps", in: 1...Self.stepLimit)
    }
    try args.finish(usage)
    try requireSamples(1)
    return runSteps(limit: count) { _, _ in false }
  }

  /// `finish` (phase = nil), `forward`, `backward`, `update`: run to the end of that phase of the
  /// current sample, running earlier phases first when needed.
  mutating func runPhase(_ target: Phase?, _ args: inout Arguments, usage: String)
    throws(CommandError) -> CommandOutput
  {
    try args.finish(usage)
    try requireSamples(1)
    let order: [Phase: Int] = [.forward: 0, .backward: 1, .update: 2]
    var phase = target ?? trainer.position.phase
    let here = trainer.position
    if phase == .update && trainer.mode == .early {
      // Early updates happen inside the backward pass.
      if here.phase == .forward && here.index == 0 && trainer.epoch + here.sample > 0 {
        throw CommandError(
          column: 1,
          message:
            "in early mode the updates happen during the backward pass, and that pass is done",
          expected: "`forward` for the next pass, or `mode online`")
      }
      phase = .backward
    }
    if order[phase]! < order[here.phase]! {
      throw CommandError(
        column: 1,
        message:
          "the \(phase.rawValue) pass of sample \(here.sample + 1) is already done; next is the \(here.phase.rawValue) pass",
        expected: "`\(here.phase.rawValue)`, `step`, or `undo` to go back")
    }
    // Done once a step of that phase completes it (the position then moves to index 0).
    return runSteps { step, t in t.phase(of: step) == phase && t.position.index == 0 }
  }

  mutating func epochCommand(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    try args.finish(usage)
    try requireSamples(1)
    try requireWork(epochs: 1, column: 1, command: "an epoch")
    return trainEpochs(1)
  }

  mutating func train(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput
  {
    let column = args.peek?.column ?? args.endColumn
    let count = try args.integer("a number of epochs", in: 1...100_000_000)
    // `animate` matters only to the interface, which draws each epoch; here it trains.
    if args.peek?.text.lowercased() == "animate" { _ = args.next() }
    try args.finish(usage)
    try requireSamples(1)
    try requireWork(epochs: count, column: column, command: "train \(count)")
    return trainEpochs(count)
  }

  mutating func trainEpochs(_ count: Int) -> CommandOutput {
    let before = trainer.epoch
    let errorBefore = trainer.network.meanError(on: trainer.samples)
    let testBefore = trainer.testError
    runEpochs(count)
    let errorAfter = trainer.network.meanError(on: trainer.samples)
    let report = TrainingReport(
      epochs: trainer.epoch - before, epoch: trainer.epoch, errorBefore: errorBefore,
      errorAfter: errorAfter, testBefore: testBefore, testAfter: trainer.testError)
    var lines = [report.line(digits: digits)]
    var data: [(String, JSONValue)] = [
      ("epochs", .number(Double(trainer.epoch - before))),
      ("epoch", .number(Double(trainer.epoch))),
      ("errorBefore", .number(errorBefore)), ("errorAfter", .number(errorAfter)),
    ]
    if let testBefore, let testAfter = trainer.testError {
      data += [("testErrorBefore", .number(testBefore)), ("testErrorAfter", .number(testAfter))]
    }
    if let d = trainer.divergence { lines.append(d.description) }
    return CommandOutput(lines: lines, data: data)
  }

  /// The change `train count` makes, without its report.
  mutating func runEpochs(_ count: Int) {
    let before = trainer.epoch
    // Finish the current sample step by step, so `back` can return into it; the rest of the
    // epoch goes on the kernel (micro-stepping thousands of samples held the screen for
    // seconds). The early mode is stepped throughout by `train` itself.
    finishSampleUnexplained()
    trainer.train(epochs: count - (trainer.epoch - before))
  }

  /// One slice of the interface's `train N` job: `train count` with the same checks and the
  /// same change, but no report (the job reports once, at its end; see `Session.trainSlice`).
  mutating func trainSlice(epochs count: Int) throws(CommandError) {
    try requireSamples(1)
    try requireWork(epochs: count, column: 1, command: "train \(count)")
    runEpochs(count)
  }

  /// A slice of the interface's `train N` job shorter than an epoch: the next `count` samples
  /// (a sample under way is finished step by step, as `train` does, and counts as one).
  mutating func trainSlice(sampleSteps count: Int) throws(CommandError) {
    try requireSamples(1)
    let perSample = trainer.network.weights.count + Self.sampleOverhead
    guard count <= Self.workLimit / perSample else {
      throw CommandError(
        column: 1,
        message: "a slice of \(count) samples is more than one command may do",
        expected: "at most \(Self.workLimit / perSample) samples")
    }
    var left = count
    if !trainer.position.isAtSampleStart && trainer.mode != .early {
      finishSampleUnexplained()
      left -= 1
    }
    trainer.train(sampleSteps: left)
  }

  mutating func restart(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    if let t = args.next() {
      guard t.text.lowercased() == "history" else {
        throw CommandError(
          column: t.column, message: "unexpected `\(t.text)`", expected: "nothing, or `history`")
      }
      try args.finish(usage)
      trainer.resetHistory()
      return CommandOutput(lines: ["back to epoch 0, loss curve and path cleared (weights kept)"])
    }
    trainer.restartPass()
    return CommandOutput(lines: ["back to the start of the pass"] + statusAfterRun())
  }

  // MARK: - History

  /// An optional repeat count (default 1) and nothing after it.
  func optionalCount(_ args: inout Arguments, _ what: String, usage: String) throws(CommandError)
    -> Int
  {
    var count = 1
    if args.peek != nil { count = try args.integer(what, in: 1...100_000) }
    try args.finish(usage)
    return count
  }

  /// Takes back whole commands. The history is changed only once something can be undone, so
  /// that a failed `undo` leaves it as it was.
  mutating func undo(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let count = try optionalCount(&args, "a number of commands", usage: usage)
    guard let newest = undoStack.last else {
      throw CommandError(column: 1, message: "nothing to undo")
    }
    var labels: [String] = []
    var top = newest
    for _ in 0..<count {
      var group: [HistoryEntry] = []
      while let e = undoStack.last, e.group == top.group { group.append(undoStack.removeLast()) }
      group.reverse()
      // The first entry of a command is always whole: the state before the command.
      redoStack.append(RedoEntry(entries: group, trainer: trainer, label: top.label))
      trainer = group[0].snapshot!
      labels.append(top.label)
      guard let next = undoStack.last else { break }
      top = next
    }
    historyAction = .replaced
    return CommandOutput(lines: ["undid " + Self.commandList(labels)] + statusAfterRun())
  }

  /// Takes back single micro-steps (or whole commands that kept no micro-steps).
  mutating func back(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let count = try optionalCount(&args, "a number of micro-steps", usage: usage)
    guard !undoStack.isEmpty else {
      throw CommandError(column: 1, message: "nothing to go back to")
    }
    var labels: [String] = []
    for _ in 0..<count {
      guard !undoStack.isEmpty else { break }
      let previous = undoStack.trainer(at: undoStack.count - 1)
      let top = undoStack.removeLast()
      redoStack.append(RedoEntry(entries: [top], trainer: trainer, label: top.label))
      trainer = previous
      labels.append(top.label)
    }
    historyAction = .replaced
    let done = labels.count
    var lines = [
      "went back \(done) step\(done == 1 ? "" : "s") (within: \(Array(Set(labels)).sorted().joined(separator: ", ")))"
    ]
    if let last = trainer.lastStep {
      lines.append("last: " + trainer.explain(last, digits: digits).line)
    }
    return CommandOutput(lines: lines + statusAfterRun())
  }

  mutating func redo(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let count = try optionalCount(&args, "a number of commands", usage: usage)
    guard !redoStack.isEmpty else { throw CommandError(column: 1, message: "nothing to redo") }
    var labels: [String] = []
    for _ in 0..<count {
      guard let top = redoStack.popLast() else { break }
      undoStack.append(contentsOf: top.entries)
      trainer = top.trainer
      labels.append(top.label)
    }
    historyAction = .replaced
    return CommandOutput(lines: ["redid " + Self.commandList(labels)] + statusAfterRun())
  }

  /// The commands an `undo` or `redo` took, for its answer: named one by one when there are a
  /// few (`set, train`), counted by name when there are more (`96 commands: 40 × set,
  /// 56 × train`, names in the order first taken), where a list of 96 words said nothing.
  static func commandList(_ labels: [String]) -> String {
    if labels.count <= 3 { return labels.joined(separator: ", ") }
    var order: [String] = []
    var counts: [String: Int] = [:]
    for label in labels {
      if counts[label] == nil { order.append(label) }
      counts[label, default: 0] += 1
    }
    return "\(labels.count) commands: "
      + order.map { "\(counts[$0]!) × \($0)" }.joined(separator: ", ")
  }
}
