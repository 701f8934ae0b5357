import Foundation
import Testing

@testable import BackpropEngine

/// Mazur's 2-2-2 worked example, checked against his published figures and against the same
/// arithmetic written out by hand here (independently of the engine's code).
@Suite struct MazurTests {
  /// The example computed directly, neuron by neuron, with nothing from the engine.
  struct Hand {
    let i1 = 0.05, i2 = 0.10, t1 = 0.01, t2 = 0.99, b1 = 0.35, b2 = 0.60, eta = 0.5
    var w = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]  // Mazur's w1..w8
    func s(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    var h1: Double { s(w[0] * i1 + w[1] * i2 + b1) }
    var h2: Double { s(w[2] * i1 + w[3] * i2 + b1) }
    var o1: Double { s(w[4] * h1 + w[5] * h2 + b2) }
    var o2: Double { s(w[6] * h1 + w[7] * h2 + b2) }
    var error: Double { 0.5 * (t1 - o1) * (t1 - o1) + 0.5 * (t2 - o2) * (t2 - o2) }
    var d1: Double { (o1 - t1) * o1 * (1 - o1) }
    var d2: Double { (o2 - t2) * o2 * (1 - o2) }
    var dh1: Double { (w[4] * d1 + w[6] * d2) * h1 * (1 - h1) }
    var dh2: Double { (w[5] * d1 + w[7] * d2) * h2 * (1 - h2) }
    /// ∂E/∂w1..w8.
    var gradients: [Double] {
      [dh1 * i1, dh1 * i2, dh2 * i1, dh2 * i2, d1 * h1, d1 * h2, d2 * h1, d2 * h2]
    }
    mutating func update() {
      let g = gradients
      for k in 0..<8 { w[k] -= eta * g[k] }
    }
  }

  /// Mazur's w1..w8 in the article's names.
  static let names: [Parameter] = [
    .weight(from: 1, to: 3), .weight(from: 2, to: 3), .weight(from: 1, to: 4),
    .weight(from: 2, to: 4),
    .weight(from: 3, to: 5), .weight(from: 4, to: 5), .weight(from: 3, to: 6),
    .weight(from: 4, to: 6),
  ]

  @Test func forwardPassMatchesPublishedFigures() {
    var trainer = Example.mazur.trainer()
    trainer.finishPhase()
    #expect(trainer.position.phase == .backward)
    #expect(matchesPrinted(trainer.values.net[2], "0.3775"))
    #expect(matchesPrinted(trainer.values.output[2], "0.593269992"))
    #expect(matchesPrinted(trainer.values.output[3], "0.596884378"))
    #expect(matchesPrinted(trainer.values.output[4], "0.75136507"))
    #expect(matchesPrinted(trainer.values.output[5], "0.772928465"))
    #expect(matchesPrinted(trainer.values.error, "0.298371109"))
    #expect(close(trainer.values.error, Hand().error))
  }

  @Test func backwardPassMatchesHandDerivation() {
    var trainer = Example.mazur.trainer()
    trainer.finishPhase()
    trainer.finishPhase()
    let hand = Hand()
    #expect(matchesPrinted(trainer.values.delta[4], "0.138498562"))
    #expect(close(trainer.values.delta[4], hand.d1))
    #expect(close(trainer.values.delta[5], hand.d2))
    #expect(close(trainer.values.delta[2], hand.dh1))
    #expect(close(trainer.values.delta[3], hand.dh2))
    for (k, p) in Self.names.enumerated() {
      guard case .weight(let i, let j) = p else { continue }
      let g = trainer.values.weightGradient[trainer.network.shape.weightIndex(from: i, to: j)!]
      #expect(close(g, hand.gradients[k]), "∂E/∂\(p.name)")
    }
    #expect(matchesPrinted(trainer.values.weightGradient[4], "0.082167041"))  // w5 = w_35
    #expect(matchesPrinted(trainer.values.weightGradient[0], "0.000438568"))  // w1 = w_13
  }

  @Test func updateMatchesPublishedWeights() {
    var trainer = Example.mazur.trainer()
    trainer.finishSample()
    var hand = Hand()
    hand.update()
    for (k, p) in Self.names.enumerated() {
      #expect(close(trainer.network[p], hand.w[k]), "\(p.name)")
    }
    #expect(matchesPrinted(trainer.network[Self.names[4]], "0.35891648"))
    #expect(matchesPrinted(trainer.network[Self.names[0]], "0.149780716"))
    // Frozen biases did not move.
    #expect(trainer.network[.bias(3)] == 0.35)
    #expect(trainer.network[.bias(5)] == 0.60)
    let after = trainer.network.error(on: trainer.samples[0])
    #expect(matchesPrinted(after, "0.291027774"))
    #expect(close(after, hand.error))
  }

  @Test func tenThousandUpdates() {
    var trainer = Example.mazur.trainer()
    trainer.train(epochs: 10_000)
    let e = trainer.network.error(on: trainer.samples[0])
    #expect(matchesPrinted(e, "3.51018778e-05"))
    #expect(trainer.epoch == 10_000)
    #expect(trainer.losses.count == 10_000)
  }

  /// The classic mistake: updating w5..w8 before computing the hidden δ gives Mazur's printed
  /// 0.291027924; the article's method (the engine) gives 0.291027774.
  @Test func updatingOutputWeightsFirstIsTheClassicMistake() {
    var hand = Hand()
    let (h1, h2, d1, d2) = (hand.h1, hand.h2, hand.d1, hand.d2)
    hand.w[4] -= hand.eta * d1 * h1
    hand.w[5] -= hand.eta * d1 * h2
    hand.w[6] -= hand.eta * d2 * h1
    hand.w[7] -= hand.eta * d2 * h2
    // Hidden δ from the original forward pass, but with the already updated w5..w8.
    let dh1 = (hand.w[4] * d1 + hand.w[6] * d2) * h1 * (1 - h1)
    let dh2 = (hand.w[5] * d1 + hand.w[7] * d2) * h2 * (1 - h2)
    hand.w[0] -= hand.eta * dh1 * hand.i1
    hand.w[1] -= hand.eta * dh1 * hand.i2
    hand.w[2] -= hand.eta * dh2 * hand.i1
    hand.w[3] -= hand.eta * dh2 * hand.i2
    #expect(matchesPrinted(hand.error, "0.291027924"))
    // The engine's early mode makes the same mistake, step by step.
    var trainer = Example.mazur.trainer()
    trainer.setMode(.early)
    trainer.finishSample()
    #expect(close(trainer.network.error(on: trainer.samples[0]), hand.error))
    for (k, p) in Self.names.enumerated() {
      #expect(close(trainer.network[p], hand.w[k]), "\(p.name)")
    }
    // Its updates sit inside the backward pass, after each layer's gradients.
    #expect(trainer.steps(of: .update).isEmpty)
    #expect(trainer.steps(of: .backward).map(\.symbol)[6] == "w_35")
  }

  @Test func explanationReadsLikeTheArticle() {
    var trainer = Example.mazur.trainer()
    trainer.finishPhase()
    trainer.step()
    let e = trainer.explain(.delta(5))
    #expect(e.line == "δ_5 = (o_5 − t_5)·o_5(1 − o_5) = (0.75137 − 0.01)·0.75137·0.24863 = 0.13850")
    #expect(
      trainer.explain(.net(3)).line
        == "net_3 = w_13 o_1 + w_23 o_2 + b_3 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775")
  }
}
