import BackpropCommands
import BackpropLessons
import Testing

/// Answers, hints, skipping, branching and command questions.
@Suite struct QuestionTests {
  static let predict = Fixture.text(
    """
    > example mazur
    @question
    Predict o_5.
    @answer 0.75137 = o_5
    @hint It is between 0 and 1.
    @hint Close to 3/4.
    @right Well done.
    @wrong Not that.
    @end
    > forward
    @pause
    Next page.
    """)

  @Test func rightAnswerContinuesThePage() throws {
    var d = Drive(try Fixture.lesson(Self.predict))
    #expect(d.runner.status == .waitingForAnswer)
    #expect(d.texts(.question) == ["Predict o_5."])
    #expect(d.runner.currentQuestion?.line == 4)
    d.send(.answer("0.7514"))
    #expect(d.texts(.response) == ["0.7514"])
    #expect(d.texts(.right) == ["Well done."])
    #expect(d.runner.status == .endOfPage)
    #expect(d.texts(.command) == ["example mazur", "forward"])
    #expect(d.runner.problems.isEmpty)
  }

  @Test func oneHintPerWrongTryThenTheAnswer() throws {
    var d = Drive(try Fixture.lesson(Self.predict))
    d.send(.answer("0.5"))
    #expect(d.texts(.wrong) == ["Not that."])
    #expect(d.texts(.hint) == ["It is between 0 and 1."])
    #expect(d.runner.isWaitingForAnswer)
    d.send(.answer("0.6"))
    #expect(d.texts(.hint) == ["It is between 0 and 1.", "Close to 3/4."])
    #expect(d.runner.isWaitingForAnswer)
    d.send(.answer("0.7"))
    #expect(d.texts(.wrong).count == 3)
    #expect(d.texts(.answer) == ["The answer is 0.75137 (o_5)."])
    #expect(d.runner.status == .endOfPage)
    #expect(d.runner.answersTried[4] == ["0.5", "0.6", "0.7"])
  }

  @Test func askingForAHintCostsNoTry() throws {
    var d = Drive(try Fixture.lesson(Self.predict))
    d.send(.hint)
    d.send(.hint)
    d.send(.hint)
    #expect(d.texts(.hint).count == 2)
    #expect(d.texts(.note) == ["No more hints; `skip` shows the answer."])
    #expect(d.runner.isWaitingForAnswer)
    // With the hints used up, a wrong try reveals the answer.
    d.send(.answer("2"))
    #expect(d.texts(.answer).count == 1)
  }

  @Test func unreadableAnswersAreNotTries() throws {
    var d = Drive(try Fixture.lesson(Self.predict))
    d.send(.answer("about three quarters"))
    #expect(d.texts(.error).count == 1)
    #expect(d.texts(.hint).isEmpty)
    d.send(.answer("0,75137"))
    #expect(d.texts(.right).count == 1)
  }

  @Test func skipRevealsAndGoesOn() throws {
    var d = Drive(try Fixture.lesson(Self.predict))
    d.send(.skip)
    #expect(d.texts(.note) == ["Skipped."])
    #expect(d.texts(.answer) == ["The answer is 0.75137 (o_5)."])
    #expect(d.runner.status == .endOfPage)
  }

  @Test func expectedValueComesFromTheEngineWhenKnown() throws {
    // o_5 is known when this question is asked, so the answer is judged against the engine's
    // 0.75136507, not against the rounded literal.
    let text = Fixture.text(
      "> example mazur\n> forward\n@question o_5?\n@answer 0.75 = o_5\n@tolerance 1e-5\n@hint More digits.\n@end\n"
    )
    var d = Drive(try Fixture.lesson(text))
    d.send(.answer("0.75"))
    #expect(d.texts(.wrong).count == 1)
    d.send(.answer("0.751365"))
    #expect(d.texts(.right).count == 1)
  }

  @Test func zeroAndNegativeAnswers() throws {
    let text = Fixture.text(
      "> example linear\n> set w_13 2\n> set w_23 -2\n@question E?\n@answer 0 = E\n@hint 2 − 2\n@end\n> forward\n@question w_23?\n@answer = w_23\n@end\n"
    )
    var d = Drive(try Fixture.lesson(text))
    d.send(.answer("0.01"))
    #expect(d.texts(.wrong).count == 1)
    d.send(.answer("-0"))
    #expect(d.texts(.right).count == 1)
    d.send(.answer("2"))
    #expect(d.texts(.wrong).count == 2)
    #expect(d.texts(.answer) == ["The answer is -2 (w_23)."])
    #expect(d.runner.problems.isEmpty)
  }

  @Test func choiceAnswers() throws {
    let text = Fixture.text("@question Which?\na) one\nb) two\n@answer b\n@hint Not one.\n@end\n")
    var d = Drive(try Fixture.lesson(text))
    #expect(d.texts(.option) == ["a) one", "b) two"])
    d.send(.answer("c"))
    #expect(d.texts(.error) == ["Choose one of a, b."])
    d.send(.answer("A"))
    #expect(d.texts(.hint) == ["Not one."])
    d.send(.answer("B)"))
    #expect(d.texts(.right) == ["Right."])
    var again = Drive(try Fixture.lesson(text))
    again.send(.answer("2"))
    #expect(again.texts(.right).count == 1)
    var byText = Drive(try Fixture.lesson(text))
    byText.send(.answer("Two"))
    #expect(byText.texts(.right).count == 1)
  }

