import BackpropEngine
import Testing

@testable import BackpropCommands

/// Undo, redo and back must restore the engine state exactly: `Trainer` is `Equatable` over every
/// bit of it (weights, pass values, position, epoch, loss curve, trail), so `==` is the test.
@Suite struct UndoRedoTests {
  /// Sequences that between them touch every kind of state change: stepping inside a pass,
  /// whole passes, fast training, set-up commands that replace the network or the data.
  static let sequences: [[String]] = [
    [
      "example mazur", "step", "step 3", "forward", "backward", "update", "train 50",
      "set w_35 0.1", "mode batch", "epoch", "network 2-3-1 tanh", "data xor", "randomize 7",
      "sample add 0.5 0.25 -> 1",
    ],
    [
      "example xor", "mode batch", "update", "set eta 0.3", "set x 0.2 0.9", "mode online",
      "sample 3", "step 4", "restart", "train 10", "restart history", "set b_3 -0.5",
      "sample remove 1", "finish", "set t_5 0.25", "sample clear",
    ],
    [
      "network 3-4-3 relu,softmax loss=cross-entropy bias=on seed=9",
      "sample add 1 2 3 -> 0 0 1", "sample add -1 0.5 0 -> 1 0 0", "step 20", "epoch",
      "train 5", "network 2-2-2 swish loss=se bias=frozen seed=3", "example linear2",
      "mode batch", "train 3",
    ],
  ]

  @Test(arguments: sequences)
  func undoThenRedoRestoresEveryStateBitForBit(_ commands: [String]) {
    var session = Session.startingOnLinear()
    var states = [session.trainer]
    for line in commands {
      session.run(line)
      // Every command here changes the state, so each one is exactly one undo entry.
      #expect(session.trainer != states.last!, "`\(line)` should change the state")
      states.append(session.trainer)
    }

    for k in stride(from: commands.count - 1, through: 0, by: -1) {
      session.run("undo")
      #expect(session.trainer == states[k], "undoing `\(commands[k])`")
    }
    #expect(!session.canUndo)
    let undoFailure = session.fail("undo")
    #expect(undoFailure?.message == "nothing to undo")

    for k in 1...commands.count {
      session.run("redo")
      #expect(session.trainer == states[k], "redoing `\(commands[k - 1])`")
    }
    #expect(!session.canRedo)
    let redoFailure = session.fail("redo")
    #expect(redoFailure?.message == "nothing to redo")
  }

  @Test func undoAndRedoTakeACount() {
    var session = Session.startingOnLinear()
    var states = [session.trainer]
    for line in ["example mazur", "step 2", "forward", "backward", "update"] {
      session.run(line)
      states.append(session.trainer)
    }
    session.run("undo 3")
    #expect(session.trainer == states[2])
    session.run("redo 2")
    #expect(session.trainer == states[4])
    // More than there is: goes as far as it can.
    session.run("undo 100")
    #expect(session.trainer == states[0])
    session.run("redo 100")
    #expect(session.trainer == states[5])
  }

  @Test func aNewCommandAfterUndoForgetsTheRedoHistory() {
    var session = Session.startingOnLinear()
    session.run(["example mazur", "forward", "undo"])
    #expect(session.canRedo)
    session.run("step")
    #expect(!session.canRedo)
  }

  @Test func readingCommandsLeaveNoHistory() {
    var session = Session()
    session.run(["forward", "backward"])
    let before = SessionSnapshot(session)
    session.run(["show", "get o_5 δ_3", "explain δ_3", "gradcheck", "help", "sample list"])
    let after = SessionSnapshot(session)
    #expect(after.trainer == before.trainer)
    #expect(after.undoCount == before.undoCount && after.redoCount == before.redoCount)
  }

  // MARK: - back

  /// The state after running `count` micro-steps from Mazur's example, computed without any
  /// history in between, to compare `back` against.
  static func mazur(afterSteps count: Int) -> Trainer {
    var t = Example.mazur.trainer()
    for _ in 0..<count { t.step() }
    return t
  }

