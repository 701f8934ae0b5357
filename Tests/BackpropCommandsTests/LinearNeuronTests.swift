import Testing

@testable import BackpropCommands

/// The article's linear neuron y = x1 w1 + x2 w2 on the case (x1, x2, t) = (1, 1, 0), where
/// E = (t − y)² = (w1 + w2)². By hand: ∂E/∂w1 = 2(y − t)·x1 = 2(w1 + w2), and the same for w2.
@Suite struct LinearNeuronTests {
  static let weights: [(Double, Double)] = [
    (0.5, 0.5), (1, -1), (-0.3, 2.7), (1e3, 1e-3), (0, 0), (-4.25, -0.125), (1e-8, 3e-8),
  ]

  @Test(arguments: weights)
  func errorIsTheSquaredSumOfTheWeights(_ a: Double, _ b: Double) throws {
    var session = Session()
    session.run(["example linear", "set w_13 \(a)", "set w_23 \(b)", "forward"])
    let e = try session.value(named: "E")
    #expect(isClose(e, (a + b) * (a + b), relative: 1e-12), "E = \(e)")
    #expect(try session.value(named: "o_3") == a + b)
  }

  @Test(arguments: weights)
  func gradientIsTwiceTheSum(_ a: Double, _ b: Double) throws {
    var session = Session()
    session.run(["example linear", "set w_13 \(a)", "set w_23 \(b)", "backward"])
    #expect(isClose(try session.value(named: "dE/dw_13"), 2 * (a + b), relative: 1e-12))
    #expect(isClose(try session.value(named: "dE/dw_23"), 2 * (a + b), relative: 1e-12))
    // δ_3 = ∂E/∂net_3 = 2(y − t) for the identity activation.
    #expect(isClose(try session.value(named: "δ_3"), 2 * (a + b), relative: 1e-12))
  }

  /// One update moves both weights by −η·2(w1 + w2) with η = 0.1, so the sum shrinks by a
  /// factor 1 − 2·2·0.1 = 0.6 every epoch, and E by 0.36.
  @Test func trainingShrinksTheSumGeometrically() throws {
    var session = Session()
    session.run("example linear")
    var sum = 1.0
    for epoch in 1...5 {
      session.run("update")
      sum *= 0.6
      let w1 = try session.value(named: "w_13")
      let w2 = try session.value(named: "w_23")
      #expect(isClose(w1 + w2, sum, relative: 1e-12), "epoch \(epoch)")
      // Both weights get the same step, so their difference never changes (the valley w1 = −w2).
      #expect(w1 == w2)
    }
    session.run("forward")
    #expect(
      isClose(
        try session.value(named: "E"), 0.6 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6 * 0.6,
        relative: 1e-12))
  }

  /// With the article's second case (1, 0, 1) the mean error has its single minimum at
  /// w = (1, −1); batch training gets there.
  @Test func twoCasesHaveTheUniqueMinimumOneMinusOne() throws {
    var session = Session()
    session.run(["example linear2", "mode batch", "set eta 0.5", "train 500"])
    #expect(abs(try session.value(named: "w_13") - 1) < 1e-9)
    #expect(abs(try session.value(named: "w_23") + 1) < 1e-9)
  }
}
