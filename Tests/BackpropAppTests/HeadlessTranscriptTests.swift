import BackpropApp
import BackpropCommands
import Foundation
import TestSupport
import Testing
import TextGrid

/// Whole headless sessions, as a student (or a script) would read them, compared with golden
/// transcripts in `Golden/headless/`. `UPDATE_GOLDEN=1` rewrites them; read the diff before
/// committing, since a golden is only as right as the person who checked it.
@Suite struct HeadlessTranscriptTests {
  /// Mazur's worked example, micro-step by micro-step, then one whole update and its undo.
  static let mazurWalkthrough = [
    "example mazur", "step", "step 2", "forward", "set digits 9", "get o_5 E", "set digits 5",
    "backward", "get dE/dw_35", "explain δ_3", "show", "update", "set digits 9", "get w_35 w_13",
    "set digits 5", "undo", "show weights",
  ]

  /// The article's linear neuron: E = (w1 + w2)², its gradient, and the second case that makes
  /// the minimum unique.
  static let linearNeuron = [
    "# the article's linear neuron y = x1 w1 + x2 w2, case (1, 1, 0)", "example linear",
    "show network", "forward", "explain E", "backward", "explain dE/dw_13", "update",
    "get w_13 w_23", "set w_13 1", "set w_23 -1", "forward", "get E", "example linear2",
    "mode batch", "set eta 0.5", "train 200", "get w_13 w_23",
  ]

  static let xorTraining = ["example xor", "gradcheck", "train 2000", "show", "sample list"]

  /// Every line but the recoveries is a mistake; the transcript must point at each one.
  static let mistakes = [
    "undo",  // 1: nothing to undo yet
    "frobnicate",  // 2
    "stepp 3",  // 3
    "set w_99 1",  // 4
    "set w_35 abc",  // 5
    "  set   w_35   abc",  // 6
    "set o_5 1",  // 7
    "network 2-x-1",  // 8
    "network 2-2 loss=foo",  // 9
    "data xor",  // 10
    "train -1",  // 11
    "load /nonexistent/net.json",  // 12
    "explain nonsense",  // 13
    "set eta -1",  // 14
    "save \"x",  // 15
    "sample add 1 -> 1",  // 16
    "forward",  // 17: fine
    "forward",  // 18: already done
    "get o_5 w_77",  // 19
    "show everything",  // 20
    "sample clear",  // 21: fine
    "step",  // 22: no samples
    "undo",  // 23: fine, samples back
    "step 0",  // 24
    "explain δ_3",  // 25: fine, not computed yet
  ]
  /// The 1-based input lines of `mistakes` that are errors.
  static let mistakeLines = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 24,
  ]

  static let jsonSession = [
    "example mazur", "step", "get o_3 net_3 δ_5", "set w_35 abc", "forward", "explain o_5",
    "undo", "sample list", "frobnicate",
  ]

  static func transcript(_ lines: [String], json: Bool = false, source: String) -> (
    text: String, failures: Int
  ) {
    var runner = HeadlessRunner(state: AppState(startScreen: false), json: json, source: source)
    let out = runner.run(lines: lines)
    return (out.joined(separator: "\n"), runner.failures)
  }

  @Test func mazurWalkthrough() {
    let (text, failures) = Self.transcript(Self.mazurWalkthrough, source: "mazur.bp")
    Golden.check(text, "headless/mazur-walkthrough", in: Golden.directory)
    #expect(failures == 0)
    // Mazur's published figures, at the 9 digits asked for.
    #expect(text.contains("o_5 = 0.751365070"))
    #expect(text.contains("E = 0.298371109"))
    #expect(text.contains("∂E/∂w_35 = 0.082167\n"))
    #expect(text.contains("w_35 = 0.358916480"))
    #expect(text.contains("w_13 = 0.149780716"))
    #expect(text.contains("undid update"))
  }

  @Test func linearNeuronSession() {
    let (text, failures) = Self.transcript(Self.linearNeuron, source: "linear.bp")
    Golden.check(text, "headless/linear-neuron", in: Golden.directory)
    #expect(failures == 0)
    // (w1 + w2)² = (0.5 + 0.5)² = 1; ∂E/∂w_13 = 2(w1 + w2) = 2; after one step with η = 0.1
    // both weights are 0.5 − 0.1·2 = 0.3; on the valley w1 = −w2 the error is 0. With both cases
    // the mean error ½((w1 + w2)² + (w1 − 1)²) has its only minimum at (1, −1).
    #expect(text.contains("E = (t_3 − o_3)² = (0 − 1)² = 1"))
    #expect(text.contains("∂E/∂w_13 = o_1 δ_3 = 1·2 = 2"))
    #expect(text.contains("w_13 = 0.3\nw_23 = 0.3"))
    #expect(text.contains("> get E\nE = 0\n"))
    let last = text.split(separator: "\n").suffix(2).map { Double($0.split(separator: " ").last!) }
    #expect(last.count == 2 && abs(last[0]! - 1) < 1e-4 && abs(last[1]! + 1) < 1e-4, "\(last)")
  }

  @Test func xorTrainingSession() {
    let (text, failures) = Self.transcript(Self.xorTraining, source: "xor.bp")
    Golden.check(text, "headless/xor-training", in: Golden.directory)
    #expect(failures == 0)
    #expect(text.contains("backprop and finite differences agree"))
    #expect(text.contains("trained 2000 epochs (now at epoch 2000)"))
  }

  @Test func sessionFullOfMistakes() throws {
    let (text, failures) = Self.transcript(Self.mistakes, source: "mistakes.bp")
    Golden.check(text, "headless/mistakes", in: Golden.directory)
    #expect(failures == Self.mistakeLines.count)

    // Each error is reported as file:line:column at the line it was on.
    let errors = text.split(separator: "\n").filter { $0.hasPrefix("mistakes.bp:") }
    #expect(errors.count == Self.mistakeLines.count)
    let positions = errors.map { line -> (Int, Int) in
      let parts = line.split(separator: ":")
      return (Int(parts[1]) ?? -1, Int(parts[2]) ?? -1)
    }
    #expect(positions.map(\.0) == Self.mistakeLines)
    // Columns counted by hand on the lines above.
    let columns = Dictionary(uniqueKeysWithValues: positions)
    #expect(columns[5] == 10)  // set w_35 abc → abc
    #expect(columns[6] == 16)  // "  set   w_35   abc" → abc
    #expect(columns[8] == 9)  // network 2-x-1 → 2-x-1
    #expect(columns[12] == 6)  // load /nonexistent/net.json → the path
    #expect(columns[15] == 6)  // save "x → the quote
    #expect(columns[19] == 9)  // get o_5 w_77 → w_77
    for line in errors { #expect(line.contains(": error: "), "\(line)") }
  }

  @Test func jsonSession() throws {
    let (text, failures) = Self.transcript(Self.jsonSession, json: true, source: "session.bp")
    Golden.check(text, "headless/json-session", in: Golden.directory)
    #expect(failures == 2)
    let objects = try text.split(separator: "\n").map { line in
      try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }
    // One JSON object per command.
    #expect(objects.count == Self.jsonSession.count)
    #expect(
      objects.map { $0["ok"] as? Bool } == [true, true, true, false, true, true, true, true, false])
    let error = try #require(objects[3]["error"] as? [String: Any])
    #expect(objects[3]["line"] as? Int == 4)
    #expect(error["column"] as? Int == 10)
    let values = try #require(objects[2]["values"] as? [String: Any])
    #expect(values["net_3"] as? Double == 0.3775)
    #expect(values["o_3"] is NSNull)
    #expect(values["δ_5"] is NSNull)
  }
}