  @Test func backGoesBackInsideASingleForwardCommand() {
    var session = Session()
    session.run("forward")
    // Mazur's 2-2-2 forward pass is 9 micro-steps: net and o for neurons 3–6, then E.
    #expect(session.trainer == Self.mazur(afterSteps: 9))
    session.run("back 2")
    #expect(session.trainer == Self.mazur(afterSteps: 7))

    // The same state reached by typing `step 7` on a fresh session.
    var fresh = Session()
    fresh.run("step 7")
    #expect(session.trainer == fresh.trainer)

    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 8))
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 9))
    let redoFailure = session.fail("redo")
    #expect(redoFailure != nil)
  }

  @Test func backCrossesCommandBoundariesOneMicroStepAtATime() {
    var session = Session()
    session.run(["step", "step 3", "forward"])
    for k in stride(from: 8, through: 0, by: -1) {
      session.run("back")
      #expect(session.trainer == Self.mazur(afterSteps: k), "after going back to step \(k)")
    }
    let backFailure = session.fail("back")
    #expect(backFailure?.message == "nothing to go back to")
    session.run("redo 5")
    #expect(session.trainer == Self.mazur(afterSteps: 5))
  }

  @Test func undoAfterBackUndoesTheRestOfThatCommandAndRedoReplaysInOrder() {
    var session = Session()
    session.run(["forward", "back 2", "undo"])
    #expect(session.trainer == Self.mazur(afterSteps: 0))
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 7))
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 8))
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 9))
  }

  @Test func backAfterAWholeUpdateLandsBeforeTheLastWeightUpdate() {
    var session = Session()
    session.run("update")
    // forward 9 + backward 12 + update 8 (four weights per layer, biases frozen) = 29 steps.
    #expect(session.trainer == Self.mazur(afterSteps: 29))
    session.run("back")
    #expect(session.trainer == Self.mazur(afterSteps: 28))
    #expect(session.trainer.network[.weight(from: 4, to: 6)] == 0.55)
    #expect(session.trainer.network[.weight(from: 3, to: 6)] != 0.5)
  }

  /// `back` is documented as one micro-step "even inside a pass run by one command". After `undo`
  /// and `redo` of `forward`, it should still step back one micro-step.
  @Test func backAfterRedoStillGoesBackOneMicroStep() {
    var session = Session()
    session.run(["forward", "undo", "redo"])
    #expect(session.trainer == Self.mazur(afterSteps: 9))
    let output = session.run("back")
    #expect(output.lines.first?.hasPrefix("went back 1 step") == true)
    // Compared as a Bool so a failure names the position instead of dumping two trainers.
    let oneStepBack = session.trainer == Self.mazur(afterSteps: 8)
    #expect(
      oneStepBack,
      "back after redo went to \(session.trainer.position), not to forward step 8 of 9")
  }

  /// Past `Session.microHistoryStepLimit` micro-steps a command is undone as a whole.
  @Test func aCommandTooLongForMicroHistoryUndoesAsAWhole() {
    var session = Session()
    let start = session.trainer
    session.run("step 2500")
    #expect(session.trainer == Self.mazur(afterSteps: 2500))
    session.run("back")
    #expect(session.trainer == start)
    session.run("redo")
    #expect(session.trainer == Self.mazur(afterSteps: 2500))
    session.run("undo")
    #expect(session.trainer == start)
  }

  /// The TUI runs a long `train` in chunks merged into one undo entry.
  @Test func mergedChunksUndoAsOneCommand() {
    var session = Session()
    let start = session.trainer
    for merging in [false, true, true] {
      _ = session.execute("train 10", mergingWithPrevious: merging)
    }
    let trained = session.trainer
    #expect(trained.epoch == 30)
    session.run("undo")
    #expect(session.trainer == start)
    #expect(!session.canUndo)
    session.run("redo")
    #expect(session.trainer == trained)
  }
}
