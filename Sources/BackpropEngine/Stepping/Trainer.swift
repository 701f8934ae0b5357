/// The engine's whole state: a network, its training data, and how far training has got, down to
/// the micro-step.
///
/// A value type: copying it is how the session keeps undo history, and two copies compare equal
/// exactly when every bit of the state agrees.
public struct Trainer: Equatable, Sendable {
  public internal(set) var network: Network
  public internal(set) var samples: [Sample]
  /// Samples held out of training (`data split`): their mean E is reported beside the training
  /// E, and they never change a weight.
  public internal(set) var testSamples: [Sample] = []
  /// η.
  public var learningRate: Double
  public internal(set) var mode: TrainingMode
  public internal(set) var values: PassValues
  public internal(set) var position: Position
  /// Completed epochs.
  public internal(set) var epoch: Int
  /// Mean E over the samples of each completed epoch, in bounded buckets.
  public internal(set) var losses: LossHistory
  /// Mean E of each completed epoch, oldest first (bucket means once there are more than
  /// `LossHistory.bucketLimit` epochs).
  public var lossHistory: [Double] { losses.means }
  /// Mean E over `testSamples` after each epoch since the test set arrived, in buckets on the
  /// same grid as `losses` (test bucket b covers the epochs of bucket
  /// `testLosses.firstBucket + b` of `losses`).
  public internal(set) var testLosses = LossHistory()
  /// Weight vectors along the descent path, for drawing it (small networks only): the first,
  /// every `trailStride`-th update after it, and the weights now. Thinned to every other point
  /// (and the stride doubled) when it passes `trailPointLimit`, so it never grows without bound.
  public internal(set) var trail: [[Double]]
  /// For each point of `trail`, the update that made it: its epoch and sample.
  public internal(set) var trailMarks: [TrailMark] = []
  /// Updates between two kept trail points.
  public internal(set) var trailStride = 1
  /// Updates since the last kept trail point; when nonzero, the trail ends with the weights now.
  var trailPending = 0
  /// Set when a NaN or ±∞ appeared; stepping stops until the state changes (e.g. by undo).
  public internal(set) var divergence: Divergence?
  /// Whether `trail` is kept. The benchmark switches it off.
  public var recordsTrail: Bool
  private(set) var plan: StepPlan
  /// The training kernel, set up once and reused by later `train` calls.
  var kernelCache = KernelCache()

  /// Networks with at most this many weights keep a descent trail.
  public static let trailWeightLimit = 64
  /// The trail is thinned (every other point dropped) when it grows past this.
  public static let trailPointLimit = 4_096

  public init(
    network: Network, samples: [Sample] = [], learningRate: Double = 0.5,
    mode: TrainingMode = .online
  ) {
    self.network = network
    self.samples = samples
    self.learningRate = learningRate
    self.mode = mode
    values = PassValues(shape: network.shape)
    position = .start
    epoch = 0
    losses = LossHistory()
    trail = []
    divergence = nil
    recordsTrail = true
    plan = StepPlan(network: network, earlyUpdates: mode == .early)
    restartTrail()
  }

  // MARK: - Changing the set-up

  /// Sets one weight or bias. The current pass starts over, since its values used the old one.
  public mutating func setParameter(_ p: Parameter, to value: Double) {
    network[p] = value
    restartPass()
    restartTrail()
  }

  /// Replaces all weights and biases at once (e.g. after `randomize`).
  public mutating func setParameters(weights: [Double], biases: [Double]) {
    precondition(weights.count == network.weights.count && biases.count == network.biases.count)
    network.weights = weights
    network.biases = biases
    restartPass()
    restartTrail()
  }

  public mutating func replaceSamples(_ samples: [Sample]) {
    self.samples = samples
    restartEpochProgress()
  }

  /// Replaces the training and the test samples together (`data`, `data split`); the test curve
  /// starts over, since it measured another set.
  public mutating func replaceSamples(_ samples: [Sample], test: [Sample]) {
    replaceSamples(samples)
    testSamples = test
    testLosses = LossHistory()
  }

  /// Mean E over the test samples with the current weights, nil without a test set.
  public var testError: Double? {
    testSamples.isEmpty ? nil : network.meanError(on: testSamples)
  }

  /// Records the test E at the end of the epoch just added to `losses`.
  mutating func recordTestLoss() {
    guard let e = testError else { return }
    testLosses.record(e, epoch: losses.lastEpoch)
    testLosses.coarsen(to: losses.epochsPerBucket)
  }

  /// Changes one sample in place; the pass restarts if it was the current one.
  public mutating func replaceSample(at index: Int, with sample: Sample) {
    samples[index] = sample
    if mode == .batch { restartEpochProgress() } else if index == position.sample { restartPass() }
  }

  public mutating func setMode(_ mode: TrainingMode) {
    self.mode = mode
    plan = StepPlan(network: network, earlyUpdates: mode == .early)
    restartEpochProgress()
  }

  /// Makes `index` the current sample (online mode), at the start of its forward pass.
  public mutating func selectSample(_ index: Int) {
    position = Position(sample: index, phase: .forward, index: 0)
    divergence = nil
  }

  /// Back to the start of the current sample's forward pass (batch mode: of the epoch, since the
  /// accumulated gradient would mix old and new values).
  public mutating func restartPass() {
    if mode == .batch {
      restartEpochProgress()
    } else {
      position = Position(
        sample: min(position.sample, max(0, samples.count - 1)), phase: .forward, index: 0)
      divergence = nil
    }
  }

