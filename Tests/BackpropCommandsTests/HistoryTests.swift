import BackpropEngine
import Testing

@testable import BackpropCommands

/// The history keeps a whole trainer only every `History.snapshotSpacing` micro-steps and
/// rebuilds the others by replaying steps; these check that the rebuilt states are the same bits,
/// and that the history stays within its byte budget.
@Suite struct HistoryTests {
  /// Mazur's example after `count` micro-steps, with no history involved.
  static func mazur(afterSteps count: Int) -> Trainer {
    var t = Example.mazur.trainer()
    for _ in 0..<count { t.step() }
    return t
  }

  /// `back` one micro-step at a time through commands much longer than the snapshot spacing,
  /// landing on every state between whole snapshots.
  @Test func backThroughLongCommandsIsBitExact() {
    var session = Session()
    session.run(["step 70", "step 1", "step 45"])
    let total = 116
    #expect(total > 3 * History.snapshotSpacing)
    #expect(session.trainer == Self.mazur(afterSteps: total))
    for k in stride(from: total - 1, through: 0, by: -1) {
      session.run("back")
      #expect(session.trainer == Self.mazur(afterSteps: k), "after going back to step \(k)")
    }
    #expect(!session.canUndo)
  }

  /// `back` into the middle of a command, `redo`, `undo` and `redo` again: every stop is exact.
  @Test func backRedoAndUndoMixAcrossSnapshots() {
    var session = Session()
    session.run(["step 100", "step 50"])
    session.run("back 60")
    #expect(session.trainer == Self.mazur(afterSteps: 90))
    session.run("redo 30")
    #expect(session.trainer == Self.mazur(afterSteps: 120))
    // `undo` takes back what is left of the newest command, `step 50`: to step 100.
    session.run("undo")
    #expect(session.trainer == Self.mazur(afterSteps: 100))
    session.run("undo")
    #expect(session.trainer == Self.mazur(afterSteps: 0))
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 100))
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 120))
    session.run("back 45")
    #expect(session.trainer == Self.mazur(afterSteps: 75))
  }

  /// A network whose snapshots are large: the history drops its oldest entries to stay within
  /// its byte budget, and what is left still undoes exactly.
  @Test func historyStaysWithinItsByteBudget() {
    var session = Session()
    session.run(["network 2-60-60-1 logistic seed=1", "data xor"])
    var before: Trainer?
    for k in 0..<40 {
      if k == 39 { before = session.trainer }
      session.run("step 500")
      #expect(session.undoStack.bytes <= History.byteLimit)
    }
    #expect(session.undoStack.entries.first?.snapshot != nil)
    // The budget forced some of the 40 × 500 entries out.
    #expect(session.undoStack.count < 40 * 500)
    session.run("undo")
    #expect(session.trainer == before)
  }

  /// A network whose every snapshot is over the budget on its own (a million weights): the
  /// history keeps the state before the newest command anyway, so `undo` takes it back.
  @Test func theNewestCommandCanBeUndoneWhateverItsSize() {
    var session = Session()
    session.run(["network 1024-1024 logistic seed=1", "set w_1,1025 0.5"])
    // One snapshot is over what trimming keeps (three quarters of the budget).
    let cost = History.cost(of: session.undoStack.entries.last!, after: nil)
    #expect(cost > History.byteLimit - History.byteLimit / 4)
    let before = session.trainer
    session.run("set w_2,1025 0.25")
    #expect(session.undoStack.count == 1)
    session.run("undo")
    #expect(session.trainer == before)
  }

  /// The running byte count equals the sum of the entries' costs recomputed from scratch, after
  /// appends, `back`, `redo` and trimming.
  @Test func byteCountMatchesTheEntries() {
    var session = Session()
    session.run(["network 2-40-40-1 logistic seed=2", "data xor"])
    for _ in 0..<12 { session.run("step 700") }
    session.run(["back 300", "redo 100"])
    var expected = 0
    var previous: Trainer?
    for e in session.undoStack.entries {
      expected += History.cost(of: e, after: previous)
      if let s = e.snapshot { previous = s }
    }
    #expect(session.undoStack.bytes == expected)
  }
}
