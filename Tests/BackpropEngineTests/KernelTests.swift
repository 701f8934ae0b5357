import Foundation
import Testing

@testable import BackpropEngine

/// The kernel against the readable micro-step path (bit for bit), the bounded loss curve and
/// trail, and networks of MNIST's size.
@Suite struct KernelTests {
  /// Every hidden activation with every (output, loss) pair, online and batch: the kernel and the
  /// micro-steps end with the same weights, losses and trail, bit for bit.
  @Test(arguments: GradientTests.hiddenActivations)
  func kernelAgreesWithMicroStepsForEveryActivationAndLoss(_ hidden: Activation) {
    for (k, (output, loss)) in GradientTests.outputs.enumerated() {
      let (net, sample) = GradientTests.makeNetwork(
        hidden: hidden, output: output, loss: loss, seed: UInt64(k + 21))
      let second = Sample(inputs: [-0.2, 0.5, 0.3], targets: sample.targets.reversed())
      for mode in [TrainingMode.online, .batch] {
        var micro = Trainer(network: net, samples: [sample, second], learningRate: 0.1, mode: mode)
        var fast = micro
        for _ in 0..<4 {
          repeat { micro.step() } while micro.position != .start && micro.divergence == nil
        }
        fast.train(epochs: 4)
        let what = "\(hidden) hidden, \(output)/\(loss), \(mode)"
        #expect(micro.network == fast.network, "\(what)")
        #expect(micro.losses == fast.losses, "\(what)")
        #expect(micro.divergence == fast.divergence, "\(what)")
      }
    }
  }

