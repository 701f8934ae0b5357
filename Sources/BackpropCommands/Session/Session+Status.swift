/// What the stepping commands print last, for a caller that ran them in slices (the TUI's jobs).
extension Session {
  /// Divergence, a finished epoch, and the next micro-step.
  public var statusLines: [String] { Context(session: self).statusAfterRun() }
}

/// The limits the commands hold to, for the interface and the tests.
extension Session {
  /// The most micro-steps one `step N` runs.
  public static var stepLimit: Int { Context.stepLimit }
  /// The most weight-updates (samples × weights × epochs) one `train` or `epoch` does.
  public static var workLimit: Int { Context.workLimit }
  /// The most rows `show` prints of each table.
  public static var shownRows: Int { Context.shownRows }
}
