import BackpropEngine

/// Commands that define the network and its data.
extension Context {
  mutating func network(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    let sizesToken = try args.require("layer sizes such as 2-2-2")
    var sizes: [Int] = []
    for part in sizesToken.text.split(separator: "-", omittingEmptySubsequences: false) {
      guard let v = Int(part), v > 0 else {
        throw CommandError(
          column: sizesToken.column, message: "`\(sizesToken.text)` is not a list of layer sizes",
          expected: "positive whole numbers joined by dashes, e.g. 2-2-2")
      }
      sizes.append(v)
    }
    let shape: NetworkShape
    do { shape = try NetworkShape(layerSizes: sizes) } catch {
      throw CommandError(column: sizesToken.column, message: error.description)
    }
    var activations: [Activation] = [.logistic]
    var activationToken = sizesToken
    var loss = Loss.halfSquaredError
    var bias = BiasMode.on
    var seed: UInt64 = 1
    while let t = args.next() {
      let (key, value) = Self.split(t)
      switch key {
      case "act", "activation", "activations", nil:
        let list = value ?? t.text
        var parsed: [Activation] = []
        for name in list.split(separator: ",") {
          guard let a = Activation.named(String(name)) else {
            throw CommandError(
              column: t.column, message: "unknown activation `\(name)`",
              expected: Activation.allCases.map(\.rawValue).joined(separator: ", "))
          }
          parsed.append(a)
        }
        activations = parsed
        activationToken = t
      case "loss":
        guard let l = Loss.named(value ?? "") else {
          throw CommandError(
            column: t.column, message: "unknown loss `\(value ?? "")`",
            expected: Loss.allCases.map(\.rawValue).joined(separator: ", "))
        }
        loss = l
      case "bias", "biases":
        guard let b = BiasMode(rawValue: (value ?? "").lowercased()) else {
          throw CommandError(
            column: t.column, message: "unknown bias setting `\(value ?? "")`",
            expected: "on, off or frozen")
        }
        bias = b
      case "seed":
        seed = try Arguments.seed(Token(value ?? "", column: t.column + (key?.count ?? 0) + 1))
      default:
        throw CommandError(
          column: t.column, message: "unknown option `\(key!)`",
          expected: "act=, loss=, bias= or seed=; usage: \(usage)")
      }
    }
    var net: Network
    do {
      net = try Network(shape: shape, activations: activations, loss: loss, biasMode: bias)
    } catch {
      throw CommandError(column: activationToken.column, message: error.description)
    }
    net.randomize(seed: seed)
    let keep = trainer.samples.allSatisfy {
      $0.inputs.count == shape.inputCount && $0.targets.count == shape.outputCount
    }
    let samples = keep ? trainer.samples : []
    let test = keep ? trainer.testSamples : []
    trainer = Trainer(
      network: net, samples: samples, learningRate: trainer.learningRate, mode: trainer.mode)
    trainer.replaceSamples(samples, test: test)
    var lines = [
      "network \(shape.description): \(Self.describe(net)), seed \(seed)",
      "neurons: "
        + (0..<shape.layerCount).map { l in
          let r = shape.neurons(inLayer: l)
          let name = l == 0 ? "inputs" : (l == shape.outputLayer ? "outputs" : "hidden")
          let singular = ["inputs": "input", "outputs": "output"][name] ?? name
          return r.count == 1
            ? "\(singular) \(r.lowerBound)" : "\(name) \(r.lowerBound)–\(r.upperBound)"
        }.joined(separator: ", "),
    ]
    if !keep {
      lines.append(
        "the samples did not fit the new network and were cleared; add some with `sample add` or `data`"
      )
    }
    return CommandOutput(lines: lines, data: [("network", .string(shape.description))])
  }

  static func describe(_ net: Network) -> String {
    let acts = net.activations.dropFirst()
    let act =
      Set(acts).count == 1 ? acts.first!.rawValue : acts.map(\.rawValue).joined(separator: ",")
    return "\(act), loss \(net.loss.rawValue), biases \(net.biasMode.rawValue)"
  }

