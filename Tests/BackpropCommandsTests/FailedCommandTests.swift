import BackpropEngine
import Testing

@testable import BackpropCommands

/// A command that fails must change nothing (trainer, digits, history), and its error must point
/// at the word that is wrong, so the command line can put a caret under it.
@Suite struct FailedCommandTests {
  /// A mistake, the set-up it is typed into, and the column of the offending word (counted
  /// by hand, 1-based).
  struct Mistake: Sendable, CustomTestStringConvertible {
    var setup: Setup
    var line: String
    var column: Int

    var testDescription: String { "`\(line)` → column \(column)" }
  }

  enum Setup: Sendable {
    /// Mazur's example, mid-pass, with both undo and redo history.
    case mazurWithHistory
    /// A fresh session: no history at all.
    case fresh
    /// Mazur's network with its samples cleared.
    case noSamples
    /// The linear neuron after training diverged.
    case diverged

    func session() -> Session {
      var s = Session.startingOnLinear()
      switch self {
      case .mazurWithHistory: s.run(["example mazur", "forward", "step 3", "undo", "set digits 7"])
      case .fresh: s = Session()
      case .noSamples: s.run(["example mazur", "sample clear"])
      case .diverged: s.run(["set eta 100", "train 2000"])
      }
      return s
    }
  }

  static let mistakes: [Mistake] = [
    Mistake(setup: .mazurWithHistory, line: "frobnicate 3", column: 1),
    Mistake(setup: .mazurWithHistory, line: "set w_99 1", column: 5),
    Mistake(setup: .mazurWithHistory, line: "set w_35 abc", column: 10),
    Mistake(setup: .mazurWithHistory, line: "  set   w_35   abc", column: 16),
    Mistake(setup: .mazurWithHistory, line: "set w_13 0.1 0.2", column: 14),
    Mistake(setup: .mazurWithHistory, line: "set w_15 1", column: 5),
    Mistake(setup: .mazurWithHistory, line: "set x 1 2 3", column: 11),
    Mistake(setup: .mazurWithHistory, line: "set o_5 1", column: 5),
    Mistake(setup: .mazurWithHistory, line: "set eta -1", column: 9),
    Mistake(setup: .mazurWithHistory, line: "set digits 40", column: 12),
    Mistake(setup: .mazurWithHistory, line: "network 2-x-1", column: 9),
    Mistake(setup: .mazurWithHistory, line: "network 2-2 loss=foo", column: 13),
    Mistake(setup: .mazurWithHistory, line: "network 2-2-2 tanh,softmax,relu", column: 15),
    Mistake(setup: .mazurWithHistory, line: "network 2-2-2 softmax,logistic", column: 15),
    Mistake(setup: .mazurWithHistory, line: "network 2-2 colour=red", column: 13),
    Mistake(setup: .mazurWithHistory, line: "sample add 1 -> 1", column: 12),
    Mistake(setup: .mazurWithHistory, line: "sample add 1 2 -> 1", column: 20),
    Mistake(setup: .mazurWithHistory, line: "sample add 1 2 0.5", column: 19),
    Mistake(setup: .mazurWithHistory, line: "data xor", column: 6),
    Mistake(setup: .mazurWithHistory, line: "data nosuch", column: 6),
    Mistake(setup: .mazurWithHistory, line: "example nosuch", column: 9),
    Mistake(setup: .mazurWithHistory, line: "train -1", column: 7),
    Mistake(setup: .mazurWithHistory, line: "train", column: 6),
    Mistake(setup: .mazurWithHistory, line: "step 0", column: 6),
    Mistake(setup: .mazurWithHistory, line: "step 2 3", column: 8),
    Mistake(setup: .mazurWithHistory, line: "forward", column: 1),
    Mistake(setup: .mazurWithHistory, line: "mode sideways", column: 6),
    Mistake(setup: .mazurWithHistory, line: "load /nonexistent/net.json", column: 6),
    Mistake(setup: .mazurWithHistory, line: "explain nonsense", column: 9),
    Mistake(setup: .mazurWithHistory, line: "get o_5 w_77", column: 9),
    Mistake(setup: .mazurWithHistory, line: "show everything", column: 6),
    Mistake(setup: .mazurWithHistory, line: "save \"x", column: 6),
    Mistake(setup: .mazurWithHistory, line: "plot surface", column: 1),
    Mistake(setup: .mazurWithHistory, line: "gradcheck h=2", column: 11),
    Mistake(setup: .fresh, line: "undo", column: 1),
    Mistake(setup: .fresh, line: "redo", column: 1),
    Mistake(setup: .fresh, line: "back", column: 1),
    Mistake(setup: .noSamples, line: "step", column: 1),
    Mistake(setup: .noSamples, line: "train 10", column: 1),
    Mistake(setup: .noSamples, line: "gradcheck", column: 1),
    Mistake(setup: .diverged, line: "step", column: 1),
    Mistake(setup: .diverged, line: "epoch", column: 1),
  ]

