import BackpropCommands
import BackpropLessons
import Testing

/// A wrong answer with the right size and the wrong sign (the most common slip with δ) is told
/// so, instead of a generic "Not quite."
@Suite struct SignHintTests {
  static let lesson = Fixture.text(
    """
    > example mazur
    > forward
    @question
    What is δ_6?
    @answer -0.038098 = δ_6
    @hint δ_6 = (o_6 − t_6)·o_6(1 − o_6).
    @hint Once more.
    @end
    > step 2
    """)

  @Test func wrongSignIsNamed() throws {
    var d = Drive(try Fixture.lesson(Self.lesson))
    d.send(.answer("0.038098"))
    let wrong = d.runner.lines.filter { $0.kind == .wrong }
    #expect(wrong.count == 1)
    #expect(wrong.first?.text.contains("sign is wrong") == true)
    #expect(d.runner.isWaitingForAnswer)
  }

  @Test func otherWrongAnswersStayGeneric() throws {
    var d = Drive(try Fixture.lesson(Self.lesson))
    d.send(.answer("0.5"))
    #expect(d.runner.lines.filter { $0.kind == .wrong }.map(\.text) == ["Not quite."])
    d.send(.answer("-0.038098"))
    #expect(!d.runner.isWaitingForAnswer)
  }
}
