import Testing

@testable import BackpropEngine

/// The article's linear neuron y = x1 w1 + x2 w2 with squared error: E = (t − y)².
@Suite struct LinearNeuronTests {
  static let points: [(Double, Double)] = [
    (0.5, 0.5), (1, -1), (-2, 0.25), (3.5, 1.25), (0, 0), (-0.3, 0.3),
  ]

  /// With the case (1, 1, 0): E = (w1 + w2)², a parabolic cylinder whose valley is w1 = −w2.
  @Test func singleCaseIsAParabolicCylinder() {
    var trainer = Example.linear.trainer()
    for (a, b) in Self.points {
      trainer.setParameter(.weight(from: 1, to: 3), to: a)
      trainer.setParameter(.weight(from: 2, to: 3), to: b)
      var t = trainer
      t.finishPhase()
      #expect(close(t.values.error, (a + b) * (a + b), relative: 1e-12, absolute: 1e-300))
      #expect(
        close(
          t.network.error(on: t.samples[0]), (a + b) * (a + b), relative: 1e-12, absolute: 1e-300))
      t.finishPhase()
      // ∂E/∂w1 = ∂E/∂w2 = 2(y − t)·x = 2(w1 + w2).
      #expect(close(t.values.weightGradient[0], 2 * (a + b), relative: 1e-12, absolute: 1e-300))
      #expect(close(t.values.weightGradient[1], 2 * (a + b), relative: 1e-12, absolute: 1e-300))
    }
  }

  /// With both cases the mean error ((w1 + w2)² + (1 − w1)²)/2 has one minimum, at (1, −1).
  @Test func secondCaseMakesTheMinimumUnique() {
    var trainer = Example.linear2.trainer()
    for (a, b) in Self.points {
      trainer.setParameter(.weight(from: 1, to: 3), to: a)
      trainer.setParameter(.weight(from: 2, to: 3), to: b)
      let e = trainer.network.meanError(on: trainer.samples)
      #expect(
        close(e, ((a + b) * (a + b) + (1 - a) * (1 - a)) / 2, relative: 1e-12, absolute: 1e-300))
    }
    trainer.setMode(.batch)
    trainer.learningRate = 0.2
    trainer.train(epochs: 2000)
    #expect(abs(trainer.network[.weight(from: 1, to: 3)] - 1) < 1e-9)
    #expect(abs(trainer.network[.weight(from: 2, to: 3)] + 1) < 1e-9)
  }

  /// One gradient step on the single case moves along −(1, 1): w ← w − η·2(w1 + w2)·(1, 1).
  @Test func oneStepByHand() {
    var trainer = Example.linear.trainer()
    trainer.finishSample()
    let expected = 0.5 - 0.1 * 2 * (0.5 + 0.5)
    #expect(close(trainer.network[.weight(from: 1, to: 3)], expected))
    #expect(close(trainer.network[.weight(from: 2, to: 3)], expected))
    #expect(trainer.trail.count == 2)
  }
}
