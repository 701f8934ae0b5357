import BackpropEngine
import FoundationEssentials

/// The engine plus everything a person working with it needs around it: the command language,
/// undo and redo, display settings and which files commands may touch.
///
/// A value type: the TUI keeps one in its `State`, headless keeps one per run, and a lesson runs
/// its commands through one. `execute` either succeeds or changes nothing.
public struct Session: Sendable {
  public internal(set) var trainer: Trainer
  /// Significant digits in equations and tables.
  public var digits: Int = 5
  /// Which files `save` and `load` may reach.
  public var fileAccess: FileAccess = .unrestricted
  /// Quantities `get`, `explain` and `show` answer with "?" (see `Withheld`): what an open lesson
  /// question asks the student to predict. The app sets it around a line the student types
  /// while the question waits, and clears it after.
  public var withheld: Set<QuantityName> = []
  /// The micro-steps run by the last command (for highlighting).
  public internal(set) var lastSteps: [MicroStep] = []

  var undoStack = History()
  var redoStack: [RedoEntry] = []
  var nextGroup = 0

  /// Commands running more micro-steps than this are undone as a whole (no `back` inside them),
  /// and so are networks with more weights than `microHistoryWeightLimit`; this bounds memory.
  static let microHistoryStepLimit = 2_000
  static let microHistoryWeightLimit = 4_096