  /// "key=value" → ("key", "value"); a plain word → (nil, nil).
  static func split(_ t: Token) -> (String?, String?) {
    guard let eq = t.text.firstIndex(of: "=") else { return (nil, nil) }
    return (String(t.text[..<eq]).lowercased(), String(t.text[t.text.index(after: eq)...]))
  }

  mutating func example(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    let t = try args.require("an example name")
    try args.finish(usage)
    guard let ex = Example.named(t.text) else {
      throw CommandError(
        column: t.column, message: "unknown example `\(t.text)`",
        expected: Example.all.map(\.name).joined(separator: ", "))
    }
    trainer = ex.trainer()
    return CommandOutput(
      lines: ["example \(ex.name): \(ex.summary)"], data: [("example", .string(ex.name))])
  }

  mutating func data(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    if let first = args.peek?.text.lowercased() {
      if first == "split" { return try splitData(&args, usage: usage) }
      if first == "load" { return try loadData(&args, usage: usage) }
      if GeneratedDataset(rawValue: first) != nil { return try generateData(&args, usage: usage) }
    }
    let t = try args.require("a dataset name")
    try args.finish(usage)
    guard let d = Dataset.named(t.text) else {
      throw CommandError(
        column: t.column, message: "unknown dataset `\(t.text)`",
        expected: (Dataset.all.map(\.name) + GeneratedDataset.allCases.map(\.rawValue) + [
          "split", "load",
        ]).joined(separator: ", "))
    }
    let shape = trainer.network.shape
    guard d.inputCount == shape.inputCount, d.outputCount == shape.outputCount else {
      throw CommandError(
        column: t.column,
        message:
          "dataset \(d.name) has \(d.inputCount) inputs and \(d.outputCount) output\(d.outputCount == 1 ? "" : "s"), the network \(shape.description) has \(shape.inputCount) and \(shape.outputCount)",
        expected:
          "a network that fits, e.g. `network \(d.inputCount)-2-\(d.outputCount)`, or `example \(d.name)`"
      )
    }
    trainer.replaceSamples(d.samples, test: [])
    return CommandOutput(lines: [
      "\(counted(d.samples.count, "sample")) from \(d.name): \(d.summary)"
    ])
  }

