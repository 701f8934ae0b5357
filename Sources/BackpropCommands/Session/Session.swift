import BackpropEngine
import Foundation

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
  /// The micro-steps run by the last command (for highlighting).
  public internal(set) var lastSteps: [MicroStep] = []

  var undoStack: [HistoryEntry] = []
  var redoStack: [RedoEntry] = []
  var nextGroup = 0

  /// At most this many undo entries are kept (the oldest go first).
  static let historyLimit = 20_000
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
  public mutating func execute(_ line: String, mergingWithPrevious: Bool) -> Result<
    CommandOutput, CommandError
  > {
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
      let output = try context.run(command, &args, at: first.column)
      commit(context, label: command.rawValue, merging: mergingWithPrevious)
      // A command waiting for its file has done nothing yet (see `complete`).
      if output.file == nil { lastSteps = output.steps }
      return .success(output)
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
        let output = try context.adopt(data, from: request)
        commit(context, label: "load")
        lastSteps = []
        return .success(output)
      } catch {
        return .failure(error)
      }
    }
  }

  /// Adopts the result of a successful command, recording undo history when the state changed.
  mutating func commit(_ context: Context, label: String, merging: Bool = false) {
    digits = context.digits
    switch context.historyAction {
    case .none:
      guard !BitwiseEquality.equal(context.trainer, trainer) else { return }
      if merging && !undoStack.isEmpty {
        redoStack.removeAll()
        trainer = context.trainer
        return
      }
      let group = nextGroup
      nextGroup += 1
      if context.microSnapshots.isEmpty {
        undoStack.append(HistoryEntry(trainer: trainer, label: label, group: group))
      } else {
        for snapshot in context.microSnapshots {
          undoStack.append(HistoryEntry(trainer: snapshot, label: label, group: group))
        }
      }
      if undoStack.count > Self.historyLimit {
        undoStack.removeFirst(undoStack.count - Self.historyLimit)
      }
      redoStack.removeAll()
      trainer = context.trainer
    case .replaced(let undo, let redo):
      undoStack = undo
      redoStack = redo
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

/// One step back in history: the trainer as it was, and the command that changed it. Entries
/// that share a `group` came from one command, one per micro-step, so `undo` removes them
/// together and `back` one at a time.
struct HistoryEntry: Sendable {
  var trainer: Trainer
  var label: String
  var group: Int
}

/// Something `undo` or `back` took back: the undo entries it removed (so `redo` restores the
/// micro-step history too) and the state to return to.
struct RedoEntry: Sendable {
  var entries: [HistoryEntry]
  var trainer: Trainer
  var label: String
}

/// Where `save` and `load` may read and write.
public enum FileAccess: Equatable, Sendable {
  /// Anywhere the user can (the command line and headless scripts they run themselves).
  case unrestricted
  /// Only files inside this directory, named by relative paths without `..` (lessons, so that a
  /// lesson shared by someone else cannot touch other files).
  case confined(to: String)
}
