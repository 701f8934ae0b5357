/// A command that could not be carried out, with where on the line the problem is.
///
/// A failed command changes nothing; the message says what was found and what was expected, and
/// `column` lets the command line (and `file:line:column` reports) point at the spot.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 1-based column of the offending word (1 when the whole line is at fault).
  public var column: Int
  public var message: String
  /// What would have been accepted there, if that can be said briefly.
  public var expected: String?

  public init(column: Int, message: String, expected: String? = nil) {
    self.column = column
    self.message = message
    self.expected = expected
  }

  /// "column 5: unknown activation `tanhh` (expected one of: logistic, tanh, …)".
  public var description: String {
    var s = "column \(column): \(message)"
    if let expected { s += " (expected \(expected))" }
    return s
  }
}