  @Test(arguments: mistakes)
  func aFailedCommandChangesNothingAndPointsAtTheWord(_ mistake: Mistake) {
    var session = mistake.setup.session()
    let before = SessionSnapshot(session)
    guard let error = session.fail(mistake.line) else { return }
    #expect(SessionSnapshot(session) == before)
    #expect(error.column == mistake.column, "\(error)")
    #expect(!error.message.isEmpty)
  }

  @Test func theSetUpReallyHasHistoryBothWays() {
    let session = Setup.mazurWithHistory.session()
    #expect(session.canUndo && session.canRedo)
    #expect(session.digits == 7)
  }

  /// The column counts characters, not bytes, so a Greek name before the mistake does not shift
  /// the caret.
  @Test func columnsCountCharactersNotBytes() {
    var session = Session()
    let line = "get δ_5 η ∂E/∂w_35 w_88"
    let error = session.fail(line)
    #expect(error?.column == column(of: "w_88", in: line))
    #expect(column(of: "w_88", in: line) == 20)
  }

  /// A missing word is reported just past the end of the line.
  @Test func aMissingWordPointsPastTheEndOfTheLine() {
    var session = Session()
    let missingValue = session.fail("set w_35")
    #expect(missingValue?.column == 9)
    let missingExample = session.fail("example")
    #expect(missingExample?.column == 8)
    let missingName = session.fail("get")
    #expect(missingName?.column == 4)
  }

  @Test(arguments: [("stepp 3", "step"), ("forwad", "forward"), ("gradchek", "gradcheck")])
  func unknownCommandsSuggestTheClosestOne(_ line: String, _ suggestion: String) {
    var session = Session()
    let error = session.fail(line)
    #expect(error?.message.hasPrefix("unknown command") == true)
    #expect(
      error?.message.contains("did you mean `\(suggestion)`?") == true,
      "\(String(describing: error))")
  }

  /// With extra spaces the "wrong number of inputs" error must still point at the first input,
  /// not at a fixed offset from `add`.
  @Test func sampleAddWithExtraSpacesPointsAtTheInputs() {
    var session = Session()
    let line = "sample add     1 -> 1"
    let error = session.fail(line)
    #expect(error?.column == column(of: "1", in: line))
  }

  /// `sample add` accepts `=>` as the arrow between inputs and targets, like `->`, `:` and `→`.
  /// (The tokenizer's `key = value` joining must not glue `=>` onto the previous number.)
  @Test(arguments: ["->", "→", ":", "=>"])
  func everyDocumentedArrowSeparatesInputsFromTargets(_ arrow: String) {
    var session = Session()
    session.run("sample add 0.5 0.25 \(arrow) 0 1")
    #expect(session.trainer.samples.last == Sample(inputs: [0.5, 0.25], targets: [0, 1]))
  }
}
