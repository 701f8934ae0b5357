import BackpropCommands
import BackpropEngine
import BackpropPlots
import TextGrid

/// `plot boundary`: the network's output over its two inputs, the samples on top by class.
///
/// One output neuron: its o_j is shaded between the ends of its activation's range (0…1 for the
/// logistic, −1…1 for tanh, else the targets' range) and a sample's class is whether its target
/// is above the middle of that range. Several outputs: a sample's class is its largest target;
/// with two outputs the shade is o of the second (for softmax, p(class 2), so the boundary is where
/// the shade turns), with more the winning output's o.
enum BoundaryPane {
  /// Fails unless the network has two inputs.
  static func check(_ network: Network, column: Int) throws(CommandError) {
    guard network.shape.inputCount == 2 else {
      throw CommandError(
        column: column,
        message:
          "the decision boundary needs a network with two inputs; \(network.shape.description) has \(network.shape.inputCount)",
        expected: "e.g. `network 2-8-1 tanh,logistic` and `data circle`")
    }
  }

  /// What the shade shows and how samples are classed, for this network and its samples.
  struct Reading {
    var name: String
    var range: PlotRange
    var classNames: [String]
    var classOf: (Sample) -> Int
    var value: ([Double]) -> Double
  }

  static func reading(_ network: Network, samples: [Sample]) -> Reading {
    let shape = network.shape
    let first = shape.firstNeuron[shape.outputLayer]
    let activation = network.outputActivation
    if shape.outputCount == 1 {
      let targets = samples.map { $0.targets[0] }
      let range: PlotRange
      switch activation {
      case .logistic, .softmax: range = PlotRange(0, 1)
      case .tanh: range = PlotRange(-1, 1)
      default:
        let low = targets.min() ?? 0
        let high = targets.max() ?? 1
        range = low < high ? PlotRange(low, high) : PlotRange(low - 1, low + 1)
      }
      let middle = (range.lower + range.upper) / 2
      let distinct = Set(targets).sorted()
      let names =
        distinct.count == 2
        ? distinct.map { "t=\(NumberFormat.format($0))" }
        : ["t<\(NumberFormat.format(middle))", "t≥\(NumberFormat.format(middle))"]
      return Reading(
        name: "o_\(first)", range: range, classNames: names,
        classOf: { $0.targets[0] >= middle ? 1 : 0 }, value: { $0[0] })
    }
    let bounded = activation == .softmax || activation == .logistic
    let range = bounded ? PlotRange(0, 1) : PlotRange(-1, 1)
    let names = (1...shape.outputCount).map { "class \($0)" }
    let classOf: (Sample) -> Int = { s in s.targets.indices.max { s.targets[$0] < s.targets[$1] }! }
    if shape.outputCount == 2 {
      return Reading(
        name: activation == .softmax ? "p(class 2)" : "o_\(first + 1)", range: range,
        classNames: names, classOf: classOf, value: { $0[1] })
    }
    return Reading(
      name: "winning o", range: range, classNames: names, classOf: classOf,
      value: { $0.max() ?? .nan })
  }

  /// The plot as drawn at the app's current state (also what the tests inspect).
  static func plot(_ state: AppState) -> BoundaryPlot? {
    let t = state.session.trainer
    let network = t.network
    guard network.shape.inputCount == 2 else { return nil }
    let samples = t.samples + t.testSamples
    let reading = reading(network, samples: samples)
    let (x, y) = ranges(state, samples: samples)
    let outputs = network.outputFunction()
    return BoundaryPlot(
      title: state.glyphs.text("decision boundary: \(reading.name) over x_1, x_2"),
      xLabel: "x_1", yLabel: "x_2", xRange: x, yRange: y, valueName: reading.name,
      valueRange: reading.range,
      samples: samples.map { (PlotPoint($0.inputs[0], $0.inputs[1]), reading.classOf($0)) },
      classNames: reading.classNames,
      function: { a, b in reading.value(outputs([a, b])) })
  }

  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    guard let plot = plot(state) else {
      var grid = TextGrid(width: width, height: height)
      grid.put(
        "the decision boundary needs a network with two inputs", x: 0, y: 0, style: .dim,
        maxWidth: width)
      return grid
    }
    // One forward pass per point: within a frame's budget (`PlotPane.frameBudget`) or not at all.
    let network = state.session.trainer.network
    if let frame = plot.frame(width: width, height: height, glyphs: state.glyphs) {
      let points = frame.dataColumns.count * frame.dataRows.count
      if points * (network.weights.count + network.shape.neuronCount) > PlotPane.frameBudget {
        return PlotPane.message(
          "the decision boundary is a forward pass of \(network.weights.count) weights at each of \(points) points, too much to draw on every frame; `plot loss` shows the loss curve",
          state, width: width, height: height)
      }
    }
    return plot.render(width: width, height: height, glyphs: state.glyphs)
  }

  /// `range=` when given, else the samples' box with a tenth of margin (−1…1 without samples).
  static func ranges(_ state: AppState, samples: [Sample]) -> (PlotRange, PlotRange) {
    if let x = state.plot.xRange, let y = state.plot.yRange {
      return (PlotRange(x.lowerBound, x.upperBound), PlotRange(y.lowerBound, y.upperBound))
    }
    func cover(_ values: [Double]) -> PlotRange {
      let finite = values.filter(\.isFinite)
      guard let low = finite.min(), let high = finite.max() else { return PlotRange(-1, 1) }
      let margin = high > low ? (high - low) / 10 : 0.5
      return PlotRange(low - margin, high + margin)
    }
    return (cover(samples.map { $0.inputs[0] }), cover(samples.map { $0.inputs[1] }))
  }
}
