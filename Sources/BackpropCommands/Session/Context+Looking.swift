import BackpropEngine

/// Commands that read the state without changing it.
extension Context {
  mutating func show(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let what = args.next()
    if what?.text.lowercased() == "matrix" {
      return CommandOutput(lines: try matrix(&args, usage: usage))
    }
    try args.finish(usage)
    let session = sessionView
    let table = ValuesTable(session: session, rowLimit: Self.shownRows)
    var lines = [table.summary]
    let kind = what?.text.lowercased() ?? "values"
    let neuronLines = table.neuronLines(digits: digits) + moreRows(table, neurons: true)
    let weightLines = table.weightLines(digits: digits) + moreRows(table, neurons: false)
    switch kind {
    case "values", "all":
      lines += neuronLines + [""] + weightLines
    case "neurons": lines += neuronLines
    case "weights": lines += weightLines
    case "data", "samples": lines += listSamples().lines
    case "jacobian":
      let jacobian = try softmaxJacobian()
      return CommandOutput(lines: [table.summary] + jacobian.lines, data: jacobian.data)
    case "network", "net":
      let net = trainer.network
      lines.append("network \(net.shape.description): \(Self.describe(net))")
      for l in 0..<net.shape.layerCount {
        let r = net.shape.neurons(inLayer: l)
        let role = l == 0 ? "inputs" : (l == net.shape.outputLayer ? "outputs" : "hidden")
        let act = l == 0 ? "" : ", φ = \(net.activations[l].rawValue)"
        let which =
          r.count == 1 ? "neuron \(r.lowerBound)" : "neurons \(r.lowerBound)–\(r.upperBound)"
        lines.append("layer \(l) (\(role)): \(which)\(act)")
      }
      if net.outputDeltaIsSimplified {
        lines.append(
          "output δ_j = o_j − t_j (\(net.outputActivation.rawValue) with \(net.loss.rawValue))")
      }
      lines.append(Self.countLine(net.shape))
    default:
      throw CommandError(
        column: what!.column, message: "unknown table `\(what!.text)`",
        expected: "values, neurons, weights, data, network, jacobian or matrix")
    }
    var neurons: [JSONValue] = []
    for r in table.neurons {
      neurons.append(
        .object([
          ("j", .number(Double(r.j))), ("layer", .number(Double(r.layer))),
          ("net", json(r.net, .net(r.j))), ("o", json(r.output, .output(r.j))),
          ("dphi", json(r.derivative, .derivative(r.j))),
          ("dE/do", json(r.outputGradient, .outputGradient(r.j))),
          ("delta", json(r.delta, .delta(r.j))),
        ]))
    }
    var weights: [JSONValue] = []
    for r in table.weights {
      weights.append(
        .object([
          ("name", .string(r.parameter.name)), ("value", .number(r.value)),
          ("gradient", json(r.gradient, .gradient(r.parameter))),
          ("meanGradient", json(r.meanGradient, .meanGradient(r.parameter))),
          ("change", json(r.change, .change(r.parameter))), ("frozen", .bool(r.frozen)),
        ]))
    }
    return CommandOutput(
      lines: lines,
      data: [
        ("summary", .string(table.summary)), ("E", json(table.error)), ("neurons", .array(neurons)),
        ("weights", .array(weights)),
        ("neuronsNotShown", .number(Double(table.neuronTotal - table.neurons.count))),
        ("weightsNotShown", .number(Double(table.weightTotal - table.weights.count))),
      ])
  }

  /// Rows `show` prints of each table: a 16 × 256 network has a million weights, which took
  /// 16 s and 716 MB to print in full; past this the table ends with a count and a pointer to
  /// `get`.
  static let shownRows = 200

  /// "… 1048320 more weights; `get w_ij` for one value", when the table was cut.
  func moreRows(_ table: ValuesTable, neurons: Bool) -> [String] {
    let more =
      neurons
      ? table.neuronTotal - table.neurons.count : table.weightTotal - table.weights.count
    guard more > 0 else { return [] }
    let example =
      neurons
      ? "o_\(table.neuronTotal)"
      : (trainer.network.allParameters.last?.name ?? "w_ij")
    return [
      "… \(more) more \(neurons ? "neuron" : "weight")\(more == 1 ? "" : "s"); `get NAME` for one value (e.g. `get \(example)`)"
    ]
  }

  func json(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }

  /// A table cell in JSON: null while an open question withholds it.
  func json(_ x: Double?, _ name: QuantityName) -> JSONValue {
    withheld.contains(name) ? .null : json(x)
  }

