import Foundation
import Testing

@testable import BackpropEngine

/// Numbers the fuzzer broke (issue 10, #11): cross-entropy over softmax from log-sum-exp.
@Suite struct FuzzFoundNumberTests {
  /// nets 1000 and −1000: o_3 = e^(−2000)/(1 + e^(−2000)) underflows to 0, so −ln o_3 was +∞.
  /// From the nets, E = −(net_3 − ln(e^(net_2) + e^(net_3))) = 1000 + 1000 + ln(1 + e^(−2000)),
  /// which is 2000 in doubles (the last term is far below one ulp).
  func farApartNets() -> Trainer {
    var net = try! Network(
      shape: try! NetworkShape(layerSizes: [1, 2]), activations: [.softmax], loss: .crossEntropy,
      biasMode: .off)
    net[.weight(from: 1, to: 2)] = 1000
    net[.weight(from: 1, to: 3)] = -1000
    return Trainer(network: net, samples: [Sample(inputs: [1], targets: [0, 1])])
  }

  @Test func crossEntropyIsFiniteForFarApartNets() {
    var micro = farApartNets()
    micro.finishPhase()
    #expect(micro.divergence == nil, "\(String(describing: micro.divergence))")
    #expect(micro.values.error == 2000)
    let fast = farApartNets()
    #expect(fast.network.error(on: fast.samples[0]) == 2000)
  }

  /// For ordinary nets the log-sum-exp form agrees with −Σ t ln o to rounding.
  @Test func crossEntropyAgreesWithTheDefinitionForOrdinaryNets() {
    let nets = [0.3, -1.2, 2.0]
    let targets = [0.2, 0.5, 0.3]
    let outputs = nets.map { exp($0) / nets.map { exp($0) }.reduce(0, +) }
    let direct = -zip(targets, outputs).map { $0 * log($1) }.reduce(0, +)
    let e = Loss.crossEntropy.sampleError(
      targets: targets, outputs: outputs, nets: nets, count: 3, softmaxOutputs: true)
    #expect(abs(e - direct) <= 1e-12 * direct)
  }

  /// A divergence before anything has been updated is worded by its cause, not as an overshoot.
  @Test func divergenceMessagesNameTheirCause() {
    let first = Divergence(quantity: "E", value: .infinity, epoch: 0, sample: 0, phase: .forward)
    #expect(first.description.contains("too large for the activations"))
    #expect(!first.description.contains("smaller η"))
    let later = Divergence(quantity: "w_13", value: .nan, epoch: 3, sample: 0, phase: .update)
    #expect(later.description.contains("a smaller η may help"))
  }
}
