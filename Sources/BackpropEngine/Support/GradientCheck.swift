/// Central finite differences against backpropagation, parameter by parameter.
///
/// The check evaluates E(θ + h) and E(θ − h) with the same forward pass the engine trains with,
/// so it tests the backward pass (and the article's formulas) independently of how δ is derived.
public struct GradientCheck: Sendable {
  public struct Row: Equatable, Sendable {
    public let parameter: Parameter
    public let backprop: Double
    public let numeric: Double
    /// |backprop − numeric| / max(|backprop|, |numeric|, floor), with `floor` =
    /// `resolution` / `agreement`; the absolute difference when all three are below 1e-12
    /// (E exactly 0 and a zero gradient), so that nothing divides by zero.
    public let relativeError: Double
    /// The smallest difference of slopes the finite difference can tell from rounding:
    /// `roundingFactor` · ε · |E| / h (see `GradientCheck.resolution`).
    public let resolution: Double
    /// The denominator's floor: a gradient smaller than this is compared against it, so a
    /// difference of `resolution` or less always agrees.
    public var floor: Double { resolution / GradientCheck.agreement }
  }

  /// The relative error below which backprop and finite differences agree.
  public static let agreement = 1e-4

  /// How many units of rounding (ε·|E|) the computed E may be off by. E is a mean over samples
  /// of several layers of sums, exponentials and products; on 2-16-16-1 networks over 2,000
  /// samples the numeric slope was off by up to 16 ε·|E|/h, so 1,000 leaves a wide margin
  /// while a wrong gradient (off by far more than 1e-9 at h = 1e-5) is still caught.
  public static let roundingFactor = 1_000.0

  /// The finite difference (E(θ+h) − E(θ−h))/2h cannot resolve slopes closer than this: each E
  /// carries rounding of about `roundingFactor` · ε · |E|, and the quotient divides it by h.
  /// Without it, a correct gradient of 1e-7 read as "DISAGREE" at a relative error of 1e-4.
  public static func resolution(error e: Double, step h: Double) -> Double {
    roundingFactor * Double.ulpOfOne * abs(e) / h
  }

  public let rows: [Row]
  public let step: Double

  public var worst: Row? { rows.max { $0.relativeError < $1.relativeError } }

  /// Checks every parameter with a value (frozen biases included) on the mean error over
  /// `samples`: E = 1/n Σ_x E_x.
  /// `parameters` limits the check to some of them (the numeric side costs two passes over every
  /// sample per parameter, so a large network is checked on a sample of its parameters).
  public init(
    network: Network, samples: [Sample], step h: Double = 1e-6, parameters: [Parameter]? = nil
  ) {
    var progress = Progress(network: network, samples: samples, step: h, parameters: parameters)
    progress.check(progress.parameters.count)
    self = progress.result
  }

  init(rows: [Row], step: Double) {
    self.rows = rows
    self.step = step
  }

  /// A check under way, some parameters at a time: the interface runs a long check in slices
  /// that a key can stop (see `App.startGradcheckJob`). The backprop side (one backward pass
  /// per sample) is computed at the start; each parameter then costs two passes over the samples.
  public struct Progress: Equatable, Sendable {
    public let network: Network
    public let samples: [Sample]
    public let step: Double
    /// The parameters to check, in order.
    public let parameters: [Parameter]
    /// The rows of the parameters checked so far.
    public private(set) var rows: [Row] = []
    /// Σ_x ∂E_x/∂w and Σ_x ∂E_x/∂b over the samples (variables so that a test can plant a
    /// wrong gradient and see the check catch it).
    var weightGradients: [Double]
    var biasGradients: [Double]

    public init(
      network: Network, samples: [Sample], step h: Double = 1e-6, parameters: [Parameter]? = nil
    ) {
      self.network = network
      self.samples = samples
      step = h
      self.parameters = parameters ?? network.allParameters
      var gw = Array(repeating: 0.0, count: network.weights.count)
      var gb = Array(repeating: 0.0, count: network.biases.count)
      for sample in samples {
        let g = network.gradient(on: sample)
        for k in gw.indices { gw[k] += g.weights[k] }
        for k in gb.indices { gb[k] += g.biases[k] }
      }
      weightGradients = gw
      biasGradients = gb
    }

    public var isFinished: Bool { rows.count >= parameters.count }

    /// Work of checking one parameter, in weight-updates: two forward passes over the samples.
    public var workPerParameter: Int { 2 * max(1, samples.count) * max(1, network.weights.count) }

    /// The check as far as it has gone.
    public var result: GradientCheck { GradientCheck(rows: rows, step: step) }

    /// Checks the next `count` parameters (fewer at the end).
    public mutating func check(_ count: Int) {
      let n = Double(samples.count)
      let h = step
      // One probe network, changed and put back, rather than two copies per parameter.
      var probe = network
      let end = min(parameters.count, rows.count + max(0, count))
      for p in parameters[rows.count..<end] {
        let analytic: Double
        switch p {
        case .weight(let i, let j):
          analytic = weightGradients[network.shape.weightIndex(from: i, to: j)!] / n
        case .bias(let j): analytic = biasGradients[j - 1] / n
        }
        let theta = network[p]
        let hh = h * max(1, abs(theta))
        probe[p] = theta + hh
        let ePlus = probe.meanError(on: samples)
        probe[p] = theta - hh
        let eMinus = probe.meanError(on: samples)
        probe[p] = theta
        let numeric = (ePlus - eMinus) / (2 * hh)
        let resolution = GradientCheck.resolution(error: max(abs(ePlus), abs(eMinus)), step: hh)
        let scale = max(abs(analytic), abs(numeric), resolution / GradientCheck.agreement)
        let rel = scale < 1e-12 ? abs(analytic - numeric) : abs(analytic - numeric) / scale
        rows.append(
          Row(
            parameter: p, backprop: analytic, numeric: numeric, relativeError: rel,
            resolution: resolution))
      }
    }
  }
}