  /// The session as this command sees it (for views shared with the app).
  var sessionView: Session {
    var s = Session(trainer: trainer)
    s.digits = digits
    s.withheld = withheld
    return s
  }

  mutating func get(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    guard args.peek != nil else {
      throw CommandError(
        column: args.endColumn, message: "missing a name",
        expected: "e.g. `get o_5` or `get w_35 δ_5`")
    }
    var lines: [String] = []
    var values: [(String, JSONValue)] = []
    while let t = args.next() {
      let name = try quantity(t)
      switch name {
      case .inputs, .targets:
        guard let s = trainer.currentSample else {
          throw CommandError(column: t.column, message: "there are no samples yet")
        }
        let v = name == .inputs ? s.inputs : s.targets
        lines.append("\(name.name) = \(list(v))")
        values.append((name.name, .array(v.map(JSONValue.number))))
      case _ where withheld.contains(name):
        lines.append(Withheld.line(name.name))
        values.append((name.name, .null))
      default:
        if let v = value(of: name) {
          var note = ""
          if case .gradient(let p) = name, isFrozen(p) {
            note = " (frozen: \(p.name) is never updated; the gradient exists all the same)"
          }
          lines.append("\(name.name) = \(n(v))\(note)")
          values.append((name.name, .number(v)))
        } else {
          lines.append("\(name.name) = (not computed in this pass yet)")
          values.append((name.name, .null))
        }
      }
    }
    return CommandOutput(lines: lines, data: [("values", .object(values))])
  }

  mutating func explain(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    let t = args.next()
    try args.finish(usage)
    let step: MicroStep
    var preview = false
    switch t?.text.lowercased() {
    case nil, "last":
      guard let s = trainer.lastStep ?? trainer.recentSteps(1).last else {
        throw CommandError(
          column: t?.column ?? 1, message: "no micro-step has run in this pass yet",
          expected: "`step`, or `explain next`")
      }
      step = s
    case "next":
      guard let s = trainer.nextStep else {
        throw CommandError(column: t!.column, message: "there is no next step (no samples)")
      }
      step = s
      preview = true
    default:
      let name = try quantity(t!)
      if let hidden = Withheld.shown(byExplaining: name).first(where: withheld.contains) {
        return Withheld.output(hidden.name)
      }
      switch name {
      case .net(let j): step = .net(j)
      case .output(let j), .derivative(let j):
        if j <= trainer.network.shape.inputCount {
          return CommandOutput(lines: [
            "o_\(j) = x_\(j) = \(n(trainer.input(j) ?? 0)): an input neuron passes its input on"
          ])
        }
        step = .output(j)
      case .delta(let j): step = .delta(j)
      case .error: step = .error
      case .gradient(.bias(let j)) where isFrozen(.bias(j)):
        return explainFrozenBiasGradient(j)
      case .gradient(let p): step = .gradient(p)
      case .outputGradient(let j): return explainOutputGradient(j)
      case .meanGradient(let p): return explainMeanGradient(p)
      case .weight, .bias, .change:
        let p: Parameter
        if case .change(let q) = name { p = q } else { p = name.parameter! }
        if !trainer.network.trainableParameters.contains(p) {
          return CommandOutput(lines: [
            "\(p.name) = \(n(trainer.network[p])) (frozen: the update never changes it)"
          ])
        }
        step = .update(p)
      case .meanError:
        guard !trainer.samples.isEmpty else {
          throw CommandError(column: t!.column, message: "there are no samples")
        }
        let errors = trainer.samples.map { trainer.network.error(on: $0) }
        let terms = errors.map { n($0) }
        let mean = errors.reduce(0, +) / Double(errors.count)
        let symbols = (1...errors.count).map { "E_x\($0)" }
        return CommandOutput(lines: [
          "mean_E = 1/n Σ_x E_x = (\(symbols.joined(separator: " + ")))/\(errors.count) = (\(terms.joined(separator: " + ")))/\(errors.count) = \(n(mean))",
          "    each E_x at the current weights (the loss curve records each sample's E before its own update)",
        ])
      case .learningRate:
        return CommandOutput(lines: [
          "η = \(n(trainer.learningRate)): the learning rate, the size of each step downhill in Δw_ij = −η ∂E/∂w_ij"
        ])
      default:
        throw CommandError(
          column: t!.column, message: "\(name.name) is given, not computed",
          expected: "a computed quantity such as net_3, o_5, δ_5, E, dE/dw_35")
      }
    }
    if let hidden = Withheld.shown(by: step).first(where: withheld.contains) {
      return Withheld.output(hidden.name)
    }
    if preview {
      var copy = trainer
      guard copy.step() != nil else {
        throw CommandError(
          column: t?.column ?? 1,
          message: trainer.divergence?.description ?? "there is no next step")
      }
      let e = copy.explain(step, digits: digits)
      return CommandOutput(
        lines: ["next: " + e.line, "    rule: " + e.rule] + (e.note.map { ["    " + $0] } ?? []),
        data: [("explanation", e.json)])
    }
    if case .update(let p) = step, !trainer.isComputed(step) {
      guard trainer.isComputed(.gradient(p)),
        trainer.mode == .online || trainer.position.phase == .update
      else {
        return CommandOutput(lines: [
          "\(p.name) = \(n(trainer.network[p])); its gradient ∂E/∂\(p.name) has not been computed in this pass yet"
        ])
      }
      let e = trainer.explain(step, digits: digits)
      return CommandOutput(
        lines: [
          "\(p.name) = \(n(trainer.network[p])) now; the update will make it " + e.line,
          "    rule: " + e.rule,
        ]
          + (e.note.map { ["    " + $0] } ?? []),
        data: [("explanation", e.json)])
    }
    if !trainer.isComputed(step) {
      let when =
        step.phase == trainer.position.phase
        ? "later in this pass" : "in the \(step.phase.rawValue) pass"
      return CommandOutput(
        lines: [
          "\(step.symbol) has not been computed in this pass yet (it comes \(when)); `explain next` shows the next step"
        ],
        data: [("computed", .bool(false))])
    }
    let e = trainer.explain(step, digits: digits)
    var lines = [e.line, "    rule: " + e.rule]
    if let note = e.note { lines.append("    " + note) }
    return CommandOutput(lines: lines, data: [("explanation", e.json)])
  }

