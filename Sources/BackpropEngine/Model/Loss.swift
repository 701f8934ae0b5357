import FoundationEssentials
import Glibc

/// The error function E(t, o) of one sample, summed over the output neurons.
public enum Loss: String, CaseIterable, Codable, Sendable {
  /// E = ½ Σ_j (t_j − o_j)², the article's choice in its derivation.
  case halfSquaredError = "half-squared"
  /// E = Σ_j (t_j − o_j)², as in the article's linear-neuron example E = (t − y)².
  case squaredError = "squared"
  /// E = −Σ_j t_j ln o_j, meant for a softmax output layer.
  case crossEntropy = "cross-entropy"
  /// E = −Σ_j [t_j ln o_j + (1 − t_j) ln(1 − o_j)], meant for logistic outputs.
  case binaryCrossEntropy = "binary-cross-entropy"

  public static func named(_ name: String) -> Loss? {
    switch name.lowercased() {
    case "half-squared", "hse", "half", "half-squared-error", "mse/2": return .halfSquaredError
    case "squared", "se", "squared-error", "sse": return .squaredError
    case "cross-entropy", "ce", "xent", "crossentropy": return .crossEntropy
    case "binary-cross-entropy", "bce", "binary": return .binaryCrossEntropy
    default: return nil
    }
  }

  /// The contribution of one output neuron to E.
  @inlinable @inline(__always)
  public func term(target t: Double, output o: Double) -> Double {
    switch self {
    case .halfSquaredError: let d = t - o; return 0.5 * d * d
    case .squaredError: let d = t - o; return d * d
    case .crossEntropy: return t == 0 ? 0 : -t * log(o)
    case .binaryCrossEntropy:
      let a = t == 0 ? 0 : t * log(o)
      let b = t == 1 ? 0 : (1 - t) * log(1 - o)
      return -(a + b)
    }
  }

  /// E of one sample, Σ_j L(t_j, o_j) over the `count` output neurons, summed in order.
  ///
  /// Cross-entropy over a softmax layer is computed from the nets rather than the outputs:
  /// ln o_j = net_j − ln Σ_k e^(net_k), with the log-sum-exp taken around the layer maximum. A
  /// softmax output that underflows to 0 (nets a few hundred apart) would make −t ln o = +∞ and
  /// look like divergence; this form is finite for any finite nets. Both the micro-step path and
  /// the fast kernel call this one function, so they still agree bit for bit.
  @inlinable
  public func sampleError(
    targets t: UnsafePointer<Double>, outputs o: UnsafePointer<Double>,
    nets: UnsafePointer<Double>, count: Int, softmaxOutputs: Bool
  ) -> Double {
    var e = 0.0
    if self == .crossEntropy && softmaxOutputs {
      var m = -Double.infinity
      for k in 0..<count where nets[k] > m { m = nets[k] }
      var sum = 0.0
      for k in 0..<count { sum += exp(nets[k] - m) }
      let logSumExp = m + log(sum)
      for k in 0..<count where t[k] != 0 { e += -t[k] * (nets[k] - logSumExp) }
      return e
    }
    for k in 0..<count { e += term(target: t[k], output: o[k]) }
    return e
  }

  /// ∂E/∂o_j.
  @inlinable @inline(__always)
  public func derivative(target t: Double, output o: Double) -> Double {
    switch self {
    case .halfSquaredError: return o - t
    case .squaredError: return 2 * (o - t)
    case .crossEntropy: return -t / o
    case .binaryCrossEntropy: return (o - t) / (o * (1 - o))
    }
  }

  /// True when this loss and the output activation pair up so that δ_j = o_j − t_j exactly
  /// (the φ' cancels against ∂E/∂o_j): softmax with cross-entropy, logistic with binary
  /// cross-entropy. The engine then uses the simplified form, and the equation says so.
  public func cancelsDerivative(of activation: Activation) -> Bool {
    (self == .crossEntropy && activation == .softmax)
      || (self == .binaryCrossEntropy && activation == .logistic)
  }

  /// E in the article's notation, for the sum over output neurons.
  public var formula: String {
    switch self {
    case .halfSquaredError: return "E = ½ Σ_j (t_j − o_j)²"
    case .squaredError: return "E = Σ_j (t_j − o_j)²"
    case .crossEntropy: return "E = −Σ_j t_j ln o_j"
    case .binaryCrossEntropy: return "E = −Σ_j [t_j ln o_j + (1 − t_j) ln(1 − o_j)]"
    }
  }

  /// ∂E/∂o_j written with the given target and output symbols.
  public func derivativeFormula(target t: String, output o: String) -> String {
    switch self {
    case .halfSquaredError: return "(\(o) − \(t))"
    case .squaredError: return "2(\(o) − \(t))"
    case .crossEntropy: return "(−\(t)/\(o))"
    case .binaryCrossEntropy: return "(\(o) − \(t))/(\(o)(1 − \(o)))"
    }
  }
}

/// Whether the network has biases, and whether training moves them.
public enum BiasMode: String, CaseIterable, Codable, Sendable {
  /// Biases are weights from a unit whose output is 1, trained like any weight.
  case on
  /// No biases: net_j = Σ_i w_ij o_i.
  case off
  /// Biases are used but never updated, as in Mazur's worked example.
  case frozen
}

/// How samples are turned into updates.
public enum TrainingMode: String, CaseIterable, Codable, Sendable {
  /// Per-sample (online) gradient descent: update after every sample.
  case online
  /// Batch gradient descent on E = 1/n Σ_x E_x: one update per epoch.
  case batch
  /// The classic mistake, kept so a lesson can show it: per-sample, but each layer's weights are
  /// updated as soon as their gradients are known, so the δ of the layer below is computed with
  /// weights that have already moved (Mazur's E after one update: 0.291027924, not 0.291027774).
  case early

  /// Whether each sample is followed by its own update (online and early).
  public var updatesPerSample: Bool { self != .batch }
}
