import BackpropEngine
import Testing

@testable import BackpropCommands

/// The article's names and the plain-keyboard spellings a student may type instead.
@Suite struct QuantityNameTests {
  static let spellings: [(String, QuantityName)] = [
    ("w35", .weight(from: 3, to: 5)),
    ("w_35", .weight(from: 3, to: 5)),
    ("W_35", .weight(from: 3, to: 5)),
    ("w_3,5", .weight(from: 3, to: 5)),
    ("w_(3,5)", .weight(from: 3, to: 5)),
    ("w_12,130", .weight(from: 12, to: 130)),
    ("b_3", .bias(3)),
    ("b3", .bias(3)),
    ("net_3", .net(3)),
    ("o_5", .output(5)),
    ("δ_5", .delta(5)),
    ("δ5", .delta(5)),
    ("delta_5", .delta(5)),
    ("d5", .delta(5)),
    ("d_5", .delta(5)),
    ("dphi_5", .derivative(5)),
    ("φ'_5", .derivative(5)),
    ("φ′_5", .derivative(5)),
    ("phi'_5", .derivative(5)),
    ("dE/dw_35", .gradient(.weight(from: 3, to: 5))),
    ("∂E/∂w_35", .gradient(.weight(from: 3, to: 5))),
    ("dE/db_3", .gradient(.bias(3))),
    ("∂E/∂b_3", .gradient(.bias(3))),
    ("grad_35", .gradient(.weight(from: 3, to: 5))),
    ("grad35", .gradient(.weight(from: 3, to: 5))),
    ("dw_35", .change(.weight(from: 3, to: 5))),
    ("Δw_35", .change(.weight(from: 3, to: 5))),
    ("Δb_3", .change(.bias(3))),
    ("x_1", .input(1)),
    ("t_5", .target(5)),
    ("x", .inputs),
    ("t", .targets),
    ("E", .error),
    ("eta", .learningRate),
    ("η", .learningRate),
    ("epoch", .epoch),
    ("digits", .digits),
  ]

  /// Each quantity of `spellings` once, in order.
  static let canonical: [QuantityName] = spellings.map(\.1).reduce(into: []) { names, name in
    if !names.contains(name) { names.append(name) }
  }

  @Test(arguments: spellings)
  func spellingsParse(_ text: String, _ name: QuantityName) {
    #expect(QuantityName.parse(text) == name)
  }

  /// Without a separator only two single digits are unambiguous: w123 could be w_1,23 or w_12,3.
  @Test(arguments: [
    "w123", "w1", "w_", "w_3,", "nonsense", "", "δ_", "net", "dE/dw", "w_3,5,7", "o_x",
  ])
  func notNames(_ text: String) {
    #expect(QuantityName.parse(text) == nil)
  }

  /// The canonical name is what tables and answers print (`get dphi_5` answers "φ'(net_5) = …"),
  /// so a student who copies it back into a command must get the same quantity.
  @Test(arguments: canonical)
  func canonicalNamesRoundTrip(_ name: QuantityName) {
    #expect(QuantityName.parse(name.name) == name)
  }

  @Test func canonicalNamesUseACommaOnceAnIndexHasTwoDigits() {
    #expect(QuantityName.weight(from: 3, to: 5).name == "w_35")
    #expect(QuantityName.weight(from: 12, to: 130).name == "w_12,130")
    #expect(QuantityName.gradient(.weight(from: 3, to: 5)).name == "∂E/∂w_35")
    #expect(QuantityName.change(.weight(from: 3, to: 5)).name == "Δw_35")
    #expect(QuantityName.derivative(5).name == "φ'(net_5)")
  }

  /// Every spelling reads the same number through the session.
  @Test func spellingsAgreeThroughTheSession() throws {
    var session = Session()
    session.run("backward")
    let canonical = try session.value(named: "∂E/∂w_35")
    for text in ["dE/dw_35", "grad_35", "de/dw35", "∂E/∂w_3,5"] {
      #expect(try session.value(named: text) == canonical, "\(text)")
    }
    let delta = try session.value(named: "δ_5")
    for text in ["delta_5", "d5", "δ5"] {
      #expect(try session.value(named: text) == delta, "\(text)")
    }
  }
}
