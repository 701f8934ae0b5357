import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing

/// Issue 10 item 5: in the TUI a long `step N` or pass runs as a job of slices on `.tick`,
/// shows progress, stops at any key, ends where the command does, and undoes as one.
@Suite struct StepJobTests {
  /// Ticks until the job ends, counting the ticks.
  func runToEnd(_ s: inout AppState) -> Int {
    var ticks = 0
    while s.job != nil, ticks < 100_000 {
      _ = App.update(&s, .tick)
      ticks += 1
    }
    return ticks
  }

  @Test func stepNRunsInSlicesAndEndsWhereTheCommandDoes() {
    var s = interactive(["example xor"])
    var reference = Session()
    _ = reference.execute("example xor")
    _ = reference.execute("step 2000")
    let effect = App.submit("step 2000", &s).effect
    #expect(effect == .tick(milliseconds: 0))
    #expect(s.job != nil)
    #expect(Views.render(s).lines.last?.contains("running `step 2000`") == true)
    let ticks = runToEnd(&s)
    #expect(ticks >= 2000 / 500 - 1)
    #expect(s.session.trainer == reference.trainer)
    #expect(s.output.contains { $0.text.contains("ran 2000 micro-steps") })
    App.submit("undo", &s)
    var start = Session()
    _ = start.execute("example xor")
    #expect(s.session.trainer == start.trainer)
  }

  @Test func aKeyInterruptsAForwardPassAndTheStateReachedIsKept() {
    var s = interactive(["network 4-400-400-2 seed=3", "sample add 1 2 3 4 -> 0 1"])
    var reference = s.session
    _ = reference.execute("forward")
    let before = s.session.trainer
    _ = App.submit("forward", &s)
    #expect(s.job != nil)
    _ = App.update(&s, .tick)
    let reached = s.session.trainer
    _ = App.update(&s, .key(.character("x")))
    #expect(s.job == nil)
    #expect(s.session.trainer == reached)
    #expect(reached.position.phase == .forward && reached.position.index > 0)
    #expect(s.output.last(where: { $0.text.hasPrefix("interrupted") }) != nil)
    App.submit("undo", &s)
    #expect(s.session.trainer == before)
    // The undo entry is named after the job's command, not the slices it ran as.
    #expect(s.output.contains { $0.text == "undid forward" })
    // Run again to the end: it stops exactly where `forward` does.
    _ = App.submit("forward", &s)
    _ = runToEnd(&s)
    #expect(s.session.trainer == reference.trainer)
    #expect(s.session.trainer.position.phase == .backward)
  }

  @Test func shortCommandsAreNotJobs() {
    var s = interactive(["example mazur"])
    _ = App.submit("forward", &s)
    #expect(s.job == nil)
    _ = App.submit("step 3", &s)
    #expect(s.job == nil)
  }
}
