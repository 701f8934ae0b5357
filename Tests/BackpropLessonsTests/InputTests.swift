import BackpropLessons
import Testing

/// Reading what a student types at the lesson prompt.
@Suite struct InputTests {
  @Test func lessonWords() {
    #expect(LessonInput.parse("", waitingForAnswer: false) == .next)
    #expect(LessonInput.parse("  ", waitingForAnswer: true) == .next)
    #expect(LessonInput.parse("n", waitingForAnswer: false) == .next)
    #expect(LessonInput.parse("continue", waitingForAnswer: true) == .next)
    #expect(LessonInput.parse("prev", waitingForAnswer: false) == .previous)
    #expect(LessonInput.parse("repeat", waitingForAnswer: false) == .repeatPage)
    #expect(LessonInput.parse("Again", waitingForAnswer: true) == .repeatPage)
    #expect(LessonInput.parse("hint", waitingForAnswer: true) == .hint)
    #expect(LessonInput.parse("skip", waitingForAnswer: true) == .skip)
    #expect(LessonInput.parse("answer 0.75", waitingForAnswer: true) == .answer("0.75"))
    #expect(LessonInput.parse("a 0.75", waitingForAnswer: false) == .answer("0.75"))
  }

  @Test func answersAndCommands() {
    #expect(LessonInput.parse("0.75", waitingForAnswer: true) == .answer("0.75"))
    #expect(LessonInput.parse(" forward ", waitingForAnswer: true) == .answer("forward"))
    #expect(LessonInput.parse("forward", waitingForAnswer: false) == .command("forward"))
    // A bare option letter is an answer, even the letter that is also an alias of `answer`.
    #expect(LessonInput.parse("a", waitingForAnswer: true) == .answer("a"))
    #expect(LessonInput.parse("b", waitingForAnswer: true) == .answer("b"))
  }
}
