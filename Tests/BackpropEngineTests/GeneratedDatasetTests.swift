import Foundation
import Testing

@testable import BackpropEngine

/// The generated 2-D sets: same seed, same samples; each set has the shape its documentation
/// promises; and the test E recorded per epoch is the test set's mean E after that epoch.
@Suite struct GeneratedDatasetTests {
  @Test(arguments: GeneratedDataset.allCases)
  func sameSeedGivesTheSameSamplesBitForBit(_ set: GeneratedDataset) {
    let a = set.samples(count: 101, noise: 0.1, seed: 42)
    let b = set.samples(count: 101, noise: 0.1, seed: 42)
    #expect(a.flatMap(\.inputs).map(\.bitPattern) == b.flatMap(\.inputs).map(\.bitPattern))
    #expect(a == b)
    #expect(a.count == 101)
    if set != .xorNoise { #expect(a.filter { $0.targets == [1] }.count == 51) }
    #expect(set.samples(count: 101, noise: 0.1, seed: 43) != a)
  }

  /// Circle with n = 2 and no noise, redone from the documented recipe with the raw generator.
  @Test func circleFollowsTheDocumentedRecipe() {
    var g = SplitMix64(seed: 9)
    let r1 = 0.5 * g.nextUnit()
    let a1 = 2 * Double.pi * g.nextUnit()
    let r0 = 0.7 + 0.3 * g.nextUnit()
    let a0 = 2 * Double.pi * g.nextUnit()
    var expected = [
      Sample(inputs: [r1 * cos(a1), r1 * sin(a1)], targets: [1]),
      Sample(inputs: [r0 * cos(a0), r0 * sin(a0)], targets: [0]),
    ]
    expected.swapAt(1, Int(g.next() % 2))
    #expect(GeneratedDataset.circle.samples(count: 2, noise: 0, seed: 9) == expected)
  }

  @Test func setsHaveTheirDocumentedShape() {
    for s in GeneratedDataset.circle.samples(count: 400, noise: 0, seed: 1) {
      let r = (s.inputs[0] * s.inputs[0] + s.inputs[1] * s.inputs[1]).squareRoot()
      #expect(s.targets == [1] ? r <= 0.5 + 1e-12 : (r >= 0.7 - 1e-12 && r <= 1 + 1e-12))
    }
    for s in GeneratedDataset.xorNoise.samples(count: 400, noise: 0, seed: 1) {
      #expect(abs(s.inputs[0]) >= 0.05 && abs(s.inputs[1]) >= 0.05)
      #expect(s.targets == [(s.inputs[0] < 0) != (s.inputs[1] < 0) ? 1 : 0])
    }
    // Spiral radii are k/m for k = 0…m−1, in each class.
    let spiral = GeneratedDataset.spiral.samples(count: 20, noise: 0, seed: 1)
    for c in [0.0, 1.0] {
      let radii = spiral.filter { $0.targets == [c] }
        .map { ($0.inputs[0] * $0.inputs[0] + $0.inputs[1] * $0.inputs[1]).squareRoot() }.sorted()
      for (k, r) in radii.enumerated() { #expect(abs(r - Double(k) / 10) < 1e-12) }
    }
    // Gaussian clouds: the sample mean of many draws is near the centre (σ/√n ≈ 0.0035).
    let clouds = GeneratedDataset.gaussian.samples(count: 10_000, noise: 0, seed: 3, outputs: 2)
    let ones = clouds.filter { $0.targets == [0, 1] }
    let mean = ones.reduce(0) { $0 + $1.inputs[0] } / Double(ones.count)
    #expect(abs(mean - 0.5) < 0.02)
  }

  /// testLosses.means[k] is the test set's mean E after epoch k, on the fast path and step by step.
  @Test func testLossIsTheTestMeanErrorAfterEachEpoch() throws {
    var net = try Network(
      shape: NetworkShape(layerSizes: [2, 3, 1]), activations: [.tanh, .logistic],
      loss: .halfSquaredError, biasMode: .on)
    net.randomize(seed: 4)
    let data = GeneratedDataset.gaussian.samples(count: 30, noise: 0, seed: 5)
    var fast = Trainer(network: net)
    fast.replaceSamples(Array(data[10...]), test: Array(data[..<10]))
    var slow = fast
    fast.train(epochs: 3)
    var expected: [Double] = []
    for _ in 0..<3 {
      while slow.step() != nil, slow.position != Position.start {}
      expected.append(slow.network.meanError(on: slow.testSamples))
    }
    #expect(slow.epoch == 3)
    #expect(fast.testLosses.means == expected)
    #expect(slow.testLosses.means == expected)
  }
}