  mutating func sample(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput
  {
    guard let t = args.next() else { return listSamples() }
    let shape = trainer.network.shape
    switch t.text.lowercased() {
    case "list", "ls": try args.finish(usage); return listSamples()
    case "clear":
      try args.finish(usage)
      trainer.replaceSamples([])
      return CommandOutput(lines: ["samples cleared"])
    case "remove", "rm", "delete":
      let k = try args.integer("a sample number", in: 1...max(1, trainer.samples.count))
      try args.finish(usage)
      guard !trainer.samples.isEmpty else {
        throw CommandError(column: t.column, message: "there are no samples")
      }
      var s = trainer.samples
      s.remove(at: k - 1)
      trainer.replaceSamples(s)
      return CommandOutput(lines: ["removed sample \(k); \(s.count) left"])
    case "add", "+":
      var inputs: [Double] = []
      var targets: [Double] = []
      var seenArrow = false
      let firstInputColumn = args.peek?.column ?? args.endColumn
      while let w = args.next() {
        if w.text == "->" || w.text == ":" || w.text == "→" || w.text == "=>" {
          if seenArrow {
            throw CommandError(
              column: w.column, message: "a second `\(w.text)`", expected: "target values")
          }
          seenArrow = true
          continue
        }
        let v = try Arguments.number(w, seenArrow ? "a target value" : "an input value or ->")
        if seenArrow { targets.append(v) } else { inputs.append(v) }
      }
      guard seenArrow else {
        throw CommandError(
          column: args.endColumn, message: "missing `->` between inputs and targets",
          expected: "sample add X… -> T…")
      }
      guard inputs.count == shape.inputCount else {
        throw CommandError(
          column: firstInputColumn,
          message:
            "\(inputs.count) input\(inputs.count == 1 ? "" : "s") given, the network has \(shape.inputCount)",
          expected: "\(shape.inputCount) input values")
      }
      guard targets.count == shape.outputCount else {
        throw CommandError(
          column: args.endColumn,
          message:
            "\(targets.count) target\(targets.count == 1 ? "" : "s") given, the network has \(shape.outputCount) output\(shape.outputCount == 1 ? "" : "s")",
          expected: "\(shape.outputCount) target values after ->")
      }
      trainer.replaceSamples(trainer.samples + [Sample(inputs: inputs, targets: targets)])
      return CommandOutput(lines: [
        "sample \(trainer.samples.count): x = \(list(inputs)) → t = \(list(targets))"
      ])
    default:
      let k = try Arguments.integer(
        t, "add, list, clear, remove or a sample number", in: 1...max(1, trainer.samples.count))
      try args.finish(usage)
      try requireSamples(t.column)
      if trainer.mode == .batch {
        throw CommandError(
          column: t.column, message: "in batch mode every epoch goes through all samples in order",
          expected: "`mode online` to choose one sample")
      }
      trainer.selectSample(k - 1)
      return CommandOutput(lines: [
        "sample \(k) is current: x = \(list(trainer.samples[k - 1].inputs)) → t = \(list(trainer.samples[k - 1].targets))"
      ])
    }
  }

  func list(_ v: [Double]) -> String { "(" + v.map { n($0) }.joined(separator: ", ") + ")" }

  func listSamples() -> CommandOutput {
    guard !trainer.samples.isEmpty else {
      return CommandOutput(lines: ["no samples; add one with `sample add X… -> T…`"])
    }
    var lines: [String] = []
    for (k, s) in trainer.samples.enumerated() {
      let mark = k == trainer.position.sample ? "▶" : " "
      lines.append("\(mark) \(k + 1): x = \(list(s.inputs)) → t = \(list(s.targets))")
    }
    let json = JSONValue.array(
      trainer.samples.map { s in
        .object([
          ("x", .array(s.inputs.map(JSONValue.number))),
          ("t", .array(s.targets.map(JSONValue.number))),
        ])
      })
    var data: [(String, JSONValue)] = [("samples", json)]
    if let test = trainer.testError {
      let train = trainer.network.meanError(on: trainer.samples)
      lines.append(
        "mean E: training \(n(train)) over \(counted(trainer.samples.count, "sample")), test \(n(test)) over \(counted(trainer.testSamples.count, "sample")) held out"
      )
      data += [("trainingError", .number(train)), ("testError", .number(test))]
    }
    return CommandOutput(lines: lines, data: data)
  }

  mutating func set(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let nameToken = try args.require("a name such as w_35, b_3, x_1, t_5, eta or digits")
    let name = try quantity(nameToken)
    var numbers: [(Token, Double)] = []
    while let t = args.next() { numbers.append((t, try Arguments.number(t, "a value"))) }
    guard !numbers.isEmpty else {
      throw CommandError(
        column: args.endColumn, message: "missing the value for \(name.name)", expected: "a number")
    }
    func one() throws(CommandError) -> Double {
      if numbers.count > 1 {
        throw CommandError(
          column: numbers[1].0.column, message: "\(name.name) takes one value",
          expected: "end of line")
      }
      return numbers[0].1
    }
    let shape = trainer.network.shape
    let before = trainer.position
    switch name {
    case .weight, .bias:
      let v = try one()
      guard v.isFinite else {
        throw CommandError(
          column: numbers[0].0.column, message: "\(name.name) must be a finite number")
      }
      trainer.setParameter(name.parameter!, to: v)
      return CommandOutput(lines: ["\(name.name) = \(n(v))"] + restartNote(name, from: before))
    case .learningRate:
      let v = try one()
      guard v.isFinite, v >= 0 else {
        throw CommandError(
          column: numbers[0].0.column, message: "η must be a finite number ≥ 0",
          expected: "e.g. 0.5")
      }
      trainer.learningRate = v
      return CommandOutput(lines: ["η = \(n(v))"])
    case .digits:
      let v = try one()
      guard v == v.rounded(), (1...17).contains(v) else {
        throw CommandError(
          column: numbers[0].0.column, message: "digits must be a whole number from 1 to 17")
      }
      digits = Int(v)
      return CommandOutput(lines: ["showing \(digits) significant digits"])
    case .input(let i):
      let v = try one()
      var s = try currentOrNewSample()
      s.inputs[i - 1] = v
      storeCurrentSample(s)
      return CommandOutput(
        lines: ["x_\(i) = \(n(v)) (sample \(trainer.position.sample + 1))"]
          + restartNote(name, from: before))
    case .target(let j):
      let v = try one()
      var s = try currentOrNewSample()
      s.targets[j - shape.firstNeuron[shape.outputLayer]] = v
      storeCurrentSample(s)
      return CommandOutput(
        lines: ["t_\(j) = \(n(v)) (sample \(trainer.position.sample + 1))"]
          + restartNote(name, from: before))
    case .inputs, .targets:
      let expected = name == .inputs ? shape.inputCount : shape.outputCount
      guard numbers.count == expected else {
        throw CommandError(
          column: numbers.count > expected ? numbers[expected].0.column : args.endColumn,
          message:
            "\(numbers.count) value\(numbers.count == 1 ? "" : "s") given for \(name.name), the network has \(expected)",
          expected: "\(expected) values")
      }
      var s = try currentOrNewSample()
      if name == .inputs { s.inputs = numbers.map(\.1) } else { s.targets = numbers.map(\.1) }
      storeCurrentSample(s)
      return CommandOutput(
        lines: [
          "\(name.name) = \(list(numbers.map(\.1))) (sample \(trainer.position.sample + 1))"
        ] + restartNote(name, from: before))
    default:
      throw CommandError(
        column: nameToken.column, message: "\(name.name) is computed, not set",
        expected: "a weight, bias, input, target, eta or digits")
    }
  }

  /// Says so when `set` moved training back: the values already computed used the old number,
  /// so the pass (in batch mode, the epoch) starts over rather than mixing old and new.
  func restartNote(_ name: QuantityName, from before: Position) -> [String] {
    let now = trainer.position
    guard now != before else { return [] }
    let start = "sample \(now.sample + 1), forward"
    if trainer.mode == .batch {
      return ["epoch restarted (\(start)): its gradient sums used the old \(name.name)"]
    }
    return ["pass restarted (\(start)): its values used the old \(name.name)"]
  }

  private func currentOrNewSample() throws(CommandError) -> Sample {
    let shape = trainer.network.shape
    return trainer.currentSample
      ?? Sample(
        inputs: Array(repeating: 0, count: shape.inputCount),
        targets: Array(repeating: 0, count: shape.outputCount))
  }

  private mutating func storeCurrentSample(_ s: Sample) {
    if trainer.samples.isEmpty {
      trainer.replaceSamples([s])
    } else {
      trainer.replaceSample(at: trainer.position.sample, with: s)
    }
  }

  mutating func mode(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let t = try args.require("online, batch or early")
    try args.finish(usage)
    guard let m = TrainingMode(rawValue: t.text.lowercased()) else {
      throw CommandError(
        column: t.column, message: "unknown mode `\(t.text)`", expected: "online, batch or early")
    }
    trainer.setMode(m)
    let description: String
    switch m {
    case .online: description = "online: one update per sample"
    case .batch:
      description =
        "batch: one update per epoch, with the mean gradient over the \(counted(trainer.samples.count, "sample"))"
    case .early:
      description =
        "early: each layer's weights are updated as soon as their gradients are known, so the δ of the layer below uses weights that have already moved — the classic mistake (use `mode online` for the article's method)"
    }
    return CommandOutput(lines: [description])
  }

  mutating func randomize(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    var seed: UInt64 = 1
    if let t = args.next() {
      let (key, value) = Self.split(t)
      seed = try Arguments.seed(
        key == "seed" ? Token(value ?? "", column: t.column + "seed=".count) : t)
    }
    try args.finish(usage)
    var net = trainer.network
    net.randomize(seed: seed)
    trainer.setParameters(weights: net.weights, biases: net.biases)
    trainer.resetHistory()
    return CommandOutput(lines: ["weights drawn from seed \(seed)"])
  }
}
