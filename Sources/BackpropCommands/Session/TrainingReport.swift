import BackpropEngine

/// What a run of whole epochs did, in the one wording that `train N` uses everywhere: the
/// session (headless, scripts, lessons) and the interface's training job, finished or stopped
/// by a key, all say `trained N epochs (now at epoch M): mean E a → b; test E c → d`.
public struct TrainingReport: Equatable, Sendable {
  public var epochs: Int
  /// The epoch reached.
  public var epoch: Int
  /// The mean error over the training samples before and after.
  public var errorBefore: Double
  public var errorAfter: Double
  /// The mean error over the test set of `data split`, when there is one.
  public var testBefore: Double?
  public var testAfter: Double?

  public init(
    epochs: Int, epoch: Int, errorBefore: Double, errorAfter: Double, testBefore: Double?,
    testAfter: Double?
  ) {
    self.epochs = epochs
    self.epoch = epoch
    self.errorBefore = errorBefore
    self.errorAfter = errorAfter
    self.testBefore = testBefore
    self.testAfter = testAfter
  }

  /// The report's line; `interrupted` when a key stopped the run before its end.
  public func line(digits: Int, interrupted: Bool = false) -> String {
    let n = { (x: Double) in NumberFormat.format(x, digits: digits) }
    var line =
      "\(interrupted ? "interrupted after" : "trained") \(epochs) epoch\(epochs == 1 ? "" : "s") (now at epoch \(epoch)): mean E \(n(errorBefore)) → \(n(errorAfter))"
    if let testBefore, let testAfter {
      line += "; test E \(n(testBefore)) → \(n(testAfter))"
    }
    return line
  }
}
