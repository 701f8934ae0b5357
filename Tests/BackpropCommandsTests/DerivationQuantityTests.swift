import BackpropEngine
import Foundation
import Testing

@testable import BackpropCommands

/// The quantities of the derivation that are not micro-steps of their own — ∂E/∂o_j (Eq. 5), the
/// batch mean gradient, the gradient of a frozen bias, the softmax Jacobian — each checked
/// against a value derived here independently (finite differences or a closed form).
@Suite struct DerivationQuantityTests {
  static func close(_ a: Double, _ b: Double, _ rel: Double = 1e-10) -> Bool {
    abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)
  }

  /// The JSON field `name` of `get`'s "values" object.
  static func jsonValue(_ output: CommandOutput, _ name: String) -> JSONValue? {
    guard case .object(let values)? = output.data.first(where: { $0.0 == "values" })?.1 else {
      return nil
    }
    return values.first { $0.0 == name }?.1
  }

  @Test func outputGradientNamesParse() {
    for text in ["dE/do_3", "∂E/∂o_3", "de/do3", "∂E/∂o3"] {
      #expect(QuantityName.parse(text) == .outputGradient(3), "\(text)")
    }
    #expect(QuantityName.outputGradient(3).name == "∂E/∂o_3")
    for text in ["mean_dE/dw_35", "mean_∂E/∂w_35", "mean-dE/dw35"] {
      #expect(QuantityName.parse(text) == .meanGradient(.weight(from: 3, to: 5)), "\(text)")
    }
    #expect(QuantityName.parse("mean_dE/db_3") == .meanGradient(.bias(3)))
    #expect(QuantityName.parse("mean_E") == .meanError)
  }

  /// ∂E/∂o_3 by central differences on E as a function of o_3 alone (o_4 held), Mazur's weights.
  static func numericMazurOutputGradient(_ j: Int) -> Double {
    let sigma = { (x: Double) in 1 / (1 + exp(-x)) }
    let o3 = sigma(0.15 * 0.05 + 0.2 * 0.1 + 0.35)
    let o4 = sigma(0.25 * 0.05 + 0.3 * 0.1 + 0.35)
    func error(_ o3: Double, _ o4: Double) -> Double {
      let o5 = sigma(0.4 * o3 + 0.45 * o4 + 0.6)
      let o6 = sigma(0.5 * o3 + 0.55 * o4 + 0.6)
      return 0.5 * ((0.01 - o5) * (0.01 - o5) + (0.99 - o6) * (0.99 - o6))
    }
    let h = 1e-6
    return j == 3
      ? (error(o3 + h, o4) - error(o3 - h, o4)) / (2 * h)
      : (error(o3, o4 + h) - error(o3, o4 - h)) / (2 * h)
  }

  @Test func innerOutputGradientMatchesFiniteDifferences() throws {
    var session = Session()
    session.run(["example mazur", "forward"])
    let before = session.run("get dE/do_3")
    #expect(before.text == "∂E/∂o_3 = (not computed in this pass yet)")
    #expect(Self.jsonValue(before, "∂E/∂o_3") == .null)
    session.run("backward")
    for j in [3, 4] {
      let v = try session.value(named: "dE/do_\(j)")
      let numeric = Self.numericMazurOutputGradient(j)
      #expect(abs(v - numeric) <= 1e-8 * abs(numeric), "∂E/∂o_\(j): \(v) vs \(numeric)")
      // δ_j = ∂E/∂o_j · φ'(net_j), exactly as the step computed it.
      let delta = try session.value(named: "δ_\(j)")
      let dphi = try session.value(named: "dphi_\(j)")
      #expect(Self.close(v * dphi, delta))
      let output = session.run("get ∂E/∂o_\(j)")
      #expect(Self.jsonValue(output, "∂E/∂o_\(j)") == .number(v))
    }
  }

  @Test func outputNeuronGradientIsTheLossDerivative() throws {
    var session = Session()
    session.run(["example mazur", "forward"])
    let o5 = try session.value(named: "o_5")
    let v = try session.value(named: "dE/do_5")
    #expect(Self.close(v, o5 - 0.01))
  }

  @Test func explainOutputGradientShowsEq5WithNumbers() {
    var session = Session()
    session.run(["example mazur", "forward"])
    #expect(session.run("explain dE/do_3").text.contains("has not been computed in this pass yet"))
    session.run("backward")
    let text = session.run("explain dE/do_3").text
    #expect(text.hasPrefix("∂E/∂o_3 = w_35 δ_5 + w_36 δ_6 = 0.4·0.13850 + 0.5·(-0.038098) = "))
    #expect(text.contains("(Eq. 5)"))
  }

  @Test func deltaStepShowsTheIntermediateOutputGradient() throws {
    var session = Session()
    session.run(["example mazur", "forward", "step 6"])
    let text = session.run("step").text
    #expect(text.contains("δ_3 = "))
    let v = try session.value(named: "dE/do_3")
    #expect(
      text.contains("∂E/∂o_3 = Σ_ℓ w_3ℓ δ_ℓ = w_35 δ_5 + w_36 δ_6")
        && text.contains(NumberFormat.format(v, digits: 5)))
  }

  @Test func valuesTableHasTheOutputGradientColumn() throws {
    var session = Session()
    session.run(["example mazur", "forward", "backward"])
    let table = ValuesTable(session: session)
    let row = try #require(table.neurons.first { $0.j == 3 })
    let expected = try session.value(named: "dE/do_3")
    #expect(row.outputGradient == expected)
    #expect(table.neuronLines(digits: 5)[0].contains("∂E/∂o_j"))
  }

  @Test func frozenBiasGradientIsDeltaAndMarkedFrozen() throws {
    var session = Session()
    session.run(["example mazur", "backward"])
    let check = GradientCheck(network: session.trainer.network, samples: session.trainer.samples)
    for j in 3...6 {
      let numeric = try #require(check.rows.first { $0.parameter == .bias(j) }).numeric
      let v = try session.value(named: "dE/db_\(j)")
      #expect(abs(v - numeric) <= 1e-7 * abs(numeric), "∂E/∂b_\(j)")
      let delta = try session.value(named: "δ_\(j)")
      #expect(v == delta)
    }
    let output = session.run("get dE/db_3")
    #expect(output.text.contains("frozen"))
    let delta3 = try session.value(named: "δ_3")
    #expect(Self.jsonValue(output, "∂E/∂b_3") == .number(delta3))
    #expect(session.run("explain dE/db_3").text.contains("frozen"))
    let row = try #require(ValuesTable(session: session).weights.first { $0.parameter == .bias(3) })
    #expect(row.frozen && row.gradient == delta3)
  }

  @Test func batchMeanGradientIsTheMeanOfTheSamples() throws {
    var session = Session()
    session.run(["example xor", "mode batch"])
    let network = session.trainer.network
    let samples = session.trainer.samples
    let mean = BatchModeTests.meanGradient(network, samples: samples)
    // After the first sample: the mean over that one sample.
    session.run(["forward", "backward"])
    let first = network.gradient(on: samples[0]).weights[network.shape.weightIndex(from: 3, to: 5)!]
    let firstMean = try session.value(named: "mean_dE/dw_35")
    #expect(Self.close(firstMean, first))
    // All samples: the gradient the update applies.
    for _ in 1..<samples.count { session.run(["forward", "backward"]) }
    let all = try session.value(named: "mean_dE/dw_35")
    let expected = try #require(mean[.weight(from: 3, to: 5)])
    #expect(Self.close(all, expected))
    let table = ValuesTable(session: session)
    #expect(table.weightLines(digits: 5)[0].contains("mean ∂E/∂·"))
    let row = try #require(table.weights.first { $0.parameter == .weight(from: 3, to: 5) })
    #expect(row.meanGradient == all)
    let update = session.run("explain w_35").text
    #expect(update.contains("w_35 − η mean_∂E/∂w_35"))
    let output = session.run("get mean_dE/dw_35")
    #expect(Self.jsonValue(output, "mean_∂E/∂w_35") == .number(all))
    #expect(session.run("explain mean_dE/dw_35").text.contains("all 4 samples"))
  }

  @Test func meanGradientOutsideBatchModeIsAnError() {
    var session = Session()
    session.run("example xor")
    let error = session.fail("get mean_dE/dw_35")
    #expect(error?.message.contains("batch mode") == true)
  }

  @Test func softmaxJacobianMatchesFiniteDifferences() throws {
    var session = Session()
    session.run([
      "network 2-3-3 tanh,softmax loss=cross-entropy seed=3", "sample add 0.5 -1 -> 0 1 0",
      "forward",
    ])
    let nets = try (6...8).map { try session.value(named: "net_\($0)") }
    func softmax(_ z: [Double]) -> [Double] {
      let m = z.max()!
      let e = z.map { exp($0 - m) }
      let s = e.reduce(0, +)
      return e.map { $0 / s }
    }
    let output = session.run("show jacobian")
    guard case .array(let rows)? = output.data.first(where: { $0.0 == "jacobian" })?.1 else {
      Issue.record("no jacobian in the JSON")
      return
    }
    let h = 1e-6
    for k in 0..<3 {
      guard case .array(let entries) = rows[k] else { continue }
      for j in 0..<3 {
        var plus = nets
        var minus = nets
        plus[j] += h
        minus[j] -= h
        let numeric = (softmax(plus)[k] - softmax(minus)[k]) / (2 * h)
        guard case .number(let value) = entries[j] else { continue }
        #expect(abs(value - numeric) <= 1e-8, "∂o_\(k + 6)/∂net_\(j + 6)")
        if j == k {
          let dphi = try session.value(named: "dphi_\(k + 6)")
          #expect(value == dphi)
        }
      }
    }
    #expect(output.text.contains("* the diagonal"))
    #expect(session.run("explain o_6").text.contains("the Jacobian's diagonal"))
    #expect(ValuesTable(session: session).neuronLines(digits: 5).last!.contains("diagonal"))
    session.run("example mazur")
    #expect(session.fail("show jacobian")?.message.contains("not softmax") == true)
  }

  /// The softmax δ step shows the Jacobian sum it uses, Σ_k o_k ∂E/∂o_k, with its value.
  @Test func softmaxDeltaShowsTheJacobianSum() throws {
    var session = Session()
    session.run([
      "network 2-3-3 tanh,softmax loss=half-squared seed=2", "sample add 1 0 -> 1 0 0", "forward",
    ])
    let o = try (6...8).map { try session.value(named: "o_\($0)") }
    let t = [1.0, 0, 0]
    // Half-squared loss: ∂E/∂o_k = o_k − t_k.
    let dot = (0..<3).map { o[$0] * (o[$0] - t[$0]) }.reduce(0, +)
    let text = session.run("step").text
    #expect(
      text.contains("Σ_k o_k ∂E/∂o_k = ") && text.contains(NumberFormat.format(dot, digits: 5)))
    let delta = try session.value(named: "δ_6")
    #expect(Self.close(delta, o[0] * ((o[0] - 1) - dot), 1e-12))
  }

  @Test func setInTheMiddleOfAPassSaysItRestarts() {
    var session = Session()
    session.run(["example mazur"])
    #expect(session.run("set w_35 1").lines == ["w_35 = 1"])
    session.run("step 3")
    let lines = session.run("set w_35 0.4").lines
    #expect(lines.count == 2 && lines[1].hasPrefix("pass restarted"))
    #expect(session.trainer.position == .start)
    session.run(["mode batch", "sample add 1 1 -> 0 0", "forward", "backward"])
    #expect(session.run("set x_1 0.1").lines.last?.hasPrefix("epoch restarted") == true)
  }
}
