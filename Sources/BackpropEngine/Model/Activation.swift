import FoundationEssentials
import Glibc

/// An activation function φ, chosen per layer.
///
/// The value and the derivative φ'(net) live side by side, and both the micro-step explanations and
/// the fast training loop call these same functions, so what a student reads is what is computed.
public enum Activation: String, CaseIterable, Codable, Sendable {
  case logistic, tanh, relu, identity, softplus, swish, mish, softmax

  /// Names accepted on the command line, besides the raw value.
  public static func named(_ name: String) -> Activation? {
    switch name.lowercased() {
    case "logistic", "sigmoid", "sig", "σ": return .logistic
    case "tanh": return .tanh
    case "relu": return .relu
    case "identity", "linear", "id", "none": return .identity
    case "softplus": return .softplus
    case "swish", "silu": return .swish
    case "mish": return .mish
    case "softmax": return .softmax
    default: return nil
    }
  }

  /// Softmax couples every neuron of its layer, so it is computed layer-wide (`Softmax`).
  public var isLayerWide: Bool { self == .softmax }

  /// φ(x) for the element-wise activations.
  @inlinable @inline(__always)
  public func value(_ x: Double) -> Double {
    switch self {
    case .logistic: return Activation.sigma(x)
    case .tanh: return Glibc.tanh(x)
    case .relu: return x > 0 ? x : 0
    case .identity: return x
    case .softplus: return Activation.softplus(x)
    case .swish: return x * Activation.sigma(x)
    case .mish: return x * Glibc.tanh(Activation.softplus(x))
    case .softmax: return x  // layer-wide; see Softmax
    }
  }

  /// φ'(x), given x = net_j and o = φ(net_j) (several derivatives are cheapest in terms of o).
  /// ReLU takes φ'(0) = 0. For softmax this is the diagonal of the Jacobian, o(1 − o).
  @inlinable @inline(__always)
  public func derivative(_ x: Double, output o: Double) -> Double {
    switch self {
    case .logistic: return o * (1 - o)
    case .tanh: return 1 - o * o
    case .relu: return x > 0 ? 1 : 0
    case .identity: return 1
    case .softplus: return Activation.sigma(x)
    case .swish:
      let s = Activation.sigma(x)
      return s + x * s * (1 - s)
    case .mish:
      let sp = Activation.softplus(x)
      let t = Glibc.tanh(sp)
      return t + x * (1 - t * t) * Activation.sigma(x)
    case .softmax: return o * (1 - o)
    }
  }

  /// The logistic function 1/(1 + e^(−x)).
  @inlinable @inline(__always)
  public static func sigma(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  /// ln(1 + e^x), computed without overflow for large x.
  @inlinable @inline(__always)
  public static func softplus(_ x: Double) -> Double {
    x > 30 ? x + log1p(exp(-x)) : log1p(exp(x))
  }

  /// φ in the article's notation, applied to `net` (e.g. "1/(1 + e^(−net_5))").
  public func formula(net: String) -> String {
    switch self {
    case .logistic: return "1/(1 + e^(−\(net)))"
    case .tanh: return "tanh(\(net))"
    case .relu: return "max(0, \(net))"
    case .identity: return net
    case .softplus: return "ln(1 + e^(\(net)))"
    case .swish: return "\(net)/(1 + e^(−\(net)))"
    case .mish: return "\(net)·tanh(ln(1 + e^(\(net))))"
    case .softmax: return "e^(\(net))/Σ_k e^(net_k)"
    }
  }

  /// φ'(net_j) in the article's notation, in terms of o_j where that is the usual form.
  public func derivativeFormula(net: String, output: String) -> String {
    switch self {
    case .logistic, .softmax: return "\(output)(1 − \(output))"
    case .tanh: return "(1 − \(output)²)"
    case .relu: return "[\(net) > 0]"
    case .identity: return "1"
    case .softplus: return "1/(1 + e^(−\(net)))"
    case .swish: return "σ(\(net)) + \(net)·σ(\(net))(1 − σ(\(net)))"
    case .mish: return "tanh(sp(\(net))) + \(net)·(1 − tanh²(sp(\(net))))·σ(\(net))"
    }
  }
}

/// The softmax of one layer: o_j = e^(net_j) / Σ_k e^(net_k), computed with the layer maximum
/// subtracted (which does not change the result) so that large nets do not overflow.
public enum Softmax {
  /// o_j for the neuron at `index` within `nets`. Summation order is fixed (k ascending) so the
  /// micro-step path and the fast path produce identical bits.
  @inlinable
  public static func output(at index: Int, nets: UnsafeBufferPointer<Double>) -> Double {
    var m = -Double.infinity
    for v in nets where v > m { m = v }
    var sum = 0.0
    for v in nets { sum += exp(v - m) }
    return exp(nets[index] - m) / sum
  }
}
