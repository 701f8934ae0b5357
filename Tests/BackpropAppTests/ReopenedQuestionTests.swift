import Foundation
import Testing

@testable import BackpropApp

/// A lesson reopened on a question that waits for a typed answer shows the answer line again,
/// even when the student had put it aside with Esc before going to the menu.
@Suite struct ReopenedQuestionTests {
  @Test func theAnswerLineComesBack() throws {
    var s = try openedLesson(
      """
      @title Reopen
      @section Derivation
      > example mazur
      @question
      What is w_35?
      @answer 0.4
      @end
      Done.
      """, tag: "reopen", width: 100, height: 30)
    #expect(Views.promptText(s) == "answer> ")
    _ = App.update(&s, .key(.escape))
    #expect(Views.promptText(s) == "> ")
    _ = App.update(&s, .key(.character("m")))
    App.submit("lesson 1", &s)
    #expect(s.screen == .lesson)
    #expect(s.lessons.isWaitingForTypedAnswer)
    #expect(Views.promptText(s) == "answer> ")
  }
}
