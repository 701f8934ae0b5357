import Foundation
import Testing

@testable import BackpropEngine

/// Backpropagation against central finite differences, for every activation and every loss.
///
/// Central differences (E(θ+h) − E(θ−h))/2h need nothing but forward passes, so they check the
/// backward pass independently of how δ is derived.
@Suite struct GradientTests {
  static let hiddenActivations: [Activation] = [
    .logistic, .tanh, .relu, .identity, .softplus, .swish, .mish,
  ]

  /// (output activation, loss) pairs, including the two that simplify to δ = o − t.
  static let outputs: [(Activation, Loss)] = [
    (.logistic, .halfSquaredError), (.identity, .squaredError), (.tanh, .halfSquaredError),
    (.softmax, .crossEntropy), (.logistic, .binaryCrossEntropy), (.softmax, .halfSquaredError),
    (.softplus, .squaredError), (.swish, .halfSquaredError), (.mish, .halfSquaredError),
    (.relu, .squaredError), (.logistic, .crossEntropy),
  ]

  static func makeNetwork(hidden: Activation, output: Activation, loss: Loss, seed: UInt64) -> (
    Network, Sample
  ) {
    var net = try! Network(
      shape: try! NetworkShape(layerSizes: [3, 4, 3, 3]), activations: [hidden, hidden, output],
      loss: loss,
      biasMode: .on)
    net.randomize(seed: seed)
    let targets: [Double] = (loss == .crossEntropy) ? [0.2, 0.7, 0.1] : [0.3, 0.9, 0.15]
    return (net, Sample(inputs: [0.4, -0.7, 1.1], targets: targets))
  }

  /// Central difference with a step scaled to θ.
  static func numeric(_ net: Network, _ p: Parameter, _ sample: Sample, h: Double = 1e-5) -> Double
  {
    var plus = net
    var minus = net
    let step = h * max(1, abs(net[p]))
    plus[p] += step
    minus[p] -= step
    return (plus.error(on: sample) - minus.error(on: sample)) / (2 * step)
  }

  @Test(arguments: hiddenActivations)
  func everyHiddenActivation(_ hidden: Activation) {
    for (k, (output, loss)) in Self.outputs.enumerated() {
      let (net, sample) = Self.makeNetwork(
        hidden: hidden, output: output, loss: loss, seed: UInt64(k + 3))
      let g = net.gradient(on: sample)
      for p in net.allParameters {
        let analytic: Double
        switch p {
        case .weight(let i, let j): analytic = g.weights[net.shape.weightIndex(from: i, to: j)!]
        case .bias(let j): analytic = g.biases[j - 1]
        }
        let numeric = Self.numeric(net, p, sample)
        #expect(
          close(analytic, numeric, relative: 1e-7, absolute: 1e-9),
          "\(hidden.rawValue) hidden, \(output.rawValue)/\(loss.rawValue): ∂E/∂\(p.name) backprop \(analytic), numeric \(numeric)"
        )
      }
    }
  }

  /// The micro-step path and the kernel give the same gradients, bit for bit.
  @Test(arguments: hiddenActivations)
  func microStepsAgreeWithKernel(_ hidden: Activation) {
    for (k, (output, loss)) in Self.outputs.enumerated() {
      let (net, sample) = Self.makeNetwork(
        hidden: hidden, output: output, loss: loss, seed: UInt64(k + 11))
      var trainer = Trainer(network: net, samples: [sample])
      trainer.finishPhase()
      trainer.finishPhase()
      let g = net.gradient(on: sample)
      #expect(trainer.values.weightGradient == g.weights)
      #expect(trainer.values.error == net.error(on: sample))
    }
  }

  /// ReLU's kink: φ'(0) = 0 by convention, and positive/negative sides are 1 and 0.
  @Test func reluDerivativeAtTheKink() {
    #expect(Activation.relu.derivative(0, output: 0) == 0)
    #expect(Activation.relu.derivative(1e-300, output: 1e-300) == 1)
    #expect(Activation.relu.derivative(-2, output: 0) == 0)
  }

  /// Each φ' against a central difference of φ itself.
  @Test(arguments: [Activation.logistic, .tanh, .identity, .softplus, .swish, .mish])
  func derivativeMatchesDifferenceOfValue(_ phi: Activation) {
    for x in stride(from: -4.0, through: 4.0, by: 0.37) {
      let h = 1e-5
      let numeric = (phi.value(x + h) - phi.value(x - h)) / (2 * h)
      #expect(
        close(phi.derivative(x, output: phi.value(x)), numeric, relative: 1e-8, absolute: 1e-10),
        "\(phi) at \(x)")
    }
  }

  /// The simplified output δ = o − t equals the general ∂E/∂o · φ' for the pairs that cancel.
  @Test func pairedLossesSimplify() {
    let o = 0.73
    let t = 1.0
    let general =
      Loss.binaryCrossEntropy.derivative(target: t, output: o)
      * Activation.logistic.derivative(0, output: o)
    #expect(close(general, o - t, relative: 1e-14))
    #expect(Loss.crossEntropy.cancelsDerivative(of: .softmax))
    #expect(Loss.binaryCrossEntropy.cancelsDerivative(of: .logistic))
    #expect(!Loss.halfSquaredError.cancelsDerivative(of: .logistic))
  }

  @Test func gradientCheckReportsAgreement() {
    let (net, sample) = Self.makeNetwork(
      hidden: .tanh, output: .softmax, loss: .crossEntropy, seed: 5)
    let check = GradientCheck(
      network: net, samples: [sample, Sample(inputs: [1, 0, -1], targets: [0, 0, 1])], step: 1e-5)
    #expect(check.rows.count == net.allParameters.count)
    #expect((check.worst?.relativeError ?? 1) < 1e-6)
  }
}
