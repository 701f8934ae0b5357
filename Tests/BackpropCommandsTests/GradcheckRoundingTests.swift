import Testing

@testable import BackpropCommands
@testable import BackpropEngine

/// `gradcheck` said DISAGREE for correct gradients of about 1e-7, whose finite differences are
/// as exact as E's rounding allows and no more. The relative error now has a floor set by that
/// rounding (ε·E/h), and a wrong gradient, tiny or not, is still caught.
@Suite struct GradcheckRoundingTests {
  static func spiral() -> Session {
    var s = Session()
    s.run("network 2-16-16-1 logistic seed=1")
    s.run("data spiral n=2000 seed=1")
    return s
  }

  /// The tester's case: w_1,13's gradient is −1.0019e-07 and its finite difference −1.0017e-07.
  @Test func aTinyCorrectGradientAgrees() {
    var s = Self.spiral()
    let lines = s.run("gradcheck").lines
    let row = lines.first { $0.hasPrefix("w_1,13 ") }
    #expect(row?.contains("-1.0019e-07") == true, "\(row ?? "no row")")
    let verdict = lines.first { $0.hasPrefix("worst:") } ?? ""
    #expect(verdict.hasSuffix("backprop and finite differences agree"), "\(verdict)")
    #expect(lines.contains { $0.contains("max(|backprop|, |numeric|,") })
  }

  /// A tanh network after 20 epochs has gradients near 1e-10, where the plain relative error
  /// was 0.054.
  @Test func gradientsNearZeroAgree() {
    var s = Session()
    s.run("network 2-8-1 tanh seed=1")
    s.run("data spiral n=2000 seed=3")
    s.run("train 20")
    let verdict = s.run("gradcheck").lines.first { $0.hasPrefix("worst:") } ?? ""
    #expect(verdict.hasSuffix("agree"), "\(verdict)")
  }

  /// The floor is the finite difference's resolution over the agreement threshold, computed
  /// from E and the step: 1000 ε |E| / h.
  @Test func theFloorFollowsEAndTheStep() {
    let s = Self.spiral()
    var check = GradientCheck.Progress(
      network: s.trainer.network, samples: s.trainer.samples, step: 1e-5,
      parameters: [.weight(from: 1, to: 13)])
    check.check(1)
    let row = check.rows[0]
    #expect(row.parameter.name == "w_1,13")
    let e = s.trainer.network.meanError(on: s.trainer.samples)
    let expected = 1_000 * Double.ulpOfOne * e / 1e-5
    #expect(abs(row.resolution - expected) <= 1e-6 * expected)
    #expect(abs(row.floor - expected / 1e-4) <= 1e-6 * expected / 1e-4)
    #expect(
      abs(row.relativeError - abs(row.backprop - row.numeric) / row.floor)
        <= 1e-10 * row.relativeError)
  }

  /// A planted error is caught: the tiny gradient doubled, and a larger one off by 1%.
  @Test func aWrongGradientStillDisagrees() {
    let s = Self.spiral()
    let network = s.trainer.network
    let tiny = network.shape.weightIndex(from: 1, to: 13)!
    var check = GradientCheck.Progress(
      network: network, samples: s.trainer.samples, step: 1e-5,
      parameters: [.weight(from: 1, to: 13)])
    check.weightGradients[tiny] *= 2
    check.check(1)
    #expect(check.result.worst!.relativeError > GradientCheck.agreement)

    // The largest gradient of the network, off by 1%.
    let all = GradientCheck(network: network, samples: s.trainer.samples, step: 1e-5)
    let largest = all.rows.max { abs($0.backprop) < abs($1.backprop) }!.parameter
    guard case .weight(let i, let j) = largest else { return }
    var wrong = GradientCheck.Progress(
      network: network, samples: s.trainer.samples, step: 1e-5, parameters: [largest])
    wrong.weightGradients[network.shape.weightIndex(from: i, to: j)!] *= 1.01
    wrong.check(1)
    #expect(wrong.result.worst!.relativeError > 0.009)

    var session = s
    #expect(session.run("gradcheck").lines.contains { $0.hasSuffix("agree") })
  }
}
