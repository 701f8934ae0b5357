/// Running micro-steps one at a time: each computes one formula of `Trainer+Backpropagation.swift`
/// and stores it; this file holds the bookkeeping around the formulas (storing, batch sums,
/// divergence, crossing phase, sample and epoch boundaries).
///
/// `Kernel` performs the same arithmetic in the same order without the bookkeeping; `KernelTests`
/// checks the two agree bit for bit.
extension Trainer {
  /// Runs the next micro-step and returns it; nil when there are no samples or training diverged.
  @discardableResult
  public mutating func step() -> MicroStep? {
    guard divergence == nil, let step = nextStep else { return nil }
    execute(step)
    advance()
    return step
  }

  /// Runs the next micro-step and explains it before moving past it, while every value it used
  /// (including those a phase boundary resets, such as batch sums) is still in place.
  public mutating func stepExplained(digits: Int) -> (MicroStep, Explanation)? {
    guard divergence == nil, let step = nextStep else { return nil }
    execute(step)
    position.index += 1
    let explanation = explain(step, digits: digits)
    position.index -= 1
    advance()
    return (step, explanation)
  }

  /// Runs micro-steps until the current phase of the current sample is complete. Returns how
  /// many ran.
  @discardableResult
  public mutating func finishPhase() -> Int {
    var count = 0
    repeat {
      guard step() != nil else { break }
      count += 1
    } while divergence == nil && position.index > 0
    return count
  }

  /// Runs micro-steps up to the start of the next sample's forward pass (or the next epoch).
  @discardableResult
  public mutating func finishSample() -> Int {
    var count = 0
    repeat {
      guard step() != nil else { break }
      count += 1
    } while divergence == nil && !position.isAtSampleStart
    return count
  }

  /// Runs one micro-step: its formula (`Trainer+Backpropagation.swift`), then the bookkeeping
  /// the formulas leave out: storing the value, the batch sums, the parameters as they were
  /// before an update (for explanations and the early mode), and the divergence check.
  private mutating func execute(_ step: MicroStep) {
    if position.index == 0
      && (position.phase == .update || (mode == .early && position.phase == .backward))
    {
      values.weightsBeforeUpdate = network.weights
      values.biasesBeforeUpdate = network.biases
    }
    switch step {
    case .net(let j):
      let net = netFormula(j)
      values.net[j - 1] = net
      check(net, "net_\(j)")

    case .output(let j):
      let o = outputFormula(j)
      values.output[j - 1] = o
      values.derivative[j - 1] = slopeFormula(j)
      check(o, "o_\(j)")

    case .error:
      let e = errorFormula()
      values.error = e
      values.epochErrorSum += e
      check(e, "E")

    case .delta(let j):
      let d = deltaFormula(j)
      values.delta[j - 1] = d
      check(d, "δ_\(j)")

    case .gradient(let p):
      let g = gradientFormula(p)
      switch p {
      case .weight(let i, let j):
        let k = network.shape.weightIndex(from: i, to: j)!
        values.weightGradient[k] = g
        if mode == .batch { values.weightGradientSum[k] += g }
        check(g, "∂E/∂w_" + Parameter.indexPair(i, j))
      case .bias(let j):
        values.biasGradient[j - 1] = g
        if mode == .batch { values.biasGradientSum[j - 1] += g }
      }

    case .update(let p):
      let value = updateFormula(p)
      network[p] = value
      check(value, p.name)
    }
  }

  private mutating func check(_ value: Double, _ quantity: @autoclosure () -> String) {
    if !value.isFinite {
      divergence = Divergence(
        quantity: quantity(), value: value, epoch: epoch, sample: position.sample,
        phase: position.phase)
    }
  }

  /// Moves past the micro-step just executed, crossing phase, sample and epoch boundaries.
  mutating func advance() {
    position.index += 1
    guard position.index >= plan.steps(of: position.phase).count else { return }
    let last = position.sample == samples.count - 1
    switch (position.phase, mode) {
    case (.forward, _):
      position = Position(sample: position.sample, phase: .backward, index: 0)
    case (.backward, .online), (.backward, .early):
      position = Position(sample: position.sample, phase: .update, index: 0)
      if plan.update.isEmpty { advance() }
    case (.backward, .batch):
      if last {
        position = Position(sample: position.sample, phase: .update, index: 0)
        if plan.update.isEmpty { advance() }
      } else {
        position = Position(sample: position.sample + 1, phase: .forward, index: 0)
      }
    case (.update, .online), (.update, .early):
      appendTrailPoint()
      if last {
        completeEpoch()
      } else {
        position = Position(sample: position.sample + 1, phase: .forward, index: 0)
      }
    case (.update, .batch):
      appendTrailPoint()
      completeEpoch()
    }
  }

  mutating func completeEpoch() {
    losses.append(values.epochErrorSum / Double(samples.count))
    recordTestLoss()
    epoch += 1
    values.epochErrorSum = 0
    for k in values.weightGradientSum.indices { values.weightGradientSum[k] = 0 }
    for k in values.biasGradientSum.indices { values.biasGradientSum[k] = 0 }
    position = .start
  }
}
