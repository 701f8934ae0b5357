/// A file that `save` or `load` needs, left to whoever runs the session.
///
/// The session never touches the disk itself, so that the app's `update` stays pure: a command
/// that needs a file succeeds with this request in its output and no change to the session; the
/// caller carries out `operation` and hands the outcome to `Session.complete(_:with:)`, which
/// finishes the command (for `load`, parsing and adopting the network as one undo step). The
/// checks that need no disk (arguments, `FileAccess` confinement of the name) are done before
/// the request is made, so a refused path never reaches the edge.
public struct FileRequest: Equatable, Sendable {
  public enum Command: Equatable, Sendable {
    /// `save`: `lines` is what to say once the file is written.
    case save(lines: [String])
    case load
    /// `data load`: the column lists as typed (nil: the default columns).
    case loadData(inputs: Token?, targets: Token?)
  }

  public var operation: FileOperation
  public var command: Command
  /// The file argument as typed, and its column, for messages.
  public var name: String
  public var column: Int

  public init(operation: FileOperation, command: Command, name: String, column: Int) {
    self.operation = operation
    self.command = command
    self.name = name
    self.column = column
  }
}
