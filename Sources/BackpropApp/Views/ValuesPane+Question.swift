import BackpropCommands
import BackpropEngine
import BackpropLessons

/// While a lesson question waits for a number, the values table must not show the answer: the
/// cells the question is about read "?" until it is answered.
extension ValuesPane {
  /// A cell of the values table: a neuron's quantity or a parameter's.
  enum Cell: Hashable {
    case neuron(j: Int, column: Int)
    case parameter(Parameter, column: String)
  }

  /// The cells the open question asks for: its `@answer … = NAME`, or, for an answer given only
  /// as a number, the change Δw of each weight the question names (its value after the update).
  static func hiddenCells(_ state: AppState) -> Set<Cell> {
    guard let question = state.lessons.runner?.currentQuestion,
      case .number(let answer) = question.kind
    else { return [] }
    if let name = answer.quantity.flatMap(QuantityName.parse) {
      return cells(for: name)
    }
    var result: Set<Cell> = []
    for prose in question.prompt {
      let words = prose.text.split { $0 == " " || $0 == "," || $0 == "?" || $0 == ":" }
      for word in words {
        if case .weight(let i, let j)? = QuantityName.parse(String(word)) {
          result.insert(.parameter(.weight(from: i, to: j), column: "Δ"))
        } else if case .bias(let j)? = QuantityName.parse(String(word)) {
          result.insert(.parameter(.bias(j), column: "Δ"))
        }
      }
    }
    return result
  }

  /// The quantities behind the hidden cells, which `get`, `explain` and `show` withhold too
  /// while the question waits (see `Session.withheld`).
  static func hiddenQuantities(_ state: AppState) -> Set<QuantityName> {
    let neuron: [Int: (Int) -> QuantityName] = [
      1: QuantityName.net, 2: QuantityName.output, 3: QuantityName.derivative,
      4: QuantityName.outputGradient, 5: QuantityName.delta,
    ]
    let parameter: [String: (Parameter) -> QuantityName] = [
      "∂E/∂": QuantityName.gradient, "mean": QuantityName.meanGradient, "Δ": QuantityName.change,
    ]
    var names: Set<QuantityName> = []
    for cell in hiddenCells(state) {
      switch cell {
      case .neuron(let j, let column): if let name = neuron[column] { names.insert(name(j)) }
      case .parameter(let p, let column): if let name = parameter[column] { names.insert(name(p)) }
      }
    }
    return names
  }

  /// Neuron columns: 1 net, 2 o, 3 φ', 4 ∂E/∂o, 5 δ.
  static func cells(for name: QuantityName) -> Set<Cell> {
    switch name {
    case .net(let j): return [.neuron(j: j, column: 1)]
    case .output(let j): return [.neuron(j: j, column: 2)]
    case .derivative(let j): return [.neuron(j: j, column: 3)]
    case .outputGradient(let j): return [.neuron(j: j, column: 4)]
    case .delta(let j): return [.neuron(j: j, column: 5)]
    case .gradient(let p): return [.parameter(p, column: "∂E/∂")]
    case .meanGradient(let p): return [.parameter(p, column: "mean")]
    case .change(let p): return [.parameter(p, column: "Δ")]
    // A weight's value asked for is its value after the update: w + Δw.
    case .weight(let i, let j): return [.parameter(.weight(from: i, to: j), column: "Δ")]
    case .bias(let j): return [.parameter(.bias(j), column: "Δ")]
    default: return []
    }
  }
}
