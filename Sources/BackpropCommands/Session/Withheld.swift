import BackpropEngine

/// What `get`, `explain` and `show` say about a quantity an open lesson question asks for: the
/// same "?" the values pane shows in its cell, and how to get on.
///
/// A question that asks the student to predict δ_5 teaches nothing if `get δ_5` answers it, so
/// while the question waits the app lists such quantities in `Session.withheld`. An explanation
/// is withheld when the step it explains computes a withheld quantity, since its last line is
/// that value.
public enum Withheld {
  public static let note = "answer the question first, or `skip`"

  /// "δ_5 = ? (answer the question first, or `skip`)".
  public static func line(_ symbol: String) -> String { "\(symbol) = ? (\(note))" }

  static func output(_ symbol: String) -> CommandOutput {
    CommandOutput(
      lines: [line(symbol)],
      data: [("explanation", .object([("symbol", .string(symbol)), ("value", .null)]))])
  }

  /// The quantities whose values a micro-step's explanation prints.
  static func shown(by step: MicroStep) -> [QuantityName] {
    switch step {
    case .net(let j): return [.net(j)]
    case .output(let j): return [.output(j), .derivative(j)]
    case .error: return [.error]
    case .delta(let j): return [.delta(j), .outputGradient(j)]
    case .gradient(let p): return [.gradient(p)]
    case .update(let p): return [.change(p)]
    }
  }

  /// The quantities whose values `explain NAME` prints.
  static func shown(byExplaining name: QuantityName) -> [QuantityName] {
    switch name {
    case .net(let j): return shown(by: .net(j))
    case .output(let j), .derivative(let j): return shown(by: .output(j))
    case .delta(let j): return shown(by: .delta(j))
    case .error: return shown(by: .error)
    case .gradient(let p): return shown(by: .gradient(p))
    case .outputGradient, .meanGradient: return [name]
    case .change(let p): return shown(by: .update(p))
    case .weight, .bias: return name.parameter.map { shown(by: .update($0)) } ?? []
    default: return []
    }
  }
}
