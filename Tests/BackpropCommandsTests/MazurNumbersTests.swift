import BackpropEngine
import Testing

@testable import BackpropCommands

/// Mazur's worked example ("A Step by Step Backpropagation Example"), through the command
/// language. The expected numbers are his published figures, compared to the digits he printed
/// (half a unit in the last printed place).
@Suite struct MazurNumbersTests {
  /// Mazur's names → the article's: w1 = w_13, w2 = w_23, w3 = w_14, w4 = w_24, w5 = w_35,
  /// w6 = w_45, w7 = w_36, w8 = w_46; h1 = 3, h2 = 4, o1 = 5, o2 = 6.
  static func printed(_ value: Double, decimals: Int) -> ClosedRange<Double> {
    let half = 0.5 * pow10(-decimals)
    return (value - half)...(value + half)
  }

  static func pow10(_ e: Int) -> Double {
    var x = 1.0
    for _ in 0..<abs(e) { x *= 10 }
    return e < 0 ? 1 / x : x
  }

  @Test func forwardPassMatchesMazur() throws {
    var session = Session.startingOnLinear()
    session.run("example mazur")
    session.run("forward")
    #expect(Self.printed(0.3775, decimals: 4).contains(try session.value(named: "net_3")))
    #expect(Self.printed(0.593269992, decimals: 9).contains(try session.value(named: "o_3")))
    #expect(Self.printed(0.596884378, decimals: 9).contains(try session.value(named: "o_4")))
    #expect(Self.printed(1.105905967, decimals: 9).contains(try session.value(named: "net_5")))
    #expect(Self.printed(0.75136507, decimals: 8).contains(try session.value(named: "o_5")))
    #expect(Self.printed(0.772928465, decimals: 9).contains(try session.value(named: "o_6")))
    #expect(Self.printed(0.298371109, decimals: 9).contains(try session.value(named: "E")))
  }

  @Test func getPrintsTheValueWithTheChosenDigits() {
    var session = Session()
    session.run(["forward", "set digits 8"])
    let output = session.run("get o_5 E")
    #expect(output.lines == ["o_5 = 0.75136507", "E = 0.29837111"])
    let values = output.field("values")
    #expect(
      values?["o_5"]?.numberValue.map { Self.printed(0.75136507, decimals: 8).contains($0) } == true
    )
  }

  @Test func backwardPassMatchesMazur() throws {
    var session = Session()
    session.run(["forward", "backward"])
    // δ_o1 = (out_o1 − target_o1)·out_o1(1 − out_o1) = 0.74136507 · 0.186815602.
    #expect(Self.printed(0.138498562, decimals: 9).contains(try session.value(named: "δ_5")))
    #expect(Self.printed(0.082167041, decimals: 9).contains(try session.value(named: "dE/dw_35")))
    #expect(Self.printed(0.000438568, decimals: 9).contains(try session.value(named: "dE/dw_13")))
    // Mazur's ∂E_total/∂out_h1 = 0.036350306 times out_h1(1 − out_h1) = 0.241300709.
    #expect(isClose(try session.value(named: "δ_3"), 0.036350306 * 0.241300709, relative: 1e-7))
  }

  @Test func updateMatchesMazur() throws {
    var session = Session()
    session.run("update")
    let expected: [(String, Double, Int)] = [
      ("w_35", 0.35891648, 8), ("w_45", 0.408666186, 9), ("w_36", 0.511301270, 9),
      ("w_46", 0.561370121, 9), ("w_13", 0.149780716, 9), ("w_23", 0.19956143, 8),
      ("w_14", 0.24975114, 8), ("w_24", 0.29950229, 8),
    ]
    for (name, value, decimals) in expected {
      #expect(
        Self.printed(value, decimals: decimals).contains(try session.value(named: name)), "\(name)")
    }
    // Frozen biases stay where Mazur left them.
    #expect(try session.value(named: "b_3") == 0.35)
    #expect(try session.value(named: "b_5") == 0.6)
    #expect(session.trainer.epoch == 1)
  }

  /// After the first update Mazur reports E = 0.291027924. He carried rounded intermediate
  /// values, so his figure is off in the 7th digit: redoing his arithmetic in full double
  /// precision (by hand, outside this code: his weights w+ listed above, then his forward pass)
  /// gives 0.2910277736936.
  @Test func errorAfterOneUpdateMatchesMazur() throws {
    var session = Session()
    session.run(["update", "forward"])
    let e = try session.value(named: "E")
    #expect(isClose(e, 0.291027924, relative: 1e-6))
    #expect(isClose(e, 0.2910277736936, relative: 1e-12))
  }

  @Test func valuesNotYetComputedAreBlank() {
    var session = Session.startingOnLinear()
    session.run("example mazur")
    #expect(session.value(of: .delta(5)) == nil)
    #expect(session.value(of: .output(5)) == nil)
    #expect(session.value(of: .error) == nil)
    #expect(throws: CommandError.self) { try session.value(named: "δ_5") }
    let answer = session.run("get δ_5")
    #expect(answer.lines == ["δ_5 = (not computed in this pass yet)"])
    // Inputs, weights and η are always known.
    #expect(session.value(of: .output(1)) == 0.05)
    #expect(session.value(of: .weight(from: 3, to: 5)) == 0.4)
    #expect(session.value(of: .learningRate) == 0.5)

    // Part way through the forward pass: net_3 is known, o_3 not yet.
    session.run("step")
    #expect(session.value(of: .net(3)) == 0.3775)
    #expect(session.value(of: .output(3)) == nil)

    // After the update the pass is over, so its values are stale and blank again.
    session.run("update")
    #expect(session.value(of: .output(5)) == nil)
    #expect(session.value(of: .delta(5)) == nil)
    #expect(session.value(of: .gradient(.weight(from: 3, to: 5))) == nil)
  }

  @Test func changeIsMinusEtaTimesTheGradient() throws {
    var session = Session()
    session.run("backward")
    let gradient = try session.value(named: "dE/dw_35")
    #expect(try session.value(named: "Δw_35") == -0.5 * gradient)
    // Δw_13 = −η o_1 δ_3 with η = 0.5 and o_1 = 0.05.
    #expect(
      isClose(
        try session.value(named: "dw_13"), -0.5 * 0.05 * (try session.value(named: "δ_3")),
        relative: 1e-15))
  }

  /// The ValuesTable used by `show` and the TUI agrees with `get`, and leaves blanks blank.
  @Test func valuesTableAgreesWithTheSession() throws {
    var session = Session()
    session.run(["forward", "step 3"])
    let table = ValuesTable(session: session)
    let row5 = try #require(table.neurons.first { $0.j == 5 })
    #expect(row5.output == (try session.value(named: "o_5")))
    #expect(row5.delta == (try session.value(named: "δ_5")))
    let row3 = try #require(table.neurons.first { $0.j == 3 })
    #expect(row3.delta == nil)
    let w35 = try #require(table.weights.first { $0.parameter == .weight(from: 3, to: 5) })
    #expect(w35.gradient == (try session.value(named: "dE/dw_35")))
    let w13 = try #require(table.weights.first { $0.parameter == .weight(from: 1, to: 3) })
    #expect(w13.gradient == nil)
    let b3 = try #require(table.weights.first { $0.parameter == .bias(3) })
    #expect(b3.frozen)
    #expect(table.error.map { Self.printed(0.298371109, decimals: 9).contains($0) } == true)
  }
}
