import Testing

@testable import BackpropCommands

/// `gradcheck` compares backpropagation with central finite differences. On smooth networks the
/// two must agree to far better than 1e-6 relative error, for every parameter.
@Suite struct GradientCheckTests {
  struct Row {
    var name: String
    var backprop: Double
    var numeric: Double
    var relativeError: Double
    /// The denominator's floor, set by the rounding in E (see `GradcheckRoundingTests`).
    var floor: Double
  }

  /// The rows of the JSON answer.
  static func rows(_ output: CommandOutput) throws -> [Row] {
    let rows = try #require(output.field("rows")?.arrayValue)
    return try rows.map { r in
      Row(
        name: try #require(r["name"]?.stringValue),
        backprop: try #require(r["backprop"]?.numberValue),
        numeric: try #require(r["numeric"]?.numberValue),
        relativeError: try #require(r["relativeError"]?.numberValue),
        floor: try #require(r["floor"]?.numberValue))
    }
  }

  static func expectAgreement(_ rows: [Row], sourceLocation: SourceLocation = #_sourceLocation) {
    for r in rows {
      #expect(
        r.relativeError < 1e-6, "\(r.name): \(r.backprop) vs \(r.numeric)",
        sourceLocation: sourceLocation)
      // The reported relative error is what the two numbers say it is.
      let scale = max(abs(r.backprop), abs(r.numeric), r.floor)
      if scale >= 1e-12 {
        #expect(
          isClose(r.relativeError, abs(r.backprop - r.numeric) / scale, relative: 1e-9),
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test func xorExample() throws {
    var session = Session()
    session.run("example xor")
    let output = session.run("gradcheck")
    let rows = try Self.rows(output)
    // 2-2-1 with biases on: 4 + 2 weights and 2 + 1 biases.
    #expect(
      rows.map(\.name) == ["w_13", "w_23", "w_14", "w_24", "b_3", "b_4", "w_35", "w_45", "b_5"])
    Self.expectAgreement(rows)
    #expect(
      output.lines.first { $0.hasPrefix("worst:") }?
        .hasSuffix("backprop and finite differences agree") == true)
  }

  @Test func softmaxWithCrossEntropy() throws {
    var session = Session()
    session.run([
      "network 3-4-3 relu,softmax loss=cross-entropy", "sample add 0.5 -1 2 -> 0 1 0",
      "sample add 1 0.25 -0.75 -> 0 0 1",
    ])
    let rows = try Self.rows(session.run("gradcheck"))
    // 12 + 12 weights and 4 + 3 biases.
    #expect(rows.count == 31)
    Self.expectAgreement(rows)
  }

  /// On Mazur's example the backprop column is his ∂E/∂w (frozen biases are checked too).
  @Test func mazurBackpropColumnIsTheGradient() throws {
    var session = Session()
    let rows = try Self.rows(session.run("gradcheck"))
    Self.expectAgreement(rows)
    let w35 = try #require(rows.first { $0.name == "w_35" })
    #expect(abs(w35.backprop - 0.082167041) < 5e-10)
    #expect(rows.contains { $0.name == "b_5" })
  }

  /// Hidden gradients here are as small as 3e-5, where rounding in E(θ ± h) with the default
  /// h = 1e-6 alone gives relative errors near 1e-5; h = 1e-4 keeps both rounding and truncation
  /// error well under 1e-6.
  @Test(arguments: ["tanh", "softplus", "swish", "mish", "identity"])
  func otherActivations(_ activation: String) throws {
    var session = Session()
    session.run(["network 2-3-2 \(activation),logistic loss=bce seed=3", "data mazur"])
    Self.expectAgreement(try Self.rows(session.run("gradcheck h=1e-4")))
  }

  @Test func aStepSizeCanBeGiven() throws {
    var session = Session()
    let coarse = session.run("gradcheck h=1e-3")
    let fine = session.run("gradcheck")
    #expect(coarse.lines.first?.contains("h = 0.001,") == true, "\(coarse.lines.first ?? "")")
    #expect(try Self.rows(coarse).map(\.numeric) != (try Self.rows(fine).map(\.numeric)))
  }
}
