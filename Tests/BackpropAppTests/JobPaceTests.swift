import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing

/// Issue: long TUI jobs must stop at any key. A slice of a job follows the time the last one
/// took (sent by the TUI loop as `.jobSliceTook`), so it stays near 50 ms on any data size.
@Suite struct JobPaceTests {
  /// 2,000 spiral samples on a 2-16-16-1 network: 2,000 × 337 weight-updates an epoch.
  static let spiral = ["network 2-16-16-1 logistic seed=1", "data spiral n=2000 seed=1"]

  /// Epochs run by one tick of the training job in `s`.
  func epochsOfOneTick(_ s: inout AppState) -> Int {
    let before = s.session.trainer.epoch
    _ = App.update(&s, .tick)
    return s.session.trainer.epoch - before
  }

  @Test func aSlowSliceShrinksTheNextAndAFastOneGrowsIt() {
    var s = interactive(Self.spiral)
    _ = App.submit("train 1000000", &s)
    let perEpoch = 2000 * s.session.trainer.network.weights.count
    #expect(s.job?.pace == 1)
    // A slice of 200 ms is four times the 50 ms target: the next is a quarter as big.
    _ = App.update(&s, .jobSliceTook(.milliseconds(200)))
    #expect(s.job?.pace == 0.25)
    #expect(epochsOfOneTick(&s) == max(1, 2_000_000 / 4 / perEpoch))
    // A slice of 25 ms: twice as big again.
    _ = App.update(&s, .jobSliceTook(.milliseconds(25)))
    #expect(s.job?.pace == 0.5)
    // A very fast slice grows it by at most a factor of 4 at a time.
    _ = App.update(&s, .jobSliceTook(.microseconds(10)))
    #expect(s.job?.pace == 2)
    #expect(epochsOfOneTick(&s) == 4_000_000 / perEpoch)
    _ = App.update(&s, .key(.character("x")))
    #expect(s.job == nil)
  }

  @Test func theMeasurementChangesNothingWithoutAJob() {
    var s = interactive(Self.spiral)
    let before = s
    #expect(App.update(&s, .jobSliceTook(.seconds(3))) == .none)
    #expect(s.job == nil)
    #expect(BitwiseEquality.equal(s.session.trainer, before.session.trainer))
  }

  @Test func gradcheckSlicesFollowThePace() {
    var s = interactive(Self.spiral)
    _ = App.submit("gradcheck", &s)
    let check = try! #require(s.job?.check)
    let base = max(1, 2_000_000 / check.workPerParameter)
    _ = App.update(&s, .jobSliceTook(.milliseconds(50) * 4))
    _ = App.update(&s, .tick)
    #expect(s.job?.check?.rows.count == check.rows.count + max(1, base / 4))
    _ = App.update(&s, .key(.character(" ")))
    #expect(s.job == nil)
    #expect(s.output.last?.text.hasPrefix("stopped `gradcheck`") == true)
  }
}
