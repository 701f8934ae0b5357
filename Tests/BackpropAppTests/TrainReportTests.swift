@testable import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing
import TextGrid

/// `train N` in the interface (a job of slices) reports in the session's words: mean E before
/// → after, and test E when there is a test set. Before, it said only `mean E = 0.091871`.
@Suite struct TrainReportTests {
  /// The same commands headless and in the interface: the interface's closing line is the
  /// session's line, word for word and number for number.
  @Test(arguments: [
    ["example xor", "train 9000"],
    ["data spiral n=40 seed=1", "data split 0.25 seed=3", "train 5000"],
  ])
  func theJobSaysWhatTheSessionSays(_ commands: [String]) throws {
    var session = Session()
    var expected = ""
    for c in commands {
      guard case .success(let out) = session.execute(c) else {
        Issue.record("\(c) failed")
        return
      }
      expected = out.lines[0]
    }
    var s = AppState(startScreen: false)
    s.isInteractive = true
    for c in commands.dropLast() { App.submit(c, &s) }
    var effect = App.submit(commands.last!, &s).effect
    var guardCount = 0
    while s.job != nil, guardCount < 10_000 {
      effect = App.update(&s, .tick)
      guardCount += 1
    }
    _ = effect
    let line = try #require(s.output.last { $0.text.hasPrefix("trained ") }?.text)
    #expect(line == expected)
    #expect(line.contains(" → "))
    #expect(line.contains("; test E ") == commands.contains { $0.hasPrefix("data split") })
  }

  /// Stopped by a key, the line says so, with the E reached.
  @Test func anInterruptedRunReportsBeforeAndAfter() throws {
    var s = AppState(startScreen: false)
    s.isInteractive = true
    App.submit("data spiral n=40 seed=1", &s)
    App.submit("data split 0.25 seed=3", &s)
    let t0 = s.session.trainer
    let before = t0.network.meanError(on: t0.samples)
    let testBefore = try #require(t0.testError)
    _ = App.submit("train 10000000", &s)
    _ = App.update(&s, .tick)
    _ = App.update(&s, .key(.character("x")))
    let t = s.session.trainer
    let line = try #require(s.output.last?.text)
    let n = { (x: Double) in NumberFormat.format(x, digits: s.session.digits) }
    #expect(
      line
        == "interrupted after \(t.epoch) epochs (now at epoch \(t.epoch)): mean E \(n(before)) → \(n(t.network.meanError(on: t.samples))); test E \(n(testBefore)) → \(n(t.testError!))"
    )
  }
}
