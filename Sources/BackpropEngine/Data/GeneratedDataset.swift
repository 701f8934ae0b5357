import FoundationEssentials
import Glibc

/// The classic two-dimensional sets of TensorFlow Playground, drawn from a seed.
///
/// Every number comes from `SplitMix64` (written out in this package), `sin`/`cos`/`log`/`sqrt`,
/// and the steps below, so `data spiral seed=3` gives the same samples on every machine. The
/// points lie in about [−1, 1]²; the class c is 0 or 1, and the targets are (c) for a network with
/// one output, or (1 − c, c) with two. Per sample the generator draws, in this order:
///
/// - circle: class 1 for the first ⌈n/2⌉ samples, 0 for the rest; radius r uniform in [0, 0.5]
///   for class 1 and in [0.7, 1] for class 0, then angle θ uniform in [0, 2π); x = (r cos θ, r sin θ).
/// - spiral: for k = 0 … m−1 of a class with m samples, r = k/m and θ = 1.75 · 2π · k/m, plus π for
///   class 0; x = (r sin θ, r cos θ). No random draws except the noise.
/// - gaussian: class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5), each coordinate with
///   standard deviation 0.25 by Box–Muller (two uniforms u₁ ∈ (0, 1], u₂ ∈ [0, 1):
///   √(−2 ln u₁) cos 2πu₂ for x₁, then two fresh uniforms for x₂).
/// - xor-noise: x uniform in [−1, 1]², moved 0.05 away from each axis (x += ±0.05 by its sign);
///   class 1 when the signs differ (x₁ x₂ < 0), the exclusive or of "x₁ > 0" and "x₂ > 0".
///
/// Then, with noise ε > 0, each coordinate gets ε·u with u uniform in [−1, 1] (x₁ then x₂), the
/// class kept (so noise blurs the boundary). Finally the samples are shuffled by Fisher–Yates
/// (k from n−1 down to 1 swaps with an index drawn as `next() % (k+1)`), so online training does
/// not see one class and then the other.
public enum GeneratedDataset: String, CaseIterable, Sendable {
  case circle, spiral, gaussian
  case xorNoise = "xor-noise"

  public var summary: String {
    switch self {
    case .circle: return "a disc of class 1 inside a ring of class 0"
    case .spiral: return "two interleaved spirals"
    case .gaussian: return "two Gaussian clouds around (0.5, 0.5) and (−0.5, −0.5)"
    case .xorNoise: return "the four quadrants, class 1 where the signs of x_1 and x_2 differ"
    }
  }

  /// `count` samples with `outputs` targets each (1 or 2).
  public func samples(count: Int, noise: Double, seed: UInt64, outputs: Int = 1) -> [Sample] {
    var random = SplitMix64(seed: seed)
    let ones = (count + 1) / 2
    var points: [(x: [Double], c: Int)] = []
    points.reserveCapacity(count)
    for k in 0..<count {
      var c = k < ones ? 1 : 0
      let index = c == 1 ? k : k - ones
      let m = c == 1 ? ones : count - ones
      var x: [Double]
      switch self {
      case .circle:
        let r = c == 1 ? random.nextDouble(in: 0...0.5) : random.nextDouble(in: 0.7...1)
        let angle = 2 * Double.pi * random.nextUnit()
        x = [r * cos(angle), r * sin(angle)]
      case .spiral:
        let r = Double(index) / Double(m)
        let angle = 1.75 * 2 * Double.pi * Double(index) / Double(m) + (c == 1 ? 0 : Double.pi)
        x = [r * sin(angle), r * cos(angle)]
      case .gaussian:
        let centre = c == 1 ? 0.5 : -0.5
        x = [centre + 0.25 * Self.normal(&random), centre + 0.25 * Self.normal(&random)]
      case .xorNoise:
        x = [random.nextDouble(in: -1...1), random.nextDouble(in: -1...1)].map {
          $0 + ($0 < 0 ? -0.05 : 0.05)
        }
        c = (x[0] < 0) != (x[1] < 0) ? 1 : 0
      }
      points.append((x, c))
    }
    if noise > 0 {
      for k in points.indices {
        for d in 0..<2 { points[k].x[d] += noise * random.nextDouble(in: -1...1) }
      }
    }
    if points.count > 1 {
      for k in stride(from: points.count - 1, through: 1, by: -1) {
        points.swapAt(k, Int(random.next() % UInt64(k + 1)))
      }
    }
    return points.map { p in
      let c = Double(p.c)
      return Sample(inputs: p.x, targets: outputs == 2 ? [1 - c, c] : [c])
    }
  }

  /// A standard normal number by Box–Muller, from two uniforms.
  static func normal(_ random: inout SplitMix64) -> Double {
    let u1 = 1 - random.nextUnit()  // (0, 1]: the logarithm stays finite
    let u2 = random.nextUnit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