  /// Free play starts on Mazur's worked example.
  public init(trainer: Trainer = Example.mazur.trainer()) {
    self.trainer = trainer
  }

  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }

  /// Runs one command line. On failure nothing has changed.
  public mutating func execute(_ line: String) -> Result<CommandOutput, CommandError> {
    execute(line, mergingWithPrevious: false)
  }

  /// The longest command line accepted, in bytes: far more than any command needs (a sample
  /// of a 256-input network fits many times over), small enough that nothing typed or pasted can
  /// make tokenizing, suggesting or echoing it slow.
  public static let maximumLineLength = 65_536

  /// Runs one command line. With `mergingWithPrevious`, a state change joins the previous undo
  /// entry instead of making a new one: a long `train` run in chunks by the TUI undoes as one.
  /// `label` names the undo entry when it is not the command's own name (a TUI job runs
  /// `forward` as slices of `step`, and `undo` should say "undid forward").
  public mutating func execute(
    _ line: String, mergingWithPrevious: Bool, label: String? = nil
  ) -> Result<CommandOutput, CommandError> {
    do throws(CommandError) {
      guard line.utf8.count <= Self.maximumLineLength else {
        throw CommandError(
          column: 1,
          message:
            "the line is \(line.utf8.count) bytes long; a command line may have at most \(Self.maximumLineLength)",
          expected: "a shorter line")
      }
      let tokens = try Tokenizer.tokenize(line)
      guard let first = tokens.first else { return .success(CommandOutput()) }
      guard let command = CommandSpec.named(first.text) else {
        let hint = CommandSpec.suggestion(for: first.text).map { " (did you mean `\($0)`?)" } ?? ""
        throw CommandError(
          column: first.column, message: "unknown command `\(first.text)`\(hint)",
          expected: "a command; `help` lists them")
      }
      var args = Arguments(Array(tokens.dropFirst()), lineLength: line.count)
      var context = Context(session: self)
      let output = try lendingHistory(to: &context) { c throws(CommandError) in
        try c.run(command, &args, at: first.column)
      }
      commit(&context, label: label ?? command.rawValue, merging: mergingWithPrevious)
      // A command waiting for its file has done nothing yet (see `complete`).
      if output.file == nil { lastSteps = output.steps }
      return .success(output)
    } catch {
      return .failure(error)
    }
  }

  /// One slice of the interface's `train N` job: what `train count` does to the session (the
  /// same checks, the same change, one undo entry for the whole job unless `first`), without the
  /// command's report. The report measures E over the whole data set before and after, two extra
  /// passes that cost more than a one-epoch slice's training on a large data set (measured: 15 ×
  /// `train 1` on 2-256-256-1 with 1,000 samples took 1.7 × one `train 15`); the job reports once,
  /// when it ends. On failure nothing has changed.
  public mutating func trainSlice(epochs count: Int, first: Bool) -> Result<Void, CommandError> {
    runSlice(first: first) { c throws(CommandError) in try c.trainSlice(epochs: count) }
  }

  /// A slice of the interface's `train N` job when one epoch is more than a slice: the next
  /// `count` samples, on the kernel, so that a key still stops the job within a slice's time
  /// (`Trainer.train(sampleSteps:)`). As `trainSlice(epochs:first:)` otherwise.
  public mutating func trainSlice(sampleSteps count: Int, first: Bool) -> Result<
    Void, CommandError
  > {
    runSlice(first: first) { c throws(CommandError) in try c.trainSlice(sampleSteps: count) }
  }

  private mutating func runSlice(
    first: Bool, _ body: (inout Context) throws(CommandError) -> Void
  ) -> Result<Void, CommandError> {
    var context = Context(session: self)
    do throws(CommandError) {
      _ = try lendingHistory(to: &context) { c throws(CommandError) in
        try body(&c)
        return CommandOutput()
      }
      commit(&context, label: Command.train.rawValue, merging: !first)
      lastSteps = []
      return .success(())
    } catch {
      return .failure(error)
    }
  }

  /// Finishes a command whose output asked for a file (`save`, `load`), given what became of it.
  /// A failure changes nothing; a `load` that succeeds is one undo step, like any command.
  public mutating func complete(_ request: FileRequest, with outcome: Result<Data, FileError>)
    -> Result<CommandOutput, CommandError>
  {
    switch (request.command, outcome) {
    case (_, .failure(let failure)):
      return .failure(request.error(failure))
    case (.save(let lines), .success):
      return .success(CommandOutput(lines: lines))
    case (.load, .success(let data)):
      var context = Context(session: self)
      do throws(CommandError) {
        let output = try lendingHistory(to: &context) { c throws(CommandError) in
          try c.adopt(data, from: request)
        }
        commit(&context, label: "load")
        lastSteps = []
        return .success(output)
      } catch {
        return .failure(error)
      }
    case (.loadData(let inputs, let targets), .success(let data)):
      var context = Context(session: self)
      do throws(CommandError) {
        let output = try lendingHistory(to: &context) { c throws(CommandError) in
          try c.adoptCSV(data, from: request, inputs: inputs, targets: targets)
        }
        commit(&context, label: "data")
        lastSteps = []
        return .success(output)
      } catch {
        return .failure(error)
      }
    }
  }

  /// Runs `body` with the history moved into `context`, so that the context holds the only
  /// reference to it: changing or appending to it never copies it. On failure it comes back
  /// unchanged.
  private mutating func lendingHistory(
    to context: inout Context, _ body: (inout Context) throws(CommandError) -> CommandOutput
  ) throws(CommandError) -> CommandOutput {
    undoStack = History()
    redoStack = []
    do {
      return try body(&context)
    } catch {
      swap(&undoStack, &context.undoStack)
      swap(&redoStack, &context.redoStack)
      throw error
    }
  }

  /// Whether a command left the trainer as it was, bit for bit. `==` decides unless a NaN may be
  /// stored (NaN ≠ NaN would make every read-only command look like a change); a NaN reaches a
  /// trainer only through a divergence, since every value typed or loaded must be finite, so
  /// only then is the slow field-by-field `BitwiseEquality` needed (measured: it was 42% of a
  /// `step` command's time when asked every time).
  static func isUnchanged(_ trainer: Trainer, from before: Trainer) -> Bool {
    if trainer == before { return true }
    guard trainer.divergence != nil || before.divergence != nil else { return false }
    return BitwiseEquality.equal(trainer, before)
  }

  /// Adopts the result of a successful command, recording undo history when the state changed.
  /// The history comes back from the context (moved, not copied: see `lendingHistory`).
  mutating func commit(_ context: inout Context, label: String, merging: Bool = false) {
    digits = context.digits
    swap(&undoStack, &context.undoStack)
    swap(&redoStack, &context.redoStack)
    switch context.historyAction {
    case .none:
      guard !Self.isUnchanged(context.trainer, from: trainer) else { return }
      if merging && !undoStack.isEmpty {
        redoStack.removeAll()
        trainer = context.trainer
        return
      }
      let group = nextGroup
      nextGroup += 1
      if context.microSnapshots.isEmpty {
        undoStack.append(HistoryEntry(snapshot: trainer, label: label, group: group))
      } else {
        for snapshot in context.microSnapshots {
          undoStack.append(HistoryEntry(snapshot: snapshot, label: label, group: group))
        }
      }
      undoStack.trim()
      redoStack.removeAll()
      trainer = context.trainer
    case .replaced:
      trainer = context.trainer
    }
  }

  /// The value of a named quantity, or nil when it has none right now (not computed yet in
  /// this pass, or no such neuron). Used by lesson assertions and questions.
  public func value(of name: QuantityName) -> Double? {
    Context(session: self).value(of: name)
  }

  /// Parses `text` as a quantity name and returns its value, with a clear error otherwise.
  public func value(named text: String) throws(CommandError) -> Double {
    guard let name = QuantityName.parse(text) else {
      throw CommandError(
        column: 1, message: "`\(text)` is not a quantity name",
        expected: "a name such as w_35, o_5, δ_5, E")
    }
    let context = Context(session: self)
    try context.validate(name, column: 1)
    guard let v = context.value(of: name) else {
      throw CommandError(column: 1, message: "\(name.name) has not been computed in this pass yet")
    }
    return v
  }
}

/// Where `save` and `load` may read and write.
public enum FileAccess: Equatable, Sendable {
  /// Anywhere the user can (the command line and headless scripts they run themselves).
  case unrestricted
  /// Only files inside this directory, named by relative paths without `..` (lessons, so that a
  /// lesson shared by someone else cannot touch other files).
  case confined(to: String)
}
