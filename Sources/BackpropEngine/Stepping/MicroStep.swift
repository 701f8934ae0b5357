/// The smallest unit of work the tutor shows: one quantity computed by one formula.
///
/// A forward pass is `net` and `output` for each neuron, then `error`; a backward pass is `delta`
/// for each neuron from the outputs inwards, each layer followed by the `gradient`s of the weights
/// into it; an update is one `update` per trainable parameter.
public enum MicroStep: Hashable, Sendable {
  /// net_j = Σ_i w_ij o_i + b_j
  case net(Int)
  /// o_j = φ(net_j), together with φ'(net_j) which the backward pass will need.
  case output(Int)
  /// E for the current sample.
  case error
  /// δ_j = ∂E/∂net_j
  case delta(Int)
  /// ∂E/∂w_ij = o_i δ_j (or ∂E/∂b_j = δ_j)
  case gradient(Parameter)
  /// w_ij ← w_ij + Δw_ij with Δw_ij = −η ∂E/∂w_ij
  case update(Parameter)

  /// The symbol this step computes, e.g. "net_3", "δ_5", "∂E/∂w_35", "w_35".
  public var symbol: String {
    switch self {
    case .net(let j): return "net_\(j)"
    case .output(let j): return "o_\(j)"
    case .error: return "E"
    case .delta(let j): return "δ_\(j)"
    case .gradient(let p): return "∂E/∂\(p.name)"
    case .update(let p): return p.name
    }
  }

  public var phase: Phase {
    switch self {
    case .net, .output, .error: return .forward
    case .delta, .gradient: return .backward
    case .update: return .update
    }
  }
}

/// The three passes a sample goes through.
public enum Phase: String, Codable, Sendable, CaseIterable {
  case forward, backward, update
}

/// Where the trainer is: which sample, which phase, and how many of that phase's micro-steps are
/// done. Everything the views show as "computed" or "blank" is derived from this.
public struct Position: Hashable, Codable, Sendable {
  public var sample: Int
  public var phase: Phase
  public var index: Int

  public init(sample: Int, phase: Phase, index: Int) {
    self.sample = sample
    self.phase = phase
    self.index = index
  }

  public static let start = Position(sample: 0, phase: .forward, index: 0)

  /// At the very beginning of a sample's forward pass: nothing of it computed yet.
  public var isAtSampleStart: Bool { phase == .forward && index == 0 }
}

/// Where training produced NaN or ±∞, reported instead of crashing.
public struct Divergence: Equatable, Sendable, CustomStringConvertible {
  /// The quantity that became non-finite, e.g. "w_35" or "E".
  public let quantity: String
  public let value: Double
  public let epoch: Int
  public let sample: Int
  public let phase: Phase

  public var description: String {
    let v = value.isNaN ? "NaN" : (value > 0 ? "+∞" : "−∞")
    // Before the first update nothing has stepped: the numbers themselves are too large.
    let cause =
      epoch == 0 && sample == 0 && phase == .forward
      ? "the inputs or weights are too large for the activations; smaller inputs may help"
      : "a step overshot; a smaller η may help"
    return
      "diverged: \(quantity) became \(v) in the \(phase.rawValue) pass of sample \(sample + 1), epoch \(epoch + 1); `undo` goes back, \(cause)"
  }
}
