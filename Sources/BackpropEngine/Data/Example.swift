/// Built-in datasets and worked examples.
///
/// A `Dataset` only brings samples; an `Example` brings a whole set-up (network, weights, η) so a
/// lesson can start from a known state, e.g. Mazur's 2-2-2 network with his weights.
public struct Dataset: Sendable {
  public let name: String
  public let summary: String
  public let inputCount: Int
  public let outputCount: Int
  public let samples: [Sample]

  public static let all: [Dataset] = [xor, and, or, linear, linear2, mazur]

  public static func named(_ name: String) -> Dataset? {
    all.first { $0.name == name.lowercased() }
  }

  public static let xor = Dataset(
    name: "xor", summary: "exclusive or: 1 when exactly one input is 1", inputCount: 2,
    outputCount: 1,
    samples: logic { $0 != $1 })
  public static let and = Dataset(
    name: "and", summary: "logical and", inputCount: 2, outputCount: 1, samples: logic { $0 && $1 })
  public static let or = Dataset(
    name: "or", summary: "logical or", inputCount: 2, outputCount: 1, samples: logic { $0 || $1 })
  /// The article's single training case (x1, x2, t) = (1, 1, 0) for y = x1 w1 + x2 w2.
  public static let linear = Dataset(
    name: "linear", summary: "the article's linear-neuron case (1, 1, 0)", inputCount: 2,
    outputCount: 1, samples: [Sample(inputs: [1, 1], targets: [0])])
  /// The article's two cases (1, 1, 0) and (1, 0, 1): together they have one minimum, w = (1, −1).
  public static let linear2 = Dataset(
    name: "linear2", summary: "the linear-neuron cases (1, 1, 0) and (1, 0, 1)", inputCount: 2,
    outputCount: 1,
    samples: [Sample(inputs: [1, 1], targets: [0]), Sample(inputs: [1, 0], targets: [1])])
  /// Mazur's worked example: inputs 0.05, 0.10 and targets 0.01, 0.99.
  public static let mazur = Dataset(
    name: "mazur", summary: "Mazur's worked example: x = (0.05, 0.10), t = (0.01, 0.99)",
    inputCount: 2, outputCount: 2, samples: [Sample(inputs: [0.05, 0.10], targets: [0.01, 0.99])])

  private static func logic(_ f: (Bool, Bool) -> Bool) -> [Sample] {
    let cases: [(Double, Double)] = [(0, 0), (0, 1), (1, 0), (1, 1)]
    return cases.map { pair -> Sample in
      let truth: Bool = f(pair.0 == 1, pair.1 == 1)
      return Sample(inputs: [pair.0, pair.1], targets: [truth ? 1.0 : 0.0])
    }
  }
}

/// A complete starting point: network, weights, data and learning rate.
public struct Example: Sendable {
  public let name: String
  public let summary: String
  public let trainer: @Sendable () -> Trainer

  public static let all: [Example] = [mazur, linear, linear2, xor, and, or]

  public static func named(_ name: String) -> Example? {
    all.first { $0.name == name.lowercased() }
  }

  /// Mazur's 2-2-2 logistic network, half squared error, biases 0.35 and 0.60 frozen, η = 0.5.
  public static let mazur = Example(
    name: "mazur",
    summary: "Mazur's 2-2-2 worked example with his weights (biases frozen, η = 0.5)"
  ) {
    let shape = try! NetworkShape(layerSizes: [2, 2, 2])
    var network = try! Network(
      shape: shape, activations: [.logistic], loss: .halfSquaredError, biasMode: .frozen)
    let w: [(Int, Int, Double)] = [
      (1, 3, 0.15), (2, 3, 0.20), (1, 4, 0.25), (2, 4, 0.30),
      (3, 5, 0.40), (4, 5, 0.45), (3, 6, 0.50), (4, 6, 0.55),
    ]
    for (i, j, v) in w { network[.weight(from: i, to: j)] = v }
    network[.bias(3)] = 0.35
    network[.bias(4)] = 0.35
    network[.bias(5)] = 0.60
    network[.bias(6)] = 0.60
    return Trainer(network: network, samples: Dataset.mazur.samples, learningRate: 0.5)
  }

  /// The article's linear neuron y = x1 w1 + x2 w2 (no bias), squared error, one case.
  public static let linear = linearNeuron(name: "linear", dataset: .linear)
  /// The same neuron with both of the article's cases, whose mean error has one minimum.
  public static let linear2 = linearNeuron(name: "linear2", dataset: .linear2)

  public static let xor = logicExample(.xor)
  public static let and = logicExample(.and)
  public static let or = logicExample(.or)

  private static func linearNeuron(name: String, dataset: Dataset) -> Example {
    Example(
      name: name,
      summary: "the linear neuron y = x1 w1 + x2 w2 on \(dataset.summary), w = (0.5, 0.5), η = 0.1"
    ) {
      let shape = try! NetworkShape(layerSizes: [2, 1])
      var network = try! Network(
        shape: shape, activations: [.identity], loss: .squaredError, biasMode: .off)
      network[.weight(from: 1, to: 3)] = 0.5
      network[.weight(from: 2, to: 3)] = 0.5
      return Trainer(network: network, samples: dataset.samples, learningRate: 0.1)
    }
  }

  private static func logicExample(_ dataset: Dataset) -> Example {
    Example(
      name: dataset.name,
      summary: "a 2-2-1 logistic network on \(dataset.summary), seed 1, η = 0.5"
    ) {
      let shape = try! NetworkShape(layerSizes: [2, 2, 1])
      var network = try! Network(
        shape: shape, activations: [.logistic], loss: .halfSquaredError, biasMode: .on)
      network.randomize(seed: 1)
      return Trainer(network: network, samples: dataset.samples, learningRate: 0.5)
    }
  }
}
