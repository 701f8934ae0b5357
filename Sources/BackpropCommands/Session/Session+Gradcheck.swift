import BackpropEngine

/// `gradcheck` a slice at a time, for the TUI: on a large network it checks 200 parameters at
/// two passes over every sample each, which held the screen for seconds. The app starts the
/// check here, runs `GradientCheck.Progress.check` a few parameters per tick, and asks for the
/// answer the session would have given. The check reads the state and never changes it.
extension Session {
  /// The check a `gradcheck` line asks for, not yet run; nil when the line is not a valid
  /// `gradcheck` now (the session words the refusal when the line is executed).
  public func startGradcheck(_ line: String) -> GradientCheck.Progress? {
    guard line.utf8.count <= Self.maximumLineLength,
      let tokens = try? Tokenizer.tokenize(line), let first = tokens.first,
      CommandSpec.named(first.text) == .gradcheck
    else { return nil }
    var args = Arguments(Array(tokens.dropFirst()), lineLength: line.count)
    return try? Context(session: self).gradcheckStart(
      &args, usage: Command.gradcheck.spec.usage)
  }

  /// What `gradcheck` answers for a check run to its end (or as far as it went).
  public func gradcheckOutput(_ progress: GradientCheck.Progress) -> CommandOutput {
    Context(session: self).gradcheckOutput(progress)
  }
}