  /// The most parameters `gradcheck` checks numerically.
  static let gradcheckLimit = 200

  mutating func gradcheck(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    var check = try gradcheckStart(&args, usage: usage, withinWorkLimit: true)
    check.check(check.parameters.count)
    return gradcheckOutput(check)
  }

  /// Reads `gradcheck [h=H]` and prepares the check: the TUI runs it a slice at a time
  /// (`Session.startGradcheck`), the session all at once. All at once, `withinWorkLimit`, it
  /// checks only as many parameters as `workLimit` allows, and refuses when not even one fits
  /// (1,000 samples on a network of a million weights took minutes).
  func gradcheckStart(_ args: inout Arguments, usage: String, withinWorkLimit: Bool = false)
    throws(CommandError) -> GradientCheck.Progress
  {
    var h = 1e-5
    if let t = args.next() {
      let (key, value) = Self.split(t)
      guard key == "h" || key == nil, let v = NumberParser.parse(value ?? t.text), v > 0, v < 1
      else {
        throw CommandError(
          column: t.column, message: "`\(t.text)` is not a step size",
          expected: "h=1e-5 (between 0 and 1)")
      }
      h = v
    }
    try args.finish(usage)
    try requireSamples(1)
    // The numeric side costs two passes over every sample per parameter: a large network is
    // checked on `gradcheckLimit` parameters spread evenly over it, and the answer says so.
    var most = Self.gradcheckLimit
    if withinWorkLimit {
      // Each parameter costs two passes over every sample.
      let perParameter = 2 * workPerEpoch
      guard perParameter <= Self.workLimit else {
        throw CommandError(
          column: 1,
          message:
            "checking one parameter is \(perParameter) weight-updates (two passes over \(counted(trainer.samples.count, "sample")) × (\(counted(trainer.network.weights.count, "weight")) + \(Self.sampleOverhead))); one command may do at most \(Self.workLimit)",
          expected:
            "fewer samples, or a smaller network (in the interface `gradcheck` runs as a job any key stops, without that limit)"
        )
      }
      most = min(most, Self.workLimit / perParameter)
    }
    let all = trainer.network.allParameters
    let chosen = all.count <= most ? all : (0..<most).map { all[$0 * all.count / most] }
    return GradientCheck.Progress(
      network: trainer.network, samples: trainer.samples, step: h, parameters: chosen)
  }

