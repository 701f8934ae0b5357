/// Training whole epochs without explanations, on the `Kernel`.
extension Trainer {
  /// Trains until `epochs` more epoch boundaries have been crossed (a partly done epoch is
  /// finished first and counts as one). Stops early on divergence. Returns the number of epochs
  /// completed.
  ///
  /// A partly done epoch is finished in two parts: the current sample's pass by micro-steps, then
  /// the epoch's remaining samples on the kernel, from that sample on. Micro-stepping all of it
  /// took seconds on a large data set (thousands of samples, each hundreds of micro-steps).
  @discardableResult
  public mutating func train(epochs: Int) -> Int {
    guard epochs > 0, !samples.isEmpty, divergence == nil else { return 0 }
    let startEpoch = epoch
    if position != .start {
      // The early mode's mistake is for showing, not for speed: it is stepped throughout. A
      // sample under way is finished by micro-steps; at the start of a sample (mid-epoch, as a
      // slice of the interface's job leaves it) the kernel takes over at once.
      while divergence == nil && position != .start
        && (mode == .early || !position.isAtSampleStart)
      {
        guard step() != nil else { break }
      }
      if divergence == nil && position != .start {
        runKernel(epochs: 1, from: position.sample)
        if divergence == nil && !testSamples.isEmpty { recordTestLoss() }
      }
    }
    let remaining = startEpoch + epochs - epoch
    if remaining > 0, divergence == nil {
      if mode == .early {
        // The mistake is for showing, not for speed: run it step by step.
        let target = epoch + remaining
        while epoch < target, divergence == nil, step() != nil {}
      } else if testSamples.isEmpty {
        runKernel(epochs: remaining)
      } else {
        // The test E is measured after every epoch, so the kernel runs one epoch at a time.
        for _ in 0..<remaining where divergence == nil {
          runKernel(epochs: 1)
          if divergence == nil { recordTestLoss() }
        }
      }
    }
    return epoch - startEpoch
  }

  /// Trains `count` more sample-steps (one sample's forward pass, backward pass and update
  /// each), crossing epoch boundaries as `train(epochs:)` does: a sample under way is finished
  /// first and counts as one. Stops early on divergence. Returns the number of epochs completed.
  ///
  /// For the interface's `train` job, whose slices must stay short when one epoch is long (a
  /// large network on thousands of samples): the result is bit for bit that of the same samples
  /// trained by `train(epochs:)` or by micro-steps.
  @discardableResult
  public mutating func train(sampleSteps count: Int) -> Int {
    guard count > 0, !samples.isEmpty, divergence == nil else { return 0 }
    let startEpoch = epoch
    var left = count
    if mode == .early {
      // The mistake is for showing, not for speed: it is stepped throughout.
      while left > 0, divergence == nil, finishSample() > 0 { left -= 1 }
      return epoch - startEpoch
    }
    if !position.isAtSampleStart {
      finishSample()
      left -= 1
    }
    while left > 0 && divergence == nil {
      let next = position.sample
      let rest = samples.count - next
      if left < rest {
        runKernel(epochs: 1, from: next, to: next + left)
        left = 0
      } else if next > 0 {
        runKernel(epochs: 1, from: next)
        if divergence == nil && !testSamples.isEmpty { recordTestLoss() }
        left -= rest
      } else {
        let epochs = left / samples.count
        train(epochs: epochs)
        left -= epochs * samples.count
      }
    }
    return epoch - startEpoch
  }

  /// Epochs are run in blocks of about this many sample-steps: a block is checked for
  /// divergence once at its end, and replayed with per-sample checks only if it diverged.
  static let blockSampleSteps = 1 << 16