  /// Back to the first sample of the epoch, forgetting the partial epoch's sums.
  public mutating func restartEpochProgress() {
    position = .start
    values.epochErrorSum = 0
    for k in values.weightGradientSum.indices { values.weightGradientSum[k] = 0 }
    for k in values.biasGradientSum.indices { values.biasGradientSum[k] = 0 }
    divergence = nil
  }

  /// Clears the loss curve and the epoch counter (the weights stay).
  public mutating func resetHistory() {
    epoch = 0
    losses = LossHistory()
    testLosses = LossHistory()
    restartEpochProgress()
    restartTrail()
  }

  var keepsTrail: Bool { recordsTrail && network.weights.count <= Self.trailWeightLimit }

  mutating func restartTrail() {
    trail = keepsTrail ? [network.weights] : []
    trailMarks = keepsTrail ? [TrailMark(epoch: epoch, sample: 0)] : []
    trailStride = 1
    trailPending = 0
  }

  /// Records one update of the weights on the trail (micro-step path).
  mutating func appendTrailPoint() {
    guard keepsTrail else { return }
    if trailPending > 0 {
      trail.removeLast()
      trailMarks.removeLast()
    }
    // Called before the epoch is counted complete: this update belongs to epoch `epoch + 1`.
    let mark = TrailMark(epoch: epoch + 1, sample: mode == .batch ? 0 : position.sample + 1)
    if countTrailUpdate() {
      trail.append(network.weights)
      trailMarks.append(mark)
      thinTrailIfFull()
    } else {
      trail.append(network.weights)
      trailMarks.append(mark)
    }
  }

  /// Counts an update; true when its weights are a kept point (every `trailStride`-th), false
  /// when they are only the provisional "weights now" at the end.
  mutating func countTrailUpdate() -> Bool {
    trailPending += 1
    if trailPending == trailStride {
      trailPending = 0
      return true
    }
    return false
  }

  /// Keeps every other point (the first among them) once the trail of kept points passes its
  /// limit, just after a kept point was added. The limit is even, so the count is then odd and
  /// the newest point is among those kept: the spacing stays even, `trailStride` apart.
  mutating func thinTrailIfFull() {
    guard trail.count > Self.trailPointLimit else { return }
    trail = stride(from: 0, to: trail.count, by: 2).map { trail[$0] }
    trailMarks = stride(from: 0, to: trailMarks.count, by: 2).map { trailMarks[$0] }
    trailStride *= 2
  }

  // MARK: - Reading the position

  /// The micro-steps of a phase.
  public func steps(of phase: Phase) -> [MicroStep] { plan.steps(of: phase) }

  /// The micro-step `step()` would run next, or nil if there is nothing to train on.
  public var nextStep: MicroStep? {
    guard !samples.isEmpty else { return nil }
    let steps = plan.steps(of: position.phase)
    return position.index < steps.count ? steps[position.index] : nil
  }

  /// The micro-step most recently completed in the current phase, if any.
  public var lastStep: MicroStep? {
    guard position.index > 0 else { return nil }
    return plan.steps(of: position.phase)[position.index - 1]
  }

  /// The last `count` completed micro-steps of the current sample, oldest first.
  public func recentSteps(_ count: Int) -> [MicroStep] {
    var result: [MicroStep] = []
    var phase = position.phase
    var index = position.index
    while result.count < count {
      if index > 0 {
        index -= 1
        result.append(plan.steps(of: phase)[index])
        continue
      }
      switch phase {
      case .forward: return result.reversed()
      case .backward: phase = .forward
      case .update: phase = .backward
      }
      index = plan.steps(of: phase).count
    }
    return result.reversed()
  }

  /// Whether `step`'s value belongs to the current pass (false: it would be stale or not yet
  /// computed, and is shown blank).
  /// The phase a micro-step belongs to in this trainer's plan (updates are part of the backward
  /// pass in the early mode).
  public func phase(of step: MicroStep) -> Phase {
    if case .update = step { return plan.updatePhase }
    return step.phase
  }

  public func isComputed(_ step: MicroStep) -> Bool {
    guard !samples.isEmpty else { return false }
    let phase = phase(of: step)
    let index: Int
    switch step {
    case .net(let j): index = plan.netIndex[j - 1]
    case .output(let j): index = plan.outputIndex[j - 1]
    case .error: index = plan.errorIndex
    case .delta(let j): index = plan.deltaIndex[j - 1]
    case .gradient(.weight(let i, let j)):
      index = plan.weightGradientIndex[network.shape.weightIndex(from: i, to: j)!]
    case .gradient(.bias(let j)): index = plan.biasGradientIndex[j - 1]
    case .update(.weight(let i, let j)):
      index = plan.weightUpdateIndex[network.shape.weightIndex(from: i, to: j)!]
    case .update(.bias(let j)): index = plan.biasUpdateIndex[j - 1]
    }
    if index < 0 { return false }
    let order: [Phase: Int] = [.forward: 0, .backward: 1, .update: 2]
    let here = order[position.phase]!
    let there = order[phase]!
    if there < here { return true }
    if there > here { return false }
    return index < position.index
  }

  /// o_j for an input neuron is its input x_j, always known.
  public func input(_ j: Int) -> Double? {
    guard !samples.isEmpty, j >= 1, j <= network.shape.inputCount else { return nil }
    return samples[position.sample].inputs[j - 1]
  }

  public var currentSample: Sample? { samples.isEmpty ? nil : samples[position.sample] }
}

/// Which update made a point of the descent trail: epoch 1 is the first, sample 1 the first
/// sample (0: the whole batch, or the starting point before any update).
public struct TrailMark: Equatable, Hashable, Sendable {
  public var epoch: Int
  public var sample: Int

  public init(epoch: Int, sample: Int) {
    self.epoch = epoch
    self.sample = sample
  }
}
