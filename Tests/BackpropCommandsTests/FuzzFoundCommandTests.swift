import BackpropEngine
import Foundation
import Testing

@testable import BackpropCommands

/// Command lines the fuzzer crashed or fooled (issue 10, #1, #2, #10, #12), kept as regressions.
@Suite struct FuzzFoundCommandTests {
  /// #1: `Character.isNumber` holds for fullwidth and Arabic-Indic digits, which `Int` cannot
  /// read; the names crashed with a force unwrap. They are not quantity names.
  @Test(arguments: ["get w_３５", "set w_٣٥ 1", "get o_５", "get w_½3", "get net_Ⅻ", "set b_٣ 0"])
  func nonASCIIDigitsAreRefusedNotCrashed(_ line: String) {
    var session = Session()
    let before = SessionSnapshot(session)
    let error = session.fail(line)
    #expect(error?.column == 5)
    #expect(SessionSnapshot(session) == before)
  }

  @Test func quantityNamesReadOnlyASCIIDigits() {
    #expect(QuantityName.parse("w_３５") == nil)
    #expect(QuantityName.parse("o_٣") == nil)
    #expect(QuantityName.parse("w_35") == .weight(from: 3, to: 5))
  }

  /// #2: `Int(v)` on an unchecked double trapped; the range is stated and named instead.
  @Test(arguments: ["1e300", "-1e19", "9223372036854775807", "18", "0", "2.5"])
  func digitsOutOfRangeIsAnError(_ value: String) {
    var session = Session()
    let before = SessionSnapshot(session)
    let error = session.fail("set digits \(value)")
    #expect(error?.message.contains("from 1 to 17") == true, "\(String(describing: error))")
    #expect(SessionSnapshot(session) == before)
  }

  /// #12: one rule for every value: finite, or refused naming what was expected.
  @Test(arguments: [
    "set x_1 nan", "set t_5 inf", "set w_13 nan", "set eta inf", "set digits nan",
    "sample add nan 1 -> 0 1", "sample add 1 1 -> -inf 1", "set x nan 1",
  ])
  func nonFiniteValuesAreRefusedEverywhere(_ line: String) {
    var session = Session()
    let before = SessionSnapshot(session)
    let error = session.fail(line)
    #expect(error?.message.contains("not a finite number") == true, "\(String(describing: error))")
    #expect(SessionSnapshot(session) == before)
  }

  /// #10: after a NaN divergence the state holds a NaN, which `==` finds unequal to itself; a
  /// read-only command must still not become an undo entry or clear redo.
  @Test func readOnlyCommandsAfterANaNKeepRedo() {
    var session = Session()
    session.run([
      "example linear", "set w_13 1e308", "set w_23 1e308", "set x_1 1e308", "set x_2 -1e308",
      "forward", "set eta 0.25", "undo",
    ])
    #expect(session.trainer.divergence?.value.isNaN == true)
    #expect(session.canRedo)
    let undoCount = session.undoStack.count
    session.run("get E")
    session.run("show")
    #expect(session.undoStack.count == undoCount)
    #expect(session.canRedo)
    session.run("redo")
    #expect(session.trainer.learningRate == 0.25)
  }

  /// Bitwise equality: NaN equals itself, +0 and −0 count as equal (as before), 1 ≠ 2.
  @Test func bitwiseEqualityComparesDoublesByTheirBits() {
    let nan = Sample(inputs: [.nan], targets: [1])
    let otherNaN = Sample(inputs: [.nan], targets: [1])
    #expect(nan != otherNaN)
    #expect(BitwiseEquality.equal(nan, otherNaN))
    #expect(!BitwiseEquality.equal(nan, Sample(inputs: [1], targets: [1])))
    #expect(!BitwiseEquality.equal(TrainingMode.online, TrainingMode.batch))
    var a = Example.mazur.trainer()
    a.replaceSamples([nan])
    #expect(BitwiseEquality.equal(a, a))
    var b = a
    b.learningRate = 0.25
    #expect(!BitwiseEquality.equal(a, b))
  }

  /// #12: the network file: NaN/∞ refused naming the field; `early` accepted as its text says;
  /// valid JSON with a wrong number names the field instead of "not valid JSON".
  @Test func networkFileValuesAreCheckedByField() throws {
    let good = String(
      decoding: NetworkFile(trainer: Example.mazur.trainer()).encoded(), as: UTF8.self)
    func load(_ text: String) -> String {
      do {
        _ = try NetworkFile.decode(Data(text.utf8)).trainer()
        return "ok"
      } catch {
        return error.message
      }
    }
    #expect(load(good) == "ok")
    let nanWeight = good.replacingOccurrences(of: "0.15", with: "\"NaN\"")
    #expect(
      load(nanWeight).contains("`weights[0][0][0]` must be a finite number"), "\(load(nanWeight))")
    let early = good.replacingOccurrences(of: "\"mode\" : \"online\"", with: "\"mode\" : \"early\"")
    #expect(early != good)
    #expect(load(early) == "ok")
    let badMode = good.replacingOccurrences(of: "\"mode\" : \"online\"", with: "\"mode\" : \"x\"")
    #expect(load(badMode).contains("online, batch or early"))
    let fractional = good.replacingOccurrences(
      of: "\"layers\" : [\n    2", with: "\"layers\" : [\n    2.5")
    #expect(fractional != good)
    #expect(
      load(fractional).hasPrefix("`layers`: 2.5 is not a whole number"), "\(load(fractional))")
    let huge = good.replacingOccurrences(of: "\"eta\" : 0.5", with: "\"eta\" : 1e999")
    #expect(huge != good)
    #expect(load(huge).hasPrefix("`eta`: 1e999 is out of range"), "\(load(huge))")
  }

  /// #4: "did you mean" compares only words of about a command's length (the edit distance is
  /// quadratic; a 1 MB word took 26 s), and a command line has a stated maximum length.
  @Test func longWordsGetNoSuggestionAndLongLinesAreRefused() {
    #expect(CommandSpec.suggestion(for: "stpe") == "step")
    #expect(CommandSpec.suggestion(for: String(repeating: "é", count: 100_000)) == nil)
    var session = Session()
    let before = SessionSnapshot(session)
    let error = session.fail("get " + String(repeating: "x", count: Session.maximumLineLength))
    #expect(error?.message.contains("at most \(Session.maximumLineLength)") == true)
    #expect(SessionSnapshot(session) == before)
    let unknown = session.fail(String(repeating: "ü", count: 1000))
    #expect(unknown?.message.contains("did you mean") == false)
  }

  /// #5: commands whose cost grew without bound have stated limits: `step` runs at most
  /// 10,000 micro-steps, and `gradcheck` checks at most 200 parameters, spread over the network.
  @Test func stepAndGradcheckAreBounded() {
    var session = Session()
    let error = session.fail("step 1000000")
    #expect(error?.expected?.contains("from 1 to 10000") == true, "\(String(describing: error))")
    session.run(["network 2-30-30-2 seed=3", "sample add 0.5 -0.5 -> 1 0"])
    let output = session.run("gradcheck")
    let rows = output.field("rows")
    guard case .array(let list)? = rows else {
      Issue.record("no rows")
      return
    }
    #expect(list.count == 200)
    let parameters = (2 * 30 + 30 * 30 + 30 * 2) + (30 + 30 + 2)  // weights, then biases
    #expect(output.text.contains("checked 200 of the \(parameters) parameters"), "\(output.text)")
    // The checked parameters agree with finite differences (the network is small and smooth).
    #expect(output.text.contains("agree"))
  }
}