  /// The logistic 2-2-1 and 2-2-2 networks train on a `FixedLayout` (the kernel compiled with
  /// constant sizes): with every loss and bias mode, online and batch, from the start and from
  /// mid-epoch, they end bit for bit where the micro-steps end, as the recorded layout does.
  @Test(arguments: [[2, 2, 1], [2, 2, 2]])
  func fixedLayoutsAgreeWithMicroSteps(_ sizes: [Int]) throws {
    let samples = [
      Sample(inputs: [0, 1], targets: Array([0.9, 0.2].prefix(sizes[2]))),
      Sample(inputs: [1, 0.5], targets: Array([0.1, 0.7].prefix(sizes[2]))),
      Sample(inputs: [-0.3, 0.8], targets: Array([0.6, 0.4].prefix(sizes[2]))),
    ]
    for loss in Loss.allCases {
      for bias in BiasMode.allCases {
        var net = try Network(
          shape: NetworkShape(layerSizes: sizes), activations: [.logistic, .logistic],
          loss: loss, biasMode: bias)
        net.randomize(seed: 5)
        let kernel = Kernel(network: net)
        #expect(kernel.fixedShape == (sizes[2] == 1 ? .xor : .mazur))
        kernel.deallocate()
        for mode in [TrainingMode.online, .batch] {
          let start = Trainer(network: net, samples: samples, learningRate: 0.7, mode: mode)
          for offset in [0, 5] {
            var micro = start
            for _ in 0..<offset { micro.step() }
            var fast = micro
            for _ in 0..<3 {
              repeat { micro.step() } while micro.position != .start && micro.divergence == nil
            }
            fast.train(epochs: 3)
            let what = "\(sizes) \(loss) \(bias) \(mode) after \(offset) micro-steps"
            #expect(
              micro.network.weights.map(\.bitPattern) == fast.network.weights.map(\.bitPattern),
              "\(what)")
            #expect(
              micro.network.biases.map(\.bitPattern) == fast.network.biases.map(\.bitPattern),
              "\(what)")
            #expect(micro.losses == fast.losses, "\(what)")
            #expect(micro.trail == fast.trail, "\(what)")
          }
        }
      }
    }
  }

  /// A fixed layout diverges where the micro-steps diverge: with binary cross-entropy and a huge
  /// η an output saturates to exactly 0 or 1 and E becomes +∞; the block is replayed sample by
  /// sample and stops at the same quantity, epoch and sample, with the same weights. (The
  /// position differs by design: the kernel keeps no pass values, so it stops before the
  /// sample's forward pass, where the micro-steps stop after it.)
  @Test(arguments: [TrainingMode.online, .batch])
  func fixedLayoutDivergesWhereMicroStepsDiverge(_ mode: TrainingMode) throws {
    var net = try Network(
      shape: NetworkShape(layerSizes: [2, 2, 1]), activations: [.logistic, .logistic],
      loss: .binaryCrossEntropy, biasMode: .on)
    net.randomize(seed: 2)
    let samples = [
      Sample(inputs: [0, 0], targets: [0]), Sample(inputs: [0, 1], targets: [1]),
      Sample(inputs: [1, 0], targets: [1]), Sample(inputs: [1, 1], targets: [0]),
    ]
    var micro = Trainer(network: net, samples: samples, learningRate: 1e6, mode: mode)
    var fast = micro
    for _ in 0..<50 where micro.divergence == nil {
      repeat { micro.step() } while micro.position != .start && micro.divergence == nil
    }
    fast.train(epochs: 50)
    let divergence = try #require(micro.divergence)
    #expect(fast.divergence == divergence, "\(mode)")
    #expect(fast.position.sample == micro.position.sample, "\(mode)")
    #expect(fast.epoch == micro.epoch, "\(mode)")
    #expect(micro.losses == fast.losses, "\(mode)")
    #expect(
      micro.network.weights.map(\.bitPattern) == fast.network.weights.map(\.bitPattern), "\(mode)")
  }

  /// Only logistic networks of those sizes have a fixed layout; any other activation, or any
  /// other size, trains on the recorded one.
  @Test func otherNetworksUseTheRecordedLayout() throws {
    for (sizes, hidden) in [
      ([2, 2, 1], Activation.tanh), ([2, 3, 1], .logistic), ([2, 2, 2, 1], .logistic),
    ] {
      let net = try Network(
        shape: NetworkShape(layerSizes: sizes),
        activations: Array(repeating: hidden, count: sizes.count - 2) + [.logistic],
        loss: .halfSquaredError, biasMode: .on)
      let kernel = Kernel(network: net)
      #expect(kernel.fixedShape == nil, "\(sizes) \(hidden)")
      kernel.deallocate()
    }
  }

  /// Rows of `Kernel.longRow` weights or more are summed four neurons at a time; a layer of 7
  /// (one block of four, then three one by one) still ends bit for bit where micro-steps end.
  @Test(arguments: [Activation.logistic, .tanh])
  func longRowsAgreeWithMicroSteps(_ hidden: Activation) throws {
    let inputs = Kernel.longRow + 3
    var net = try Network(
      shape: NetworkShape(layerSizes: [inputs, 7, 2]), activations: [hidden, .logistic],
      loss: .halfSquaredError, biasMode: .on)
    net.randomize(seed: 9)
    var rng = SplitMix64(seed: 4)
    let samples = (0..<2).map { k in
      Sample(
        inputs: (0..<inputs).map { _ in rng.nextDouble(in: 0...1) },
        targets: k == 0 ? [1, 0] : [0, 1])
    }
    for mode in [TrainingMode.online, .batch] {
      var micro = Trainer(network: net, samples: samples, learningRate: 0.3, mode: mode)
      var fast = micro
      repeat { micro.step() } while micro.position != .start
      fast.train(epochs: 1)
      #expect(
        micro.network.weights.map(\.bitPattern) == fast.network.weights.map(\.bitPattern),
        "\(hidden) \(mode)")
      #expect(micro.losses == fast.losses, "\(hidden) \(mode)")
    }
  }

  /// Layers wide enough for the kernel's wide paths: rows of four weights or more (updated a
  /// layer at a time) and δ summed over eight receivers (four a pass, then two, then one). With
  /// every bias mode, online and batch, the kernel ends bit for bit where micro-steps end.
  @Test(arguments: BiasMode.allCases)
  func wideLayersAgreeWithMicroSteps(_ bias: BiasMode) throws {
    var net = try Network(
      shape: NetworkShape(layerSizes: [5, 6, 8, 3]), activations: [.tanh, .logistic, .logistic],
      loss: .halfSquaredError, biasMode: bias)
    net.randomize(seed: 13)
    var rng = SplitMix64(seed: 8)
    let samples = (0..<3).map { k in
      Sample(
        inputs: (0..<5).map { _ in rng.nextDouble(in: -1...1) },
        targets: (0..<3).map { $0 == k ? 0.9 : 0.1 })
    }
    for mode in [TrainingMode.online, .batch] {
      var micro = Trainer(network: net, samples: samples, learningRate: 0.4, mode: mode)
      var fast = micro
      for _ in 0..<3 {
        repeat { micro.step() } while micro.position != .start
      }
      fast.train(epochs: 3)
      #expect(
        micro.network.weights.map(\.bitPattern) == fast.network.weights.map(\.bitPattern),
        "\(bias) \(mode)")
      #expect(
        micro.network.biases.map(\.bitPattern) == fast.network.biases.map(\.bitPattern),
        "\(bias) \(mode)")
      #expect(micro.losses == fast.losses, "\(bias) \(mode)")
    }
  }

  /// `train` started mid-pass and mid-epoch (finishing the sample by micro-steps, the rest of the
  /// epoch on the kernel from the next sample) ends bit for bit where pure micro-steps end:
  /// weights, biases, losses, trail, epoch, position and the epoch's sums, online and batch,
  /// from every micro-step of the first two epochs.
  @Test(arguments: [TrainingMode.online, .batch])
  func trainFromMidEpochAgreesWithMicroSteps(_ mode: TrainingMode) {
    let (net, sample) = GradientTests.makeNetwork(
      hidden: .tanh, output: .logistic, loss: .halfSquaredError, seed: 77)
    let samples = (0..<5).map { k in
      Sample(
        inputs: sample.inputs.map { $0 + 0.1 * Double(k) },
        targets: k % 2 == 0 ? sample.targets : sample.targets.reversed())
    }
    var start = Trainer(network: net, samples: samples, learningRate: 0.3, mode: mode)
    // A test set: its E is measured after every epoch, also after the one finished mid-way.
    start.replaceSamples(samples, test: [samples[1], samples[4]])
    var stepsPerTwoEpochs = 0
    var probe = start
    while probe.epoch < 2 {
      probe.step()
      stepsPerTwoEpochs += 1
    }
    for offset in 1..<stepsPerTwoEpochs {
      var micro = start
      for _ in 0..<offset { micro.step() }
      guard micro.position != .start else { continue }
      var fast = micro
      while micro.position != .start { micro.step() }
      for _ in 0..<2 {
        repeat { micro.step() } while micro.position != .start
      }
      #expect(fast.train(epochs: 3) == 3)
      let what = "\(mode), train 3 after \(offset) micro-steps"
      #expect(
        micro.network.weights.map(\.bitPattern) == fast.network.weights.map(\.bitPattern), "\(what)"
      )
      #expect(
        micro.network.biases.map(\.bitPattern) == fast.network.biases.map(\.bitPattern), "\(what)")
      #expect(micro.losses == fast.losses, "\(what)")
      #expect(micro.testLosses == fast.testLosses && !fast.testLosses.isEmpty, "\(what)")
      #expect(micro.trail == fast.trail, "\(what)")
      #expect(micro.trailMarks == fast.trailMarks, "\(what)")
      #expect(micro.epoch == fast.epoch && micro.position == fast.position, "\(what)")
      #expect(micro.values.epochErrorSum == fast.values.epochErrorSum, "\(what)")
      #expect(micro.values.weightGradientSum == fast.values.weightGradientSum, "\(what)")
      #expect(micro.values.biasGradientSum == fast.values.biasGradientSum, "\(what)")
    }
  }

  /// `train(sampleSteps:)` in chunks of every size from one sample to more than an epoch,
  /// started at an epoch's start and mid-pass, ends bit for bit where micro-steps end after the
  /// same samples: weights, biases, losses, test losses, trail, epoch, position and the epoch's
  /// sums, online and batch.
  @Test(arguments: [TrainingMode.online, .batch])
  func trainBySampleStepsAgreesWithMicroSteps(_ mode: TrainingMode) {
    let (net, sample) = GradientTests.makeNetwork(
      hidden: .tanh, output: .logistic, loss: .halfSquaredError, seed: 31)
    let samples = (0..<5).map { k in
      Sample(
        inputs: sample.inputs.map { $0 - 0.1 * Double(k) },
        targets: k % 2 == 0 ? sample.targets : sample.targets.reversed())
    }
    var start = Trainer(network: net, samples: samples, learningRate: 0.3, mode: mode)
    start.replaceSamples(samples, test: [samples[0], samples[3]])
    let total = 17
    for chunk in [1, 2, 3, 4, 5, 7, 11] {
      for offset in [0, 3] {
        var micro = start
        for _ in 0..<offset { micro.step() }
        var fast = micro
        var done = 0
        var epochs = 0
        while done < total {
          let n = min(chunk, total - done)
          epochs += fast.train(sampleSteps: n)
          done += n
        }
        for _ in 0..<total { micro.finishSample() }
        let what = "\(mode), chunks of \(chunk) after \(offset) micro-steps"
        #expect(epochs == micro.epoch, "\(what)")
        #expect(
          micro.network.weights.map(\.bitPattern) == fast.network.weights.map(\.bitPattern),
          "\(what)")
        #expect(
          micro.network.biases.map(\.bitPattern) == fast.network.biases.map(\.bitPattern),
          "\(what)")
        #expect(micro.losses == fast.losses, "\(what)")
        #expect(micro.testLosses == fast.testLosses, "\(what)")
        #expect(micro.trail == fast.trail, "\(what)")
        #expect(micro.trailMarks == fast.trailMarks, "\(what)")
        #expect(micro.epoch == fast.epoch && micro.position == fast.position, "\(what)")
        #expect(micro.values.epochErrorSum == fast.values.epochErrorSum, "\(what)")
        #expect(micro.values.weightGradientSum == fast.values.weightGradientSum, "\(what)")
        #expect(micro.values.biasGradientSum == fast.values.biasGradientSum, "\(what)")
      }
    }
  }

  /// More updates than the trail keeps points: the kernel and the micro-steps thin it the same
  /// way; it keeps the first point, ends at the weights now, and stays within its limit.
  @Test func trailIsThinnedTheSameWayOnBothPaths() {
    var micro = Example.linear2.trainer()
    var fast = micro
    let epochs = 2_500  // 5,000 updates
    for _ in 0..<epochs {
      repeat { micro.step() } while micro.position != .start
    }
    fast.train(epochs: 1_000)
    fast.train(epochs: epochs - 1_000)
    #expect(micro.trail == fast.trail)
    #expect(micro.trailMarks == fast.trailMarks)
    #expect(micro.trailMarks.count == micro.trail.count)
    // The first point is the start; the others are every second update (two samples an
    // epoch, online, stride 2): each kept point is an epoch's second sample.
    #expect(fast.trailMarks.first == TrailMark(epoch: 0, sample: 0))
    #expect(
      Array(fast.trailMarks.dropFirst().prefix(3))
        == [1, 2, 3].map { TrailMark(epoch: $0, sample: 2) })
    #expect(fast.trailMarks.last == TrailMark(epoch: epochs, sample: 2))
    #expect(micro.trailStride == 2)
    #expect(fast.trail.count <= Trainer.trailPointLimit + 1)
    #expect(fast.trail.first == Example.linear2.trainer().network.weights)
    #expect(fast.trail.last == fast.network.weights)
    #expect(micro.losses == fast.losses)
  }

  /// The outputs a plot asks for (`Network.outputs(for:)`, `outputFunction()`) are the o_j
  /// of the readable forward pass, bit for bit, for every activation and loss.
  @Test(arguments: GradientTests.hiddenActivations)
  func outputsAreTheForwardPassOfMicroSteps(_ hidden: Activation) {
    for (k, (output, loss)) in GradientTests.outputs.enumerated() {
      let (net, sample) = GradientTests.makeNetwork(
        hidden: hidden, output: output, loss: loss, seed: UInt64(k + 40))
      var micro = Trainer(network: net, samples: [sample], learningRate: 0.1)
      while micro.position.phase == .forward { micro.step() }
      let first = net.shape.firstNeuron[net.shape.outputLayer]
      let expected = (first..<(first + net.shape.outputCount)).map { micro.values.output[$0 - 1] }
      #expect(net.outputs(for: sample.inputs).map(\.bitPattern) == expected.map(\.bitPattern))
      let function = net.outputFunction()
      _ = function([9, 9, 9])
      #expect(function(sample.inputs).map(\.bitPattern) == expected.map(\.bitPattern))
    }
  }

  /// Past its bucket limit the loss curve merges buckets pairwise; each keeps the mean, minimum
  /// and maximum of its epochs, compared here with those computed directly.
  @Test func lossHistoryKeepsBoundedBuckets() {
    var history = LossHistory()
    let values = (0..<10_000).map { k in 1 / Double(k + 1) + 0.01 * sin(Double(k)) }
    for v in values { history.append(v) }
    #expect(history.count == 10_000)
    #expect(history.last == values.last)
    #expect(history.epochsPerBucket == 4)
    let means = history.means
    #expect(means.count == 2_500)
    for (b, mean) in means.enumerated() {
      let chunk = values[(4 * b)..<(4 * b + 4)]
      #expect(close(mean, chunk.reduce(0, +) / 4, relative: 1e-12))
      #expect(history.minimums[b] == chunk.min())
      #expect(history.maximums[b] == chunk.max())
    }
  }

  /// While there are fewer epochs than buckets the curve is the exact per-epoch losses.
  @Test func shortLossHistoryIsExact() {
    var history = LossHistory()
    for v in [0.5, 0.25, 0.125] { history.append(v) }
    #expect(history.means == [0.5, 0.25, 0.125])
    #expect(history.epochsPerBucket == 1)
  }

  /// Nielsen's MNIST layout trains, and backpropagation agrees with central differences on a
  /// few weights in each layer and a bias.
  @Test func mnistSizedNetworkTrainsAndItsGradientsCheck() throws {
    var net = try Network(
      shape: try NetworkShape(layerSizes: [784, 30, 10]), activations: [.logistic],
      loss: .halfSquaredError, biasMode: .on)
    net.randomize(seed: 5)
    var rng = SplitMix64(seed: 11)
    let samples = (0..<8).map { k in
      Sample(
        inputs: (0..<784).map { _ in rng.nextDouble(in: 0...1) },
        targets: (0..<10).map { $0 == k ? 1 : 0 })
    }
    let g = net.gradient(on: samples[0])
    let shape = net.shape
    let checked: [Parameter] = [
      .weight(from: 1, to: 785), .weight(from: 400, to: 800), .weight(from: 784, to: 814),
      .weight(from: 785, to: 815), .weight(from: 800, to: 820), .weight(from: 814, to: 824),
      .bias(790), .bias(820),
    ]
    for p in checked {
      let analytic: Double
      switch p {
      case .weight(let i, let j): analytic = g.weights[shape.weightIndex(from: i, to: j)!]
      case .bias(let j): analytic = g.biases[j - 1]
      }
      let numeric = GradientTests.numeric(net, p, samples[0])
      #expect(
        close(analytic, numeric, relative: 1e-6, absolute: 1e-10),
        "∂E/∂\(p.name): backprop \(analytic), numeric \(numeric)")
    }
    var trainer = Trainer(network: net, samples: samples, learningRate: 0.5)
    let before = net.meanError(on: samples)
    trainer.train(epochs: 5)
    #expect(trainer.epoch == 5)
    #expect(trainer.divergence == nil)
    #expect(trainer.network.meanError(on: samples) < before)
  }
}