  static let branch = Fixture.text(
    """
    @question 1 + 1?
    @answer 2
    @hint Count.
    @on-wrong recap
    @end
    @goto rest
    @label recap
    Recap page.
    @pause
    @label rest
    Rest.
    """)

  @Test func wrongFirstTryTakesTheBranch() throws {
    var d = Drive(try Fixture.lesson(Self.branch))
    d.send(.answer("3"))
    d.send(.answer("2"))
    d.send(.next)
    #expect(d.texts(.prose) == ["Recap page."])
    d.send(.next)
    #expect(d.texts(.prose) == ["Rest."])
  }

  @Test func rightFirstTryFollowsThePage() throws {
    var d = Drive(try Fixture.lesson(Self.branch))
    d.send(.answer("2"))
    d.send(.next)
    #expect(d.texts(.prose) == ["Rest."])
  }

  @Test func skippingTakesTheBranchToo() throws {
    var d = Drive(try Fixture.lesson(Self.branch))
    d.send(.skip)
    d.send(.next)
    #expect(d.texts(.prose) == ["Recap page."])
  }

  @Test func menuOptionsChooseThePage() throws {
    let text = Fixture.text(
      "@label top\n@question Where to?\na) Top -> top\nb) Bottom -> bottom\n@end\n@label bottom\nBottom.\n"
    )
    var d = Drive(try Fixture.lesson(text))
    d.send(.skip)
    #expect(d.texts(.note) == ["Choose one of the options to go on."])
    d.send(.answer("b"))
    #expect(d.texts(.right).isEmpty)
    #expect(d.runner.status == .endOfPage)
    d.send(.next)
    #expect(d.texts(.prose) == ["Bottom."])
    d.send(.previous)
    d.send(.answer("a"))
    d.send(.next)
    #expect(d.runner.pageNumber == 1)
    #expect(d.runner.isWaitingForAnswer)
  }

  static let command = Fixture.text(
    "> example mazur\n@question Run the forward pass.\n@answer > forward\n@hint It is called forward.\n@end\n@assert o_5 = 0.75136507 ± 1e-8\n"
  )

  @Test func commandQuestionAcceptsAliasesAndSpacing() throws {
    for typed in ["forward", "  fw  ", "FORWARD"] {
      var d = Drive(try Fixture.lesson(Self.command))
      d.send(.answer(typed))
      #expect(d.texts(.right).count == 1, "\(typed)")
      #expect(d.texts(.command).last == typed.trimmingCharacters(in: .whitespaces))
      #expect(d.runner.problems.isEmpty)
    }
  }

  @Test func wrongCommandIsNotRun() throws {
    var d = Drive(try Fixture.lesson(Self.command))
    let before = d.host.session.trainer
    d.send(.answer("backward"))
    #expect(d.texts(.wrong).count == 1)
    #expect(d.host.session.trainer == before)
    d.send(.answer("step"))
    // Out of hints: the lesson runs its own command and continues.
    #expect(d.texts(.answer) == ["The command is `forward`."])
    #expect(d.texts(.command) == ["example mazur", "forward"])
    #expect(d.runner.problems.isEmpty)
  }

  @Test func skippingACommandQuestionRunsTheCommand() throws {
    var d = Drive(try Fixture.lesson(Self.command))
    d.send(.skip)
    #expect(d.runner.problems.isEmpty)
    #expect((try? d.host.value(named: "o_5")) != nil)
  }

  @Test func exploringDuringAQuestionIsUndone() throws {
    var d = Drive(try Fixture.lesson(Self.command))
    d.send(.command("set w_35 5"))
    d.send(.answer("forward"))
    #expect(d.runner.problems.isEmpty)
    #expect((try? d.host.value(named: "w_35")) == 0.4)
  }

  @Test func commandMatching() {
    #expect(CommandMatcher.matches("get delta_5", "get δ_5"))
    #expect(CommandMatcher.matches("p d5  dE/dw_35", "get δ_5 ∂E/∂w_35"))
    #expect(CommandMatcher.matches("set w35 .5", "set w_35 0.5"))
    #expect(CommandMatcher.matches("network 2-2-1 loss = squared", "network 2-2-1 loss=squared"))
    #expect(!CommandMatcher.matches("set w_35 0.4", "set w_35 0.5"))
    #expect(!CommandMatcher.matches("step 2", "step"))
    #expect(!CommandMatcher.matches("frobnicate", "frobnicate"))
  }

  @Test func storedAnswerIsCheckedWhenRevealed() throws {
    let text = Fixture.text(
      "> example mazur\n@question o_5?\n@answer 0.7513 = o_5\n@end\n> forward\n")
    var d = Drive(try Fixture.lesson(text))
    d.send(.answer("0.7513"))
    #expect(d.runner.problems.map { "\($0.line):\($0.column)" } == ["5:9"])
    #expect(d.runner.problems.first?.message.contains("where o_5 is 0.7513650") == true)
  }

  @Test func storedAnswerNeverComputedOnItsPage() throws {
    let text = Fixture.text("> example mazur\n@question o_5?\n@answer 0.75137 = o_5\n@end\n")
    var d = Drive(try Fixture.lesson(text))
    d.send(.answer("0.75137"))
    #expect(d.runner.problems.first?.message.contains("never known on this page") == true)
  }
}

import Foundation
