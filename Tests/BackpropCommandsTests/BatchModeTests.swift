import BackpropEngine
import Testing

@testable import BackpropCommands

/// Batch mode descends on E = 1/n Σ_x E_x: every sample goes through forward and backward with the
/// same weights, then one update with the mean gradient. The expected weights are computed here
/// from per-sample gradients (`Network.gradient(on:)`), independently of the stepping code.
@Suite struct BatchModeTests {
  /// (1/n) Σ_x ∂E_x/∂p for every trainable parameter p, summing in sample order.
  static func meanGradient(_ network: Network, samples: [Sample]) -> [Parameter: Double] {
    var sumW = Array(repeating: 0.0, count: network.weights.count)
    var sumB = Array(repeating: 0.0, count: network.biases.count)
    for s in samples {
      let g = network.gradient(on: s)
      for k in sumW.indices { sumW[k] += g.weights[k] }
      for k in sumB.indices { sumB[k] += g.biases[k] }
    }
    let n = Double(samples.count)
    var mean: [Parameter: Double] = [:]
    for p in network.trainableParameters {
      switch p {
      case .weight(let i, let j): mean[p] = sumW[network.shape.weightIndex(from: i, to: j)!] / n
      case .bias(let j): mean[p] = sumB[j - 1] / n
      }
    }
    return mean
  }

  /// w − η · (1/n) Σ_x ∂E_x/∂w.
  static func handBatchStep(_ network: Network, samples: [Sample], eta: Double) -> Network {
    var next = network
    for (p, g) in meanGradient(network, samples: samples) { next[p] = network[p] - eta * g }
    return next
  }

  @Test func updateRunsEverySampleThenOneMeanUpdate() {
    var session = Session()
    session.run(["example xor", "mode batch"])
    let before = session.trainer
    let output = session.run("update")

    // 2-2-1 with biases: forward 7 steps (net, o for 3, 4, 5; E); backward 12 (δ_5, two weight
    // gradients and b_5; δ_3, δ_4, four weight gradients, b_3, b_4); update 9 parameters.
    #expect(output.field("count")?.numberValue == Double(4 * (7 + 12) + 9))
    #expect(session.trainer.epoch == 1)
    #expect(session.trainer.position == .start)

    let expected = Self.handBatchStep(before.network, samples: before.samples, eta: 0.5)
    for p in expected.allParameters {
      let got = session.trainer.network[p]
      #expect(isClose(got, expected[p], relative: 1e-12), "\(p.name): \(got) vs \(expected[p])")
    }
    // Exactly, in fact: same operations in the same order.
    #expect(session.trainer.network == expected)
  }

  @Test func nothingChangesBeforeTheLastSampleIsThrough() {
    var session = Session()
    session.run(["example xor", "mode batch"])
    let weights = session.trainer.network.weights
    // Three whole samples (19 micro-steps each) and the fourth's forward and backward.
    session.run("step \(4 * 19)")
    #expect(session.trainer.network.weights == weights)
    #expect(session.trainer.position.phase == .update)
    // Δw shows the mean gradient once every sample is in.
    let mean = Self.meanGradient(session.trainer.network, samples: session.trainer.samples)
    for (p, g) in mean {
      let change = session.value(of: .change(p))
      #expect(change.map { isClose($0, -0.5 * g, relative: 1e-12) } == true, "Δ\(p.name)")
    }
  }

  @Test func epochAndTrainAgreeWithRepeatedHandSteps() {
    var session = Session()
    session.run(["example xor", "mode batch"])
    var network = session.trainer.network
    let samples = session.trainer.samples
    session.run("epoch")
    network = Self.handBatchStep(network, samples: samples, eta: 0.5)
    #expect(session.trainer.network == network)
    session.run("train 25")
    for _ in 0..<25 { network = Self.handBatchStep(network, samples: samples, eta: 0.5) }
    #expect(session.trainer.network == network)
    #expect(session.trainer.epoch == 26)
  }

  @Test func aSampleCannotBeChosenInBatchMode() {
    var session = Session()
    session.run(["example xor", "mode batch"])
    let error = session.fail("sample 2")
    #expect(error?.column == 8)
  }
}
