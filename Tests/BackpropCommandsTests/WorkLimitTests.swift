import BackpropEngine
import Testing

@testable import BackpropCommands

/// Issue 10 item 5: no allowed command has unbounded cost.
@Suite struct WorkLimitTests {
  @Test func trainBeyondTheWorkLimitIsRefusedWithTheLargestThatFits() {
    var s = Session()
    s.run("example xor")
    let before = s.trainer
    let perEpoch = s.trainer.samples.count * (s.trainer.network.weights.count + 100)
    let most = Session.workLimit / perEpoch
    guard case .failure(let e) = s.execute("train 100000000") else {
      Issue.record("train 100000000 ran")
      return
    }
    #expect(e.column == 7)
    #expect(e.message.contains("\(perEpoch * 100_000_000) weight-updates"))
    #expect(e.message.contains("\(Session.workLimit)"))
    #expect(e.expected?.contains("`train \(most)`") == true)
    #expect(s.trainer == before)
    // One more than fits is refused too; a small count runs.
    #expect((try? s.execute("train \(most + 1)").get()) == nil)
    s.run("train 10")
    #expect(s.trainer.epoch == 10)
  }

  @Test func anEpochBeyondTheLimitIsRefused() {
    var s = Session()
    // 1024 × 1024 weights (the largest network): one epoch over 954 samples is 1.0e9
    // weight-updates.
    s.run("network 1024-1024")
    let weights = s.trainer.network.weights.count
    #expect(weights == NetworkShape.maximumWeights)
    let samples = Session.workLimit / (weights + 100) + 1
    let inputs = Array(repeating: 0.5, count: 1024)
    let sample = Sample(inputs: inputs, targets: Array(repeating: 0.5, count: 1024))
    s.trainer.replaceSamples(Array(repeating: sample, count: samples))
    let before = s.trainer
    guard case .failure(let e) = s.execute("epoch") else {
      Issue.record("epoch ran")
      return
    }
    #expect(e.message.contains("\(samples * (weights + 100)) weight-updates"))
    #expect(e.expected?.contains("fewer samples") == true)
    #expect(s.trainer == before)
  }

  @Test func showOnTheLargestNetworkIsCut() {
    var s = Session()
    let sizes = Array(repeating: "256", count: NetworkShape.maximumLayers).joined(separator: "-")
    s.run("network \(sizes)")
    let total = s.trainer.network.allParameters.count
    #expect(total == 15 * (256 * 256 + 256))
    let out = s.run("show")
    #expect(out.lines.count <= 2 * Session.shownRows + 10)
    let last = s.trainer.network.allParameters.last!.name
    #expect(
      out.lines.contains(
        "… \(total - Session.shownRows) more weights; `get NAME` for one value (e.g. `get \(last)`)"
      ))
    #expect(out.lines.contains { $0.hasPrefix("… \(16 * 256 - Session.shownRows) more neurons") })
    // The value it points at is there to get.
    #expect(s.run("get \(last)").lines.count == 1)
  }

  @Test func showOnASmallNetworkIsWhole() {
    var s = Session()
    s.run("example mazur")
    let out = s.run("show weights")
    #expect(!out.lines.contains { $0.hasPrefix("…") })
    #expect(out.lines.count == 1 + 1 + s.trainer.network.allParameters.count)
  }

  /// `gradcheck` all at once costs two passes over every sample per parameter: on a large
  /// network with many samples it checks as many parameters as the limit allows, and when not
  /// even one fits it is refused with the cost named (it took minutes before).
  @Test func gradcheckStaysWithinTheWorkLimit() {
    var s = Session()
    s.run("network 2-1000-1000-1")
    let weights = s.trainer.network.weights.count
    let perParameter = { (samples: Int) in 2 * samples * (weights + 100) }
    // Enough samples that one parameter is over the limit.
    let many = Session.workLimit / perParameter(1) + 1
    s.run("data spiral n=\(many)")
    guard case .failure(let e) = s.execute("gradcheck") else {
      Issue.record("gradcheck ran over the limit")
      return
    }
    #expect(e.message.contains("\(perParameter(many)) weight-updates"), "\(e.message)")
    #expect(e.expected?.contains("runs as a job") == true)
    // Fewer samples: as many parameters as fit (prepared here, not run: it fills the limit).
    s.run("data spiral n=20")
    let fits = Session.workLimit / perParameter(20)
    #expect(fits < Context.gradcheckLimit)
    var args = Arguments([], lineLength: 9)
    let progress = try? Context(session: s).gradcheckStart(
      &args, usage: "gradcheck", withinWorkLimit: true)
    #expect(progress?.parameters.count == fits)
    #expect(progress.map { $0.workPerParameter * $0.parameters.count } ?? .max <= Session.workLimit)
  }
}
