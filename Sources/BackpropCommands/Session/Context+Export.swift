import BackpropEngine
import FoundationEssentials

/// `export loss|trail|values|dot FILE`: the engine's numbers written out for notebooks and
/// Graphviz. Like `save`, the command only describes the file; the caller writes it.
extension Context {
  func export(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let what = try args.require("loss, trail, values or dot")
    let file = try args.require("a file name")
    try args.finish(usage)
    let text: String
    let summary: String
    switch what.text.lowercased() {
    case "loss":
      text = lossCSV()
      summary = "\(trainer.losses.count) epochs"
    case "trail", "path":
      guard !trainer.trail.isEmpty else {
        throw CommandError(
          column: what.column, message: "there is no descent path to export",
          expected:
            "a network with at most \(Trainer.trailWeightLimit) weights that has been trained")
      }
      text = trailCSV()
      summary = "\(trainer.trail.count) points of the descent path"
    case "values", "table":
      text = valuesCSV()
      summary = "the values of \(trainer.network.shape.neuronCount) neurons"
    case "dot", "graph":
      text = dot()
      summary = "the network as a Graphviz graph"
    default:
      throw CommandError(
        column: what.column, message: "cannot export `\(what.text)`",
        expected: "loss, trail, values or dot")
    }
    let (path, folder) = try resolve(file)
    var output = CommandOutput()
    output.file = FileRequest(
      operation: .write(path: path, contents: Data(text.utf8), confinedTo: folder),
      command: .save(lines: ["exported \(summary) to \(file.text)"]), name: file.text,
      column: file.column)
    return output
  }

  /// epoch, mean E (and test E where the test set existed at that epoch's end). Past
  /// `LossHistory.bucketLimit` epochs the curve is kept in buckets of k epochs, and a row is a
  /// bucket: its first and last epoch, the mean, lowest and highest E over it (and the mean test
  /// E over the epochs of it that had a test set).
  func lossCSV() -> String {
    let losses = trainer.losses
    let tests = trainer.testLosses
    let means = losses.means
    let testMeans = tests.means
    let hasTests = !tests.isEmpty || !trainer.testSamples.isEmpty
    let bucketed = losses.epochsPerBucket > 1
    var header =
      bucketed ? ["first_epoch", "last_epoch", "E_mean", "E_min", "E_max"] : ["epoch", "E"]
    if hasTests { header.append(bucketed ? "test_E_mean" : "test_E") }
    let rows = means.indices.map { k -> [String] in
      let epochs = losses.epochs(ofBucket: k)
      var row =
        bucketed
        ? [
          String(epochs.lowerBound), String(epochs.upperBound), CSVWriter.number(means[k]),
          CSVWriter.number(losses.minimums[k]), CSVWriter.number(losses.maximums[k]),
        ]
        : [String(epochs.lowerBound), CSVWriter.number(means[k])]
      if hasTests {
        let t = k - tests.firstBucket
        row.append(t >= 0 && t < testMeans.count ? CSVWriter.number(testMeans[t]) : "")
      }
      return row
    }
    return CSVWriter.table(header: header, rows: rows)
  }

  /// epoch and sample of the update that made each point (epoch 0: where the path starts;
  /// sample 0: a whole batch), then every weight by its name.
  func trailCSV() -> String {
    let shape = trainer.network.shape
    let names = (0..<shape.weightCount).map { k in
      let (i, j) = shape.weightEndpoints(ofIndex: k)
      return Parameter.weight(from: i, to: j).name
    }
    let rows = zip(trainer.trailMarks, trainer.trail).map { mark, point in
      [String(mark.epoch), String(mark.sample)] + point.map(CSVWriter.number)
    }
    return CSVWriter.table(header: ["epoch", "sample"] + names, rows: rows)
  }

  /// One row per neuron: j, layer, net, o, φ'(net), δ; blank where the pass has not computed it.
  func valuesCSV() -> String {
    let shape = trainer.network.shape
    func cell(_ name: QuantityName) -> String { value(of: name).map(CSVWriter.number) ?? "" }
    let rows = (1...shape.neuronCount).map { j -> [String] in
      let layer = shape.layer(ofNeuron: j)!
      if layer == 0 { return [String(j), "0", "", cell(.output(j)), "", ""] }
      return [
        String(j), String(layer), cell(.net(j)), cell(.output(j)), cell(.derivative(j)),
        cell(.delta(j)),
      ]
    }
    return CSVWriter.table(header: ["neuron", "layer", "net", "o", "dphi", "delta"], rows: rows)
  }

  /// The network as a Graphviz digraph, inputs on the left.
  func dot() -> String {
    let shape = trainer.network.shape
    func show(_ name: QuantityName) -> String { value(of: name).map { n($0) } ?? "·" }
    var lines = [
      "digraph network {", "  rankdir=LR;", "  node [shape=circle, fontname=\"Helvetica\"];",
      "  edge [fontname=\"Helvetica\", fontsize=10];",
    ]
    for l in 0..<shape.layerCount {
      lines.append("  subgraph layer\(l) { rank=same;")
      for j in shape.neurons(inLayer: l) {
        let label =
          l == 0
          ? "\(j)\\nx = \(show(.output(j)))"
          : "\(j)\\no = \(show(.output(j)))\\nδ = \(show(.delta(j)))"
        lines.append("    n\(j) [label=\"\(label)\"];")
      }
      lines.append("  }")
    }
    for k in 0..<shape.weightCount {
      let (i, j) = shape.weightEndpoints(ofIndex: k)
      let p = Parameter.weight(from: i, to: j)
      lines.append(
        "  n\(i) -> n\(j) [label=\"\(p.name) = \(n(trainer.network[p]))\\n∂E/∂\(p.name) = \(show(.gradient(p)))\"];"
      )
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
