import BackpropCommands

/// A session that accepts the app's own commands (`plot surface`, `screen`) as no-ops, and
/// carries out `save` and `load` on the disk at once (it runs at the edge: `backprop check` and
/// headless lesson transcripts).
///
/// `backprop check` and headless transcripts have no screen to draw on, yet the lessons they run
/// contain plots. Refusing those lines would make every such lesson fail its check, and
/// silently ignoring unknown words would hide typos, so the command word is still validated
/// against the command table: only real app commands pass, with a line saying so.
public struct HeadlessLessonHost: LessonHost, Sendable {
  public var session: Session

  public init(session: Session = Session()) {
    self.session = session
  }

  public var fileAccess: FileAccess {
    get { session.fileAccess }
    set { session.fileAccess = newValue }
  }

  public mutating func runCommand(_ line: String) -> Result<CommandOutput, CommandError> {
    if let tokens = try? Tokenizer.tokenize(line), let first = tokens.first,
      let command = CommandSpec.named(first.text), command.spec.handler != .session
    {
      let shown = tokens.map(\.text).joined(separator: " ")
      return .success(
        CommandOutput(lines: ["[\(shown): carried out by the app; nothing to show in text mode]"]))
    }
    return session.executeOnDisk(line)
  }

  public func value(named name: String) throws(CommandError) -> Double {
    try session.value(named: name)
  }

  public func snapshot() -> Session { session.snapshot() }

  public mutating func restore(_ snapshot: Session) { session.restore(snapshot) }
}
