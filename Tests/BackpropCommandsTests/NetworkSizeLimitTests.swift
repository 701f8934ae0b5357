import BackpropEngine
import Testing

@testable import BackpropCommands

/// Networks are limited to 2^20 weights in all, with a message that says so; a network at the
/// limit is accepted, and a refused one changes nothing.
@Suite struct NetworkSizeLimitTests {
  @Test func tooManyWeightsIsRefusedWithTheLimit() {
    var s = Session()
    let before = s.trainer
    guard case .failure(let error) = s.execute("network 1024-1024-1024 logistic") else {
      Issue.record("a network of 2,097,152 weights was accepted")
      return
    }
    #expect(error.message.contains("2097152 weights"))
    #expect(error.message.contains("at most 1048576"))
    #expect(s.trainer == before)
  }

  @Test func theLimitItselfIsAccepted() {
    var s = Session()
    s.run("network 1024-1024 logistic seed=1")
    #expect(s.trainer.network.shape.weightCount == NetworkShape.maximumWeights)
  }
}
