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
}
