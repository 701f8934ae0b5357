import Foundation
import Testing

@testable import BackpropCommands

/// Too large a learning rate makes the weights blow up. The tutor must say so (which quantity,
/// NaN or ∞), stop stepping with a clear message, and let `undo` recover; never crash.
@Suite struct DivergenceTests {
  /// The linear neuron with η = 100: both weights move by −η·2(w1 + w2), so the sum s = w1 + w2
  /// becomes −399 s each epoch, |s| = 399^k after k epochs. E = s² overflows once |s| passes
  /// √(1.8e308) ≈ 1.34e154: 399^59 ≈ 2.9e153 still fits, 399^60 ≈ 1.1e156 does not. So 60
  /// epochs complete and the forward pass of the 61st finds E = +∞.
  @Test func aHugeLearningRateDivergesAndIsReported() throws {
    var session = Session()
    session.run(["example linear", "set eta 100"])
    let beforeTraining = session.trainer
    let output = session.run("train 2000")

    #expect(session.trainer.epoch == 60)
    let divergence = try #require(session.trainer.divergence)
    #expect(divergence.quantity == "E")
    #expect(divergence.value == .infinity)
    #expect(output.text.contains("diverged: E became +∞"), "\(output.text)")
    #expect(output.lines.first?.hasPrefix("trained 60 epochs") == true, "\(output.text)")

    let w = try session.value(named: "w_13")
    #expect(isClose(w, pow(399, 60) / 2, relative: 1e-12))
    #expect(try session.value(named: "w_23") == w)

    // Stepping now fails, saying why and what to do.
    let stepFailure = session.fail("step")
    let error = try #require(stepFailure)
    #expect(error.message.contains("diverged"))
    #expect(error.message.contains("undo"))
    let forwardFailure = session.fail("forward")
    #expect(forwardFailure != nil)
    let trainFailure = session.fail("train 1")
    #expect(trainFailure != nil)

    // Undo goes back to where the weights were finite.
    session.run("undo")
    #expect(session.trainer == beforeTraining)
    #expect(session.trainer.divergence == nil)
    #expect(session.trainer.network.weights.allSatisfy { $0.isFinite })
    session.run("step")
  }

  /// Diverging while stepping names the micro-step's quantity: with w = (1e200, 1e200),
  /// net_3 = o_3 = 2e200 are finite but E = (2e200)² is +∞.
  @Test func divergingMidPassNamesTheQuantity() throws {
    var session = Session()
    session.run(["example linear", "set w_13 1e200", "set w_23 1e200", "step 2"])
    #expect(session.trainer.divergence == nil)
    let output = session.run("step")
    #expect(session.trainer.divergence?.quantity == "E")
    #expect(
      output.text.contains("diverged: E became +∞ in the forward pass of sample 1"),
      "\(output.text)")
    let nextStepFailure = session.fail("step")
    #expect(nextStepFailure?.message.contains("E became +∞") == true)
  }

  /// ∞ + (−∞) is NaN, already at net_3. (No value takes ∞; products of finite ones overflow.)
  @Test func aNaNIsNamedToo() throws {
    var session = Session()
    session.run([
      "example linear", "set w_13 1e308", "set w_23 1e308", "set x_1 1e308", "set x_2 -1e308",
    ])
    let output = session.run("forward")
    #expect(session.trainer.divergence?.quantity == "net_3")
    #expect(session.trainer.divergence?.value.isNaN == true)
    #expect(output.text.contains("net_3 became NaN"), "\(output.text)")
    #expect(output.field("count")?.numberValue == 1)
  }

  /// Changing a weight clears the divergence flag, since the pass starts over.
  @Test func settingAWeightAfterDivergenceLetsSteppingResume() {
    var session = Session()
    session.run(["example linear", "set eta 100", "train 2000", "set w_13 0.5", "set w_23 0.5"])
    #expect(session.trainer.divergence == nil)
    session.run("forward")
  }

  /// `explain next` previews the next micro-step by running it on a copy. After divergence the
  /// copy refuses to step, so the preview must not present the stale (zero) value as the result:
  /// here net_3 = w_13·1 + w_23·1 is a finite 1.1e156, and the preview said "= 0".
  @Test func explainNextAfterDivergenceDoesNotShowAStaleValue() throws {
    var session = Session()
    session.run(["example linear", "set eta 100", "train 2000"])
    let net3 = try session.value(named: "w_13") + (try session.value(named: "w_23"))
    switch session.execute("explain next") {
    case .failure(let error):
      #expect(error.message.contains("diverged"))
    case .success(let output):
      let value = output.field("explanation")?["value"]?.numberValue
      #expect(value == net3, "\(output.text)")
    }
  }
}
