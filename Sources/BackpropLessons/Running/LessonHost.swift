import BackpropCommands

/// What a lesson needs from whoever runs its commands.
///
/// The runner is generic over this instead of using `Session` directly because the app runs
/// lessons too, and a lesson may contain app commands (`plot surface`) that only the app can
/// carry out. The app conforms its own state; `Session` and `HeadlessLessonHost` conform here.
public protocol LessonHost {
  /// Everything needed to put the engine back exactly as it was (for `previous` and `repeat`).
  associatedtype Snapshot

  /// Runs one line of the command language. On failure nothing has changed.
  mutating func runCommand(_ line: String) -> Result<CommandOutput, CommandError>
  /// An engine quantity by its article name (o_5, δ_5, E, …), or why it has none right now.
  func value(named name: String) throws(CommandError) -> Double
  func snapshot() -> Snapshot
  mutating func restore(_ snapshot: Snapshot)
  /// Which files commands may reach; the runner confines it to the lesson's folder while the
  /// lesson's own commands run.
  var fileAccess: FileAccess { get set }
}

/// A bare session as a host: app commands such as `plot` fail here, as they do in `Session`.
/// Files are read and written at once: this host serves `backprop check` and tests, which are
/// edges of the program.
extension Session: LessonHost {
  public mutating func runCommand(_ line: String) -> Result<CommandOutput, CommandError> {
    executeOnDisk(line)
  }

  public func snapshot() -> Session { self }

  /// Puts everything back except which files may be reached, which belongs to whoever runs us.
  public mutating func restore(_ snapshot: Session) {
    let access = fileAccess
    self = snapshot
    fileAccess = access
  }
}
