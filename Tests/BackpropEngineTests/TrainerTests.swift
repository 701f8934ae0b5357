import Testing

@testable import BackpropEngine

@Suite struct TrainerTests {
  /// Training by micro-steps and by the fast kernel gives bit-identical weights and losses.
  @Test(arguments: [TrainingMode.online, .batch])
  func kernelAgreesWithMicroSteps(_ mode: TrainingMode) {
    let setups: [Trainer] = [
      Example.mazur.trainer(), Example.xor.trainer(), Example.linear2.trainer(),
      {
        var n = try! Network(
          shape: try! NetworkShape(layerSizes: [3, 5, 3]), activations: [.tanh, .softmax],
          loss: .crossEntropy,
          biasMode: .on)
        n.randomize(seed: 9)
        return Trainer(
          network: n,
          samples: [
            Sample(inputs: [1, 0, 0.5], targets: [1, 0, 0]),
            Sample(inputs: [0, 1, -0.5], targets: [0, 0, 1]),
          ],
          learningRate: 0.3)
      }(),
    ]
    for setup in setups {
      var micro = setup
      micro.setMode(mode)
      var fast = micro
      for _ in 0..<7 {
        repeat { micro.step() } while micro.position != .start
      }
      fast.train(epochs: 7)
      #expect(micro.network == fast.network)
      #expect(micro.lossHistory == fast.lossHistory)
      #expect(micro.epoch == 7 && fast.epoch == 7)
      #expect(micro.trail == fast.trail)
      #expect(micro.trailMarks == fast.trailMarks)
    }
  }

  @Test func valuesAreBlankUntilComputed() {
    var t = Example.mazur.trainer()
    #expect(!t.isComputed(.net(3)))
    t.step()
    #expect(t.isComputed(.net(3)))
    #expect(!t.isComputed(.output(3)))
    t.finishPhase()
    #expect(t.isComputed(.error))
    #expect(!t.isComputed(.delta(5)))
    t.finishPhase()
    t.finishPhase()
    // A new pass: nothing of it computed, the old values are not shown as current.
    #expect(t.position == .start)
    #expect(!t.isComputed(.net(3)) && !t.isComputed(.delta(5)))
  }

  @Test func microStepOrderFollowsTheArticle() {
    let t = Example.mazur.trainer()
    #expect(
      t.steps(of: .forward).map(\.symbol) == [
        "net_3", "o_3", "net_4", "o_4", "net_5", "o_5", "net_6", "o_6", "E",
      ])
    #expect(
      Array(t.steps(of: .backward).map(\.symbol).prefix(6)) == [
        "δ_5", "δ_6", "∂E/∂w_35", "∂E/∂w_45", "∂E/∂w_36", "∂E/∂w_46",
      ])
    // Frozen biases are not updated.
    #expect(t.steps(of: .update).count == 8)
  }

  @Test func divergenceIsReportedNotCrashed() {
    var t = Example.linear.trainer()
    t.learningRate = 50
    t.train(epochs: 10_000)
    let d = try! #require(t.divergence)
    #expect(!d.value.isFinite)
    #expect(d.description.contains("diverged"))
    #expect(t.step() == nil)
    // Micro-stepping into a NaN stops at that quantity.
    var m = Example.linear.trainer()
    m.setParameter(.weight(from: 1, to: 3), to: .nan)
    m.step()
    #expect(m.divergence?.quantity == "net_3")
  }

  @Test func seededWeightsAreTheSameEverywhere() {
    // SplitMix64's published test vector for seed 1234567.
    var rng = SplitMix64(seed: 1_234_567)
    #expect(rng.next() == 6_457_827_717_110_365_317)
    #expect(rng.next() == 3_203_168_211_198_807_973)
    #expect(rng.next() == 9_817_491_932_198_370_423)
    var a = Example.xor.trainer().network
    let b = a
    a.randomize(seed: 1)
    #expect(a == b)
  }

  @Test func shapeLimits() throws {
    let big = try NetworkShape(layerSizes: Array(repeating: 64, count: 8))
    #expect(big.weightCount == 7 * 64 * 64)
    #expect(throws: ShapeError.self) { try NetworkShape(layerSizes: [2]) }
    #expect(throws: ShapeError.self) { try NetworkShape(layerSizes: [2, 0, 1]) }
    #expect(throws: ShapeError.self) { try NetworkShape(layerSizes: [2, 1025, 1]) }
    #expect(throws: ShapeError.self) {
      try NetworkShape(layerSizes: Array(repeating: 2, count: 40))
    }
    #expect(big.weightIndex(from: 1, to: 65) == 0)
    #expect(big.weightIndex(from: 1, to: 2) == nil)
    let (i, j) = big.weightEndpoints(ofIndex: 64 * 64 + 5)
    #expect(big.weightIndex(from: i, to: j) == 64 * 64 + 5)
  }

  /// An 8×64 network trains without trouble (the size the issue asks to support).
  @Test func largeNetworkTrains() throws {
    var n = try Network(
      shape: try NetworkShape(layerSizes: [2] + Array(repeating: 64, count: 6) + [1]),
      activations: [.tanh], loss: .halfSquaredError, biasMode: .on)
    n.randomize(seed: 3)
    var t = Trainer(network: n, samples: Dataset.xor.samples, learningRate: 0.01)
    t.train(epochs: 3)
    #expect(t.epoch == 3)
    #expect(t.divergence == nil)
    #expect(t.trail.isEmpty)
  }

  @Test func numberFormatting() {
    #expect(NumberFormat.format(0.138498562) == "0.13850")
    #expect(NumberFormat.format(0.01) == "0.01")
    #expect(NumberFormat.format(0.4) == "0.4")
    #expect(NumberFormat.format(1) == "1")
    #expect(NumberFormat.format(-0.0380982366) == "-0.038098")
    #expect(NumberFormat.format(3.51018778e-05) == "3.5102e-05")
    #expect(NumberFormat.format(.nan) == "NaN")
    #expect(NumberFormat.format(-.infinity) == "−∞")
    #expect(NumberFormat.format(0.138498562, digits: 9) == "0.138498562")
  }
}