  /// The answer to `gradcheck`: a row per parameter checked and the verdict.
  func gradcheckOutput(_ progress: GradientCheck.Progress) -> CommandOutput {
    let check = progress.result
    let h = progress.step
    let all = progress.network.allParameters
    let width = digits + 8
    var lines = [
      "central differences (E(θ+h) − E(θ−h))/2h, h = \(n(h)), on E = mean over \(counted(progress.samples.count, "sample"))",
      "".pad(10) + "backprop".pad(width) + "numeric".pad(width) + "relative error",
    ]
    var rows: [JSONValue] = []
    for r in check.rows {
      lines.append(
        r.parameter.name.pad(10) + n(r.backprop).pad(width) + n(r.numeric).pad(width)
          + NumberFormat.format(r.relativeError, digits: 2))
      rows.append(
        .object([
          ("name", .string(r.parameter.name)), ("backprop", .number(r.backprop)),
          ("numeric", .number(r.numeric)),
          ("relativeError", .number(r.relativeError)),
          ("floor", .number(r.floor)),
        ]))
    }
    if progress.parameters.count < all.count {
      lines.append(
        "checked \(progress.parameters.count) of the \(all.count) parameters, spread evenly over the network"
      )
    }
    if let worst = check.worst {
      let verdict = worst.relativeError < GradientCheck.agreement ? "agree" : "DISAGREE"
      lines.append(
        "worst: \(worst.parameter.name), relative error \(NumberFormat.format(worst.relativeError, digits: 2)): backprop and finite differences \(verdict)"
      )
      // Why a tiny gradient is not judged on its own size: E is exact only to its rounding.
      let f = NumberFormat.format(worst.floor, digits: 2)
      let r = NumberFormat.format(worst.resolution, digits: 2)
      lines.append(
        "(relative error = |backprop − numeric| / max(|backprop|, |numeric|, \(f)): E is exact only to about \(Int(GradientCheck.roundingFactor))ε·E, so at this h slopes closer than \(r) cannot be told apart)"
      )
    }
    return CommandOutput(
      lines: lines.map { $0.trimmingTrailingSpaces() }, data: [("rows", .array(rows))])
  }

  func help(_ args: inout Arguments) throws(CommandError) -> CommandOutput {
    if let t = args.next() {
      guard let command = CommandSpec.named(t.text) else {
        let hint =
          CommandSpec.suggestion(for: t.text).map { "did you mean `\($0)`?" } ?? "a command name"
        throw CommandError(column: t.column, message: "no command `\(t.text)`", expected: hint)
      }
      return CommandOutput(
        lines: command.spec.helpText.split(separator: "\n", omittingEmptySubsequences: false).map(
          String.init))
    }
    var lines = [
      "Commands (`help COMMAND` for more; names follow the article: w_35, b_3, net_3, o_5, δ_5, E, η):"
    ]
    var topic = ""
    for spec in CommandSpec.all {
      if spec.topic != topic {
        topic = spec.topic
        lines.append("\(topic):")
      }
      lines.append("  " + spec.name.pad(11) + spec.summary)
    }
    return CommandOutput(lines: lines)
  }
}

/// `count` and `show matrix`: the lesson-8 views of the same numbers.
extension Context {
  mutating func count(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    try args.finish(usage)
    let shape = trainer.network.shape
    let c = MultiplicationCount(shape: shape)
    let ratio = Double(c.forwardMode) / Double(max(1, c.backward))
    let lines = [
      "network \(shape.description): \(c.weights) weights",
      "backward pass: \(c.backward) multiplications for every ∂E/∂w (after one forward pass of \(c.forwardPass))",
      "forward mode (one pass per weight): \(c.weights) × \(c.forwardMode / max(1, c.weights)) = \(c.forwardMode) multiplications",
      "going backwards is \(NumberFormat.format(ratio, digits: 3))× cheaper here; the gap grows with the number of weights",
    ]
    return CommandOutput(
      lines: lines,
      data: [
        ("weights", .number(Double(c.weights))), ("backward", .number(Double(c.backward))),
        ("forwardMode", .number(Double(c.forwardMode))),
      ])
  }

  /// The `count` figures in one line, for `show network`: the article's argument for going
  /// backwards, next to the network it is about.
  static func countLine(_ shape: NetworkShape) -> String {
    let c = MultiplicationCount(shape: shape)
    return
      "multiplications for the whole gradient: \(c.backward) by the backward pass, \(c.forwardMode) by forward mode (`count` explains)"
  }

  func matrix(_ args: inout Arguments, usage: String) throws(CommandError) -> [String] {
    let shape = trainer.network.shape
    var layer = shape.outputLayer
    if args.peek != nil {
      layer = try args.integer("a layer number", in: 1...shape.outputLayer)
    }
    try args.finish(usage)
    return MatrixForm(session: sessionView, layer: layer).lines(digits: digits)
  }
}
