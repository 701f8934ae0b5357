import BackpropCommands
import BackpropEngine
import BackpropLessons
import Foundation
import Testing

@testable import BackpropApp

/// While a lesson question waits, the values table does not show what it asks the student to
/// predict; once it is answered, the numbers come back.
@Suite struct HiddenAnswerTests {
  static func state(_ lesson: String, name: String) throws -> AppState {
    try openedLesson(lesson, tag: "hidden-\(name)", width: 200, height: 60)
  }

  /// The values table's entries for `name` (a neuron number or a parameter), as shown: from the
  /// name to the next table or the end of the line.
  static func row(_ s: AppState, _ name: String) -> String? {
    for line in paneText(s, .values) {
      if name.first!.isNumber {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(name + " ") { return String(trimmed.prefix(60)) }
      } else if let r = line.range(of: name + " ") {
        return String(line[r.lowerBound...])
      }
    }
    return nil
  }

  /// A question about w_35 after the update, asked once the backward pass is done.
  static let weightQuestion = """
    @title Hidden
    @section Derivation
    > example mazur
    > backward
    @question
    w_35 is 0.4 now. What will it be after the update?
    @answer 0.35891648
    @end
    The numbers are back.

    """

  @Test func aWeightAfterTheUpdateHidesItsChange() throws {
    var s = try Self.state(
      Self.weightQuestion + """
        @pause
        The last page.
        """, name: "weight")
    #expect(s.lessons.isWaitingForTypedAnswer)
    let change = NumberFormat.format(-0.5 * 0.082167040564, digits: 5)
    let hidden = try #require(Self.row(s, "w_35"))
    #expect(!hidden.contains(change) && hidden.contains("?"))
    // Other weights keep their Δw.
    #expect(Self.row(s, "w_45")?.contains("?") == false)
    App.submit("0.35892", &s)
    #expect(!s.lessons.isWaitingForTypedAnswer)
    #expect(Self.row(s, "w_35")?.contains(change) == true)
  }

  @Test func aNamedAnswerHidesItsCell() throws {
    let s = try Self.state(
      """
      @title Hidden
      @section Derivation
      > example mazur
      > step 15
      @question
      What is ∂E/∂o_3?
      @answer 0.036350 = dE/do_3
      @end
      """, name: "named")
    let row3 = try #require(Self.row(s, "3"))
    #expect(row3.contains("?") && !row3.contains("0.036350"))
    #expect(Self.row(s, "5")?.contains("0.13850") == true)
  }

  /// The lines a command typed at the open question answered (after its echo).
  static func answer(_ line: String, _ s: inout AppState) -> [String] {
    let lines = App.submit(line, &s).lines
    return Array(lines.drop { !$0.hasSuffix(line) }.dropFirst())
  }

  static let namedQuestion = """
    @title Hidden
    @section Derivation
    > example mazur
    > step 15
    @question
    What is ∂E/∂o_3?
    @answer 0.036350 = dE/do_3
    @end
    The numbers are back.
    """

  @Test func getExplainAndShowWithholdWhatTheQuestionAsks() throws {
    var s = try Self.state(Self.namedQuestion, name: "commands")
    #expect(s.lessons.isWaitingForTypedAnswer)
    let hidden = "∂E/∂o_3 = ? (answer the question first, or `skip`)"
    #expect(Self.answer("get dE/do_3", &s) == [hidden])
    #expect(Self.answer("explain dE/do_3", &s) == [hidden])
    // δ_3 is computed from ∂E/∂o_3, so its explanation would show it.
    #expect(Self.answer("explain delta_3", &s) == [hidden])
    // Other quantities answer as usual, and the question still waits.
    #expect(Self.answer("get delta_5", &s).first?.contains("0.13850") == true)
    let neurons = Self.answer("show neurons", &s)
    let row3 = try #require(neurons.first { $0.hasPrefix("   3  ") })
    #expect(row3.contains("?") && !row3.contains("0.03635"))
    #expect(neurons.first { $0.hasPrefix("   5  ") }?.contains("0.13850") == true)
    #expect(s.lessons.isWaitingForTypedAnswer)
    #expect(s.session.withheld.isEmpty)

    App.submit("0.036350", &s)
    #expect(!s.lessons.isWaitingForTypedAnswer)
    #expect(App.submit("get dE/do_3", &s).lines.contains { $0.hasPrefix("∂E/∂o_3 = 0.03635") })
  }

  @Test func aWeightQuestionWithholdsTheChangeButNotTheCurrentValue() throws {
    var s = try Self.state(Self.weightQuestion, name: "weight-commands")
    let change = NumberFormat.format(-0.5 * 0.082167040564, digits: 5)
    #expect(Self.answer("get dw_35", &s) == ["Δw_35 = ? (answer the question first, or `skip`)"])
    #expect(Self.answer("explain w_35", &s).first?.contains("= ?") == true)
    #expect(Self.answer("get w_35", &s) == ["w_35 = 0.4"])
    let weights = Self.answer("show weights", &s)
    let row = try #require(weights.first { $0.hasPrefix("w_35 ") })
    #expect(row.hasSuffix("?") && !row.contains(change))
    #expect(weights.first { $0.hasPrefix("w_45 ") }?.contains("?") == false)
    App.submit("0.35892", &s)
    #expect(App.submit("get dw_35", &s).lines.contains("Δw_35 = \(change)"))
  }
}