  /// Runs `epochs` whole epochs from the start of an epoch, on the kernel; or, with `start`
  /// above 0, the rest of the current epoch from the start of sample `start` (`epochs` is then
  /// 1), carrying on the epoch's error sum and, in batch mode, its gradient sums from `values`
  /// exactly as the micro-steps would; or, with `end` below the number of samples, only the
  /// samples `start ..< end` of the current epoch, leaving the trainer at the start of sample
  /// `end` with the sums carried in `values`, as the micro-steps leave it there.
  ///
  /// A block of epochs runs with no check in the loop; at its end, if the loss or any weight is
  /// no longer finite, the block starts over from the parameters saved at its start, this time
  /// checking every sample, and stops where micro-stepping would have stopped. (A non-finite
  /// weight stays non-finite, and so does a sum with a non-finite term, so one look per block
  /// misses nothing.)
  private mutating func runKernel(epochs: Int, from start: Int = 0, to end: Int? = nil) {
    let stop = end ?? samples.count
    let partial = stop < samples.count
    precondition((start == 0 && !partial) || epochs == 1, "a partial epoch is run alone")
    precondition(start < stop && stop <= samples.count, "no samples to run")
    let kernel = kernelCache.kernel(for: network)
    let inputs = samples.flatMap(\.inputs)
    let targets = samples.flatMap(\.targets)
    let inCount = network.shape.inputCount
    let outCount = network.shape.outputCount
    let sampleCount = samples.count
    let eta = learningRate
    let trainBiases = network.biasMode == .on
    let keepTrail = keepsTrail
    let batch = mode == .batch
    let blockEpochs = max(1, Self.blockSampleSteps / sampleCount)

    // Move the parameter arrays out of `self` so they are uniquely referenced while we write them.
    var weights = network.weights
    var biases = network.biases
    network.weights = []
    network.biases = []
    // A batch run that stops mid-epoch makes no update, so its trail stays as it is.
    let keepsTrailAsItIs = partial && batch
    if trailPending > 0 && !keepsTrailAsItIs {
      trail.removeLast()
      trailMarks.removeLast()
    }
    // The epoch each update belongs to, for the trail's marks (`epoch` names the function below).
    var epochNumber = self.epoch
    // Mid-epoch, the sums so far carry on (they are zero at the start of an epoch).
    let startWeightSums =
      batch && start > 0
      ? values.weightGradientSum : Array(repeating: 0.0, count: batch ? weights.count : 0)
    let startBiasSums =
      batch && start > 0
      ? values.biasGradientSum : Array(repeating: 0.0, count: batch ? biases.count : 0)
    let startErrorSum = start > 0 ? values.epochErrorSum : 0
    var weightSums = startWeightSums
    var biasSums = startBiasSums
    var savedWeights = weights
    var savedBiases = biases
    // The mean E of each epoch of the block, handed to `losses` once the block is known good.
    let blockLosses = UnsafeMutableBufferPointer<Double>.allocate(
      capacity: min(epochs, blockEpochs))
    defer { blockLosses.deallocate() }
    var diverged: (quantity: String, value: Double, sample: Int)?
    var epochsDone = 0
    // A partial epoch's sum of E so far, which `epoch` returns in place of the mean.
    var partialErrorSum = 0.0

    weights.withUnsafeMutableBufferPointer { wb in
      biases.withUnsafeMutableBufferPointer { bb in
        weightSums.withUnsafeMutableBufferPointer { gwb in
          biasSums.withUnsafeMutableBufferPointer { gbb in
            inputs.withUnsafeBufferPointer { xb in
              targets.withUnsafeBufferPointer { tb in
                let w = wb.baseAddress!
                let b = bb.baseAddress!
                // Online training has no sums; the kernel then never reads these.
                let gw = gwb.baseAddress ?? w
                let gb = gbb.baseAddress ?? b
                let x = xb.baseAddress!
                let t = tb.baseAddress!

                /// One epoch with the counts of `layout`; with `careful`, stops at the first
                /// non-finite E or parameter and returns it.
                @inline(__always)
                func epoch<Layout: KernelLayout>(
                  _ layout: Layout, careful: Bool
                ) -> (loss: Double, diverged: (String, Double, Int)?) {
                  epochNumber += 1
                  var errorSum = startErrorSum
                  var xs = x + start * inCount
                  var ts = t + start * outCount
                  for s in start..<stop {
                    let e =
                      Layout.countsAreConstant
                      ? kernel.forward(layout, weights: w, biases: b, inputs: xs, targets: ts)
                      : kernel.forward(weights: w, biases: b, inputs: xs, targets: ts)
                    errorSum += e
                    if careful && !e.isFinite { return (errorSum, ("E", e, s)) }
                    if Layout.countsAreConstant {
                      kernel.backward(layout, weights: w, targets: ts)
                    } else {
                      kernel.backward(weights: w, targets: ts)
                    }
                    if batch {
                      kernel.accumulate(layout, weightSums: gw, biasSums: gb)
                    } else {
                      kernel.updateOnline(
                        layout, weights: w, biases: b, eta: eta, trainBiases: trainBiases)
                      if keepTrail && countTrailUpdate() {
                        keepTrailPoint(wb, TrailMark(epoch: epochNumber, sample: s + 1))
                      }
                      if careful, let bad = Self.firstNonFinite(wb, bb, shape: network.shape) {
                        return (errorSum, (bad.0, bad.1, s))
                      }
                    }
                    xs += inCount
                    ts += outCount
                  }
                  if partial { return (errorSum, nil) }
                  if batch {
                    kernel.updateBatch(
                      weights: w, biases: b, weightSums: gw, biasSums: gb,
                      sampleCount: sampleCount, eta: eta, trainBiases: trainBiases)
                    if keepTrail && countTrailUpdate() {
                      keepTrailPoint(wb, TrailMark(epoch: epochNumber, sample: 0))
                    }
                    if careful, let bad = Self.firstNonFinite(wb, bb, shape: network.shape) {
                      return (errorSum, (bad.0, bad.1, sampleCount - 1))
                    }
                  }
                  return (errorSum / Double(sampleCount), nil)
                }

                /// Every block of epochs, with the counts of `layout`.
                func runBlocks<Layout: KernelLayout>(_ layout: Layout) {
                  var left = epochs
                  while left > 0 && diverged == nil {
                    let count = min(left, blockEpochs)
                    let savedTrail = (trail, trailMarks, trailStride, trailPending, epochNumber)
                    _ = savedWeights.withUnsafeMutableBufferPointer {
                      $0.update(fromContentsOf: wb)
                    }
                    _ = savedBiases.withUnsafeMutableBufferPointer { $0.update(fromContentsOf: bb) }
                    // A NaN or ±∞ anywhere makes the sum of the block's losses non-finite.
                    var lossSum = 0.0
                    for k in 0..<count {
                      let loss = epoch(layout, careful: false).loss
                      lossSum += loss
                      blockLosses[k] = loss
                    }
                    var kept = count
                    if !lossSum.isFinite || Self.firstNonFinite(wb, bb, shape: network.shape) != nil
                    {
                      // Replay the block from its start, checking every sample.
                      _ = wb.update(fromContentsOf: savedWeights)
                      _ = bb.update(fromContentsOf: savedBiases)
                      (trail, trailMarks, trailStride, trailPending, epochNumber) = savedTrail
                      for k in 0..<gwb.count { gwb[k] = startWeightSums[k] }
                      for k in 0..<gbb.count { gbb[k] = startBiasSums[k] }
                      kept = 0
                      for _ in 0..<count {
                        let result = epoch(layout, careful: true)
                        if let d = result.diverged {
                          diverged = d
                          break
                        }
                        blockLosses[kept] = result.loss
                        kept += 1
                      }
                    }
                    if partial {
                      // Not an epoch: no loss, no epoch counted; its sum carries on.
                      if kept == 1 { partialErrorSum = blockLosses[0] }
                      kept = 0
                    }
                    losses.append(contentsOf: UnsafeBufferPointer(rebasing: blockLosses[..<kept]))
                    epochsDone += kept
                    left -= count
                  }
                }

                switch kernel.fixedShape {
                case .xor?: runBlocks(kernel.fixedLayout(XORSizes.self))
                case .mazur?: runBlocks(kernel.fixedLayout(MazurSizes.self))
                case nil: runBlocks(kernel.recordedLayout)
                }
              }
            }
          }
        }
      }
    }
    network.weights = weights
    network.biases = biases
    if partial && diverged == nil {
      values.epochErrorSum = partialErrorSum
      if batch {
        values.weightGradientSum = weightSums
        values.biasGradientSum = biasSums
      }
    } else if start > 0 && diverged == nil {
      // The epoch is complete: its sums start again from zero, as `completeEpoch` leaves them.
      values.epochErrorSum = 0
      for k in values.weightGradientSum.indices { values.weightGradientSum[k] = 0 }
      for k in values.biasGradientSum.indices { values.biasGradientSum[k] = 0 }
    }
    if keepTrail && trailPending > 0 && !keepsTrailAsItIs {
      trail.append(weights)
      trailMarks.append(TrailMark(epoch: epochNumber, sample: batch ? 0 : stop))
    }
    epoch += epochsDone
    if let d = diverged {
      position = Position(sample: d.sample, phase: d.quantity == "E" ? .forward : .update, index: 0)
      divergence = Divergence(
        quantity: d.quantity, value: d.value, epoch: epoch, sample: d.sample,
        phase: d.quantity == "E" ? .forward : .update)
    } else if partial {
      position = Position(sample: stop, phase: .forward, index: 0)
    } else {
      position = .start
    }
  }

  private mutating func keepTrailPoint(
    _ weights: UnsafeMutableBufferPointer<Double>, _ mark: TrailMark
  ) {
    trail.append(Array(weights))
    trailMarks.append(mark)
    thinTrailIfFull()
  }

  /// The first weight or bias that is NaN or ±∞, with its name.
  private static func firstNonFinite(
    _ w: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>,
    shape: NetworkShape
  ) -> (String, Double)? {
    for k in 0..<w.count where !w[k].isFinite {
      let (i, j) = shape.weightEndpoints(ofIndex: k)
      return (Parameter.weight(from: i, to: j).name, w[k])
    }
    for k in 0..<b.count where !b[k].isFinite { return ("b_\(k + 1)", b[k]) }
    return nil
  }
}
