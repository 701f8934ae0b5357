import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing

/// Issue 10 item 5, continued: `epoch` and `gradcheck` on a large network run as jobs in the
/// TUI, show progress, and stop at any key; a stopped `gradcheck` changes nothing.
@Suite struct LongJobTests {
  /// A 4-200-200-2 network (41,200 weights) with two samples: `gradcheck` is 200 parameters ×
  /// two passes over both samples, many slices of work.
  static let large = [
    "network 4-200-200-2 seed=5", "sample add 1 0.5 -0.25 2 -> 0 1",
    "sample add -1 0.25 0.5 1 -> 1 0",
  ]

  @Test func gradcheckRunsInSlicesAndAnswersAsTheSessionDoes() {
    var s = interactive(Self.large)
    var reference = s.session
    guard case .success(let expected) = reference.execute("gradcheck h=1e-6") else {
      Issue.record("gradcheck failed in the session")
      return
    }
    let before = s.session.trainer
    let effect = App.submit("gradcheck h=1e-6", &s).effect
    #expect(effect == .tick(milliseconds: 0))
    #expect(Views.render(s).lines.last?.contains("running `gradcheck`: parameter") == true)
    var ticks = 0
    while s.job != nil, ticks < 10_000 {
      _ = App.update(&s, .tick)
      ticks += 1
    }
    #expect(ticks > 1)
    let answer = s.output.suffix(expected.lines.count).map(\.text)
    #expect(answer == expected.lines)
    let all = s.session.trainer.network.allParameters.count
    #expect(expected.lines.contains { $0.contains("checked 200 of the \(all) parameters") })
    #expect(BitwiseEquality.equal(s.session.trainer, before))
    #expect(!s.session.canRedo)
  }

  @Test func aKeyStopsGradcheckAndNothingChanges() {
    var s = interactive(Self.large)
    let before = s.session.trainer
    let couldUndo = s.session.canUndo
    _ = App.submit("gradcheck", &s)
    #expect(s.job?.check != nil)
    _ = App.update(&s, .tick)
    let done = s.job?.check?.rows.count ?? 0
    #expect(done > 0 && done < 200)
    _ = App.update(&s, .key(.character("x")))
    #expect(s.job == nil)
    #expect(BitwiseEquality.equal(s.session.trainer, before))
    #expect(s.session.canUndo == couldUndo)
    #expect(
      s.output.last?.text
        == "stopped `gradcheck` after \(done) of 200 parameters; nothing changed")
  }

  @Test func aSmallGradcheckIsNotAJob() {
    var s = interactive(["example mazur"])
    _ = App.submit("gradcheck", &s)
    #expect(s.job == nil)
    #expect(s.output.contains { $0.text.contains("backprop and finite differences agree") })
    // A bad line is refused by the session, as before.
    _ = App.submit("gradcheck h=2", &s)
    #expect(s.job == nil)
    #expect(s.notice?.contains("is not a step size") == true)
  }

  /// `epoch` where samples × weights exceed a slice (13 samples × 162,400 weights): micro-steps a
  /// slice at a time, each slice where `step` would have put it; a key keeps the state reached,
  /// and `undo` takes the whole job back.
  @Test func epochRunsAsAJobAndAKeyKeepsTheStateReached() {
    var lines = ["network 4-400-400-2 seed=5"]
    for k in 0..<13 {
      let x = Double(k) / 13
      lines.append("sample add \(x) \(1 - x) \(x * x) -1 -> \(k % 2) \(1 - k % 2)")
    }
    var s = interactive(lines)
    let before = s.session.trainer
    let effect = App.submit("epoch", &s).effect
    #expect(effect == .tick(milliseconds: 0))
    #expect(Views.render(s).lines.last?.contains("running `epoch`: micro-step") == true)
    for _ in 0..<3 { _ = App.update(&s, .tick) }
    #expect(s.job != nil)
    let done = s.job?.kind?.done ?? 0
    #expect(done >= 500 * 3)
    let reached = s.session.trainer
    _ = App.update(&s, .key(.character("x")))
    #expect(s.job == nil)
    #expect(s.session.trainer == reached)
    #expect(
      s.output.contains {
        $0.text.hasPrefix("interrupted `epoch` after \(done) micro-steps; `undo` takes back all")
      })
    // The same number of micro-steps through the session reaches the same state.
    var reference = Session(trainer: before)
    _ = reference.execute("step \(done)")
    #expect(reference.trainer == reached)
    App.submit("undo", &s)
    #expect(s.session.trainer == before)
  }
}
