import BackpropEngine

/// The most work one headless or lesson command may ask for, so that no allowed line runs for
/// minutes: `train 100000000` on XOR, or one `epoch` on a 16 × 1024 network with thousands of
/// samples, is refused with the limit named instead of attempted. The interface runs `train`
/// as an interruptible job of small slices, which this limit does not bound.
extension Context {
  /// Work (samples × (weights + `sampleOverhead`) × epochs) one command may do: a second or two in a
  /// release build on this 2-core machine under load.
  static let workLimit = 1_000_000_000

  /// What a sample-step costs besides its weights, in weight-updates: on XOR (6 weights) a
  /// sample-step took about 100 ns, as long as some 100 weight-updates of a large network.
  static let sampleOverhead = 100

  /// Work of one epoch over the training samples.
  var workPerEpoch: Int {
    max(1, trainer.samples.count) * (trainer.network.weights.count + Self.sampleOverhead)
  }

  /// Refuses `epochs` epochs when they exceed `workLimit`, pointing at `column`.
  func requireWork(epochs: Int, column: Int, command: String) throws(CommandError) {
    let perEpoch = workPerEpoch
    let (total, overflow) = perEpoch.multipliedReportingOverflow(by: epochs)
    guard overflow || total > Self.workLimit else { return }
    let most = Self.workLimit / perEpoch
    let cost =
      "\(counted(trainer.samples.count, "sample")) × (\(counted(trainer.network.weights.count, "weight")) + \(Self.sampleOverhead) per sample) × \(counted(epochs, "epoch"))"
    throw CommandError(
      column: column,
      message:
        "\(command) is \(overflow ? "more than \(Int.max)" : "\(total)") weight-updates (\(cost)); one command may do at most \(Self.workLimit)",
      expected: most >= 1
        ? "`train \(most)` or fewer (in the interface a longer `train` runs as a job any key stops)"
        : "fewer samples or a smaller network (in the interface `epoch` runs as a job any key stops)"
    )
  }
}
