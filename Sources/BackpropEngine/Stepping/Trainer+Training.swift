/// Training whole epochs without explanations, on the `Kernel`.
extension Trainer {
  /// Trains until `epochs` more epoch boundaries have been crossed (a partly done epoch is first
  /// finished micro-step by micro-step, which counts as one). Stops early on divergence.
  /// Returns the number of epochs completed.
  @discardableResult
  public mutating func train(epochs: Int) -> Int {
    guard epochs > 0, !samples.isEmpty, divergence == nil else { return 0 }
    let startEpoch = epoch
    if position != .start {
      repeat {
        guard step() != nil else { break }
      } while divergence == nil && position != .start
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

  /// Runs `epochs` whole epochs from the start of an epoch.
  private mutating func runKernel(epochs: Int) {
    let kernel = Kernel(network: network)
    defer { kernel.deallocate() }
    let inputs = samples.flatMap(\.inputs)
    let targets = samples.flatMap(\.targets)
    let inCount = network.shape.inputCount
    let outCount = network.shape.outputCount
    let sampleCount = samples.count
    let eta = learningRate
    let trainBiases = network.biasMode == .on
    let keepTrail = recordsTrail && network.weights.count <= Self.trailWeightLimit
    let batch = mode == .batch

    // Move the parameter arrays out of `self` so they are uniquely referenced while we write them.
    var weights = network.weights
    var biases = network.biases
    network.weights = []
    network.biases = []
    var weightSums = Array(repeating: 0.0, count: weights.count)
    var biasSums = Array(repeating: 0.0, count: biases.count)
    var newLosses: [Double] = []
    newLosses.reserveCapacity(epochs)
    var newTrail: [[Double]] = []
    var diverged: (quantity: String, value: Double, sample: Int)?
    var epochsDone = 0

    weights.withUnsafeMutableBufferPointer { wb in
      biases.withUnsafeMutableBufferPointer { bb in
        weightSums.withUnsafeMutableBufferPointer { gwb in
          biasSums.withUnsafeMutableBufferPointer { gbb in
            inputs.withUnsafeBufferPointer { xb in
              targets.withUnsafeBufferPointer { tb in
                let w = wb.baseAddress!
                let b = bb.baseAddress ?? UnsafeMutablePointer(mutating: [0.0])
                let x = xb.baseAddress!
                let t = tb.baseAddress!
                epochs: for _ in 0..<epochs {
                  var errorSum = 0.0
                  for s in 0..<sampleCount {
                    let xs = x + s * inCount
                    let ts = t + s * outCount
                    let e = kernel.forward(weights: w, biases: b, inputs: xs, targets: ts)
                    errorSum += e
                    if !e.isFinite {
                      diverged = ("E", e, s)
                      break epochs
                    }
                    kernel.backward(weights: w, targets: ts)
                    if batch {
                      kernel.accumulate(weightSums: gwb.baseAddress!, biasSums: gbb.baseAddress!)
                    } else {
                      let check = kernel.updateOnline(
                        weights: w, biases: b, inputs: xs, eta: eta, trainBiases: trainBiases)
                      if keepTrail { newTrail.append(Array(wb)) }
                      if !check.isFinite,
                        let bad = Self.firstNonFinite(wb, bb, shape: network.shape)
                      {
                        diverged = (bad.0, bad.1, s)
                        break epochs
                      }
                    }
                  }
                  if batch {
                    let n = Double(sampleCount)
                    var check = 0.0
                    for k in 0..<wb.count {
                      wb[k] = wb[k] - eta * (gwb[k] / n)
                      check += wb[k]
                      gwb[k] = 0
                    }
                    for k in 0..<bb.count {
                      if trainBiases && k >= inCount { bb[k] = bb[k] - eta * (gbb[k] / n) }
                      gbb[k] = 0
                    }
                    if keepTrail { newTrail.append(Array(wb)) }
                    if !check.isFinite, let bad = Self.firstNonFinite(wb, bb, shape: network.shape)
                    {
                      diverged = (bad.0, bad.1, sampleCount - 1)
                      break epochs
                    }
                  }
                  newLosses.append(errorSum / Double(sampleCount))
                  epochsDone += 1
                }
              }
            }
          }
        }
      }
    }
    network.weights = weights
    network.biases = biases
    lossHistory += newLosses
    epoch += epochsDone
    for point in newTrail { appendTrailPoint(point) }
    if let d = diverged {
      position = Position(sample: d.sample, phase: d.quantity == "E" ? .forward : .update, index: 0)
      divergence = Divergence(
        quantity: d.quantity, value: d.value, epoch: epoch, sample: d.sample,
        phase: d.quantity == "E" ? .forward : .update)
    } else {
      position = .start
    }
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

  mutating func appendTrailPoint(_ point: [Double]) {
    trail.append(point)
    if trail.count > Self.trailPointLimit {
      let last = trail[trail.count - 1]
      trail = stride(from: 0, to: trail.count - 1, by: 2).map { trail[$0] } + [last]
    }
  }
}

extension Network {
  /// E of this network on one sample (a forward pass on the `Kernel`).
  public func error(on sample: Sample) -> Double {
    var copy = self
    let kernel = Kernel(network: copy)
    defer { kernel.deallocate() }
    return copy.weights.withUnsafeMutableBufferPointer { w in
      copy.biases.withUnsafeMutableBufferPointer { b in
        kernel.forward(
          weights: w.baseAddress!, biases: b.baseAddress!, inputs: sample.inputs,
          targets: sample.targets)
      }
    }
  }

  /// The mean of E over the samples: E = 1/n Σ_x E_x.
  public func meanError(on samples: [Sample]) -> Double {
    guard !samples.isEmpty else { return 0 }
    return samples.reduce(0) { $0 + error(on: $1) } / Double(samples.count)
  }

  /// ∂E/∂w for every weight and ∂E/∂b_j for every neuron, by backpropagation on one sample.
  public func gradient(on sample: Sample) -> (weights: [Double], biases: [Double]) {
    var copy = self
    let kernel = Kernel(network: copy)
    defer { kernel.deallocate() }
    var gw = Array(repeating: 0.0, count: weights.count)
    var gb = Array(repeating: 0.0, count: biases.count)
    copy.weights.withUnsafeMutableBufferPointer { w in
      copy.biases.withUnsafeMutableBufferPointer { b in
        _ = kernel.forward(
          weights: w.baseAddress!, biases: b.baseAddress!, inputs: sample.inputs,
          targets: sample.targets)
        kernel.backward(weights: w.baseAddress!, targets: sample.targets)
        gw.withUnsafeMutableBufferPointer { g in
          gb.withUnsafeMutableBufferPointer { h in
            kernel.accumulate(weightSums: g.baseAddress!, biasSums: h.baseAddress!)
          }
        }
      }
    }
    for k in 0..<shape.inputCount { gb[k] = 0 }
    return (gw, gb)
  }
}
