import BackpropEngine
import Foundation
import Testing

@testable import BackpropCommands

/// Counts agree with their nouns: "the 1 sample", "the 4 samples", never "1 samples".
@Suite struct PluralTests {
  @Test func countedAgrees() {
    #expect(counted(0, "sample") == "0 samples")
    #expect(counted(1, "sample") == "1 sample")
    #expect(counted(2, "sample") == "2 samples")
    #expect(counted(1, "training sample") == "1 training sample")
  }

  @Test func batchModeOnOneSampleSaysSample() {
    // Mazur's example has one sample.
    var s = Session()
    #expect(s.trainer.samples.count == 1)
    #expect(
      s.run("mode batch").lines
        == ["batch: one update per epoch, with the mean gradient over the 1 sample"])
    s.run("example xor")
    #expect(s.trainer.samples.count == 4)
    #expect(s.run("mode batch").lines.first?.hasSuffix("over the 4 samples") == true)
  }

  /// Every command that prints a count of samples, run on one sample: none says "1 samples".
  @Test func noAnswerSaysOneSamples() {
    var s = Session()
    var lines: [String] = []
    for line in [
      "mode batch", "get mean_dE/dw_35", "explain mean_dE/dw_35", "forward", "backward",
      "get mean_dE/dw_35", "explain mean_dE/dw_35", "gradcheck", "show data", "data",
      "count", "example mazur",
    ] {
      if case .success(let out) = s.execute(line) { lines += out.lines }
    }
    #expect(lines.contains { $0.contains("the 1 sample") })
    #expect(!lines.contains { $0.contains("1 samples") }, "\(lines)")
  }
}
