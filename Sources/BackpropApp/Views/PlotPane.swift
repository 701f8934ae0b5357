import BackpropCommands
import BackpropEngine
import BackpropPlots
import TextGrid

/// The plot chosen with `plot`, drawn by BackpropPlots from the engine's numbers.
enum PlotPane {
  /// The pane's contents with what its border should say: the matrix form scrolls (PgUp/PgDn
  /// when the pane has the focus), the plots fit the pane.
  static func body(_ state: AppState, width: Int, height: Int) -> PaneBody {
    state.plot.kind == .matrix
      ? matrix(state, width: width, height: height)
      : PaneBody(render(state, width: width, height: height))
  }

  /// `plot matrix [L]`: the text of `show matrix L`, for the layer asked (the output layer when
  /// none was, or when the network has since lost that layer).
  static func matrixLines(_ state: AppState) -> [String] {
    let outputLayer = state.session.trainer.network.shape.outputLayer
    let layer = min(state.plot.matrixLayer ?? outputLayer, outputLayer)
    return MatrixForm(session: state.session, layer: layer).lines(digits: state.session.digits)
  }

  /// Where the matrix form's window is: at its top until the pane is scrolled.
  static func matrixViewport(_ state: AppState, height: Int, lines: [String]? = nil) -> Viewport {
    Viewport(
      total: (lines ?? matrixLines(state)).count, height: height, scroll: state.scroll[.plot],
      anchorAtEnd: false)
  }

  static func matrix(_ state: AppState, width: Int, height: Int) -> PaneBody {
    let lines = matrixLines(state)
    let view = matrixViewport(state, height: height, lines: lines)
    let g = state.glyphs
    let rows = lines[view.range].map { PaneRow(text: g.text($0), style: .plain, isDisplay: true) }
    return PaneBody(
      rows: rows[...], width: width, height: height, viewport: view,
      shift: state.horizontalScroll[.plot] ?? 0)
  }

  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    let t = state.session.trainer
    switch state.plot.kind {
    case .none: return TextGrid(width: width, height: height)
    case .surface: return surface(state, width: width, height: height)
    case .parabola: return parabola(state, width: width, height: height)
    case .boundary: return BoundaryPane.render(state, width: width, height: height)
    case .matrix: return matrix(state, width: width, height: height).grid
    case .loss where !state.baselines.isEmpty:
      return BaselinePlots.loss(state, width: width, height: height)
    case .loss:
      // Past `LossHistory.bucketLimit` epochs each point is the mean of k epochs, drawn through
      // the band from their lowest to their highest E; the x axis still counts epochs.
      let losses = t.losses
      let k = losses.epochsPerBucket
      let plot = SeriesPlot(
        // Online, each E_x is taken just before that sample's own update, so the curve sits a
        // little above mean_E at the epoch's final weights; the title says which it is.
        title: (t.mode == .batch ? "mean E" : "mean E_x before update")
          + (k == 1 ? " per epoch" : ", per \(k) epochs"),
        values: losses.means, firstEpoch: 1, epochsPerValue: k,
        band: k == 1 ? nil : SeriesPlot.Band(lows: losses.minimums, highs: losses.maximums),
        minimum: losses.smallest.map { ($0.value, $0.epoch) },
        scale: state.plot.logScale ? .logarithmic : .linear)
      if losses.isEmpty {
        var grid = TextGrid(width: width, height: height)
        grid.put(
          state.glyphs.text("no epochs yet: `epoch` or `train N`"), x: 0, y: 0, style: .dim,
          maxWidth: width)
        return grid
      }
      return LossTestOverlay.render(
        plot, test: t.testLosses, width: width, height: height, glyphs: state.glyphs)
    }
  }

  /// The most weight-evaluations (points × samples × weights) a plot does for one frame: about
  /// 10 ms at the kernel's 10 G/s. Beyond it the error surface is the mean over an evenly spread
  /// share of the samples (a frame of 2-64-64-1 over 200 samples took 85 ms), and a surface or
  /// decision boundary that would need more even so is not drawn: 2-256-256-1's surface took a
  /// second a frame, a million weights' minutes, and their boundary a quarter of a second.
  static let frameBudget = 100_000_000

  /// E over two weights, the others held fixed; the descent path when the trainer keeps one.
  static func surface(_ state: AppState, width: Int, height: Int) -> TextGrid {
    let t = state.session.trainer
    let net = t.network
    let params = state.plot.weights ?? defaultWeights(net)
    guard let (p, q) = params, net.contains(p), net.contains(q), !t.samples.isEmpty else {
      var grid = TextGrid(width: width, height: height)
      grid.put(
        state.glyphs.text("the surface needs two weights and at least one sample"), x: 0, y: 0,
        style: .dim, maxWidth: width)
      return grid
    }
    let samples = t.samples
    var path: [PlotPoint] = []
    if case .weight(let i1, let j1) = p, case .weight(let i2, let j2) = q,
      let k1 = net.shape.weightIndex(from: i1, to: j1),
      let k2 = net.shape.weightIndex(from: i2, to: j2)
    {
      path = t.trail.dropFirst(min(state.plot.pathStart, t.trail.count)).map {
        PlotPoint($0[k1], $0[k2])
      }
    }
    let title = samples.count == 1 ? "E, one sample" : "mean E over \(samples.count) samples"
    var plot = SurfacePlot(
      title: state.glyphs.text(title), xLabel: state.glyphs.text(p.name),
      yLabel: state.glyphs.text(q.name),
      path: path, current: PlotPoint(net[p], net[q]), function: { _, _ in .nan })
    if let x = state.plot.xRange, let y = state.plot.yRange {
      plot.xRange = PlotRange(x.lowerBound, x.upperBound)
      plot.yRange = PlotRange(y.lowerBound, y.upperBound)
    } else {
      // Small networks (the linear neuron): find where descent ends up, so the picture shows
      // the minimum (or the nearest point of the valley) as well as the path.
      if net.parameterCount <= 4 {
        var probe = Trainer(network: net, samples: samples, learningRate: 0.05, mode: .batch)
        probe.recordsTrail = false
        probe.train(epochs: 3000)
        if probe.divergence == nil { plot.minimum = PlotPoint(probe.network[p], probe.network[q]) }
      }
      var points = path + [PlotPoint(net[p], net[q])]
      if let m = plot.minimum { points.append(m) }
      let (x, y) = PlotRangeChooser.covering(points: points)
      // At least two units across, so the shape of the surface (the valley) is visible.
      plot.xRange =
        x.span >= 2 ? x : PlotRange((x.lower + x.upper) / 2 - 1, (x.lower + x.upper) / 2 + 1)
      plot.yRange =
        y.span >= 2 ? y : PlotRange((y.lower + y.upper) / 2 - 1, (y.lower + y.upper) / 2 + 1)
    }
    // E at every data cell is a pass over the samples there: within a frame's budget, over an
    // evenly spread share of the samples if need be (and the title says so), or not at all.
    let cells =
      plot.frame(width: width, height: height, glyphs: state.glyphs).map {
        $0.dataColumns.count * $0.dataRows.count
      } ?? 0
    let usable = Self.surfaceSampleCount(
      samples: samples.count, points: cells, weights: net.weights.count,
      neurons: net.shape.neuronCount)
    guard usable >= 1 else {
      return Self.message(
        "the error surface is a forward pass of \(net.weights.count) weights at each of \(cells) points, too much to draw on every frame; `plot loss` shows the loss curve",
        state, width: width, height: height)
    }
    let used =
      usable == samples.count
      ? samples : (0..<usable).map { samples[$0 * samples.count / usable] }
    if usable < samples.count {
      plot.title = state.glyphs.text("mean E over \(usable) of \(samples.count) samples")
    }
    plot.function = net.errorFunction(of: p, and: q, on: used)
    var grid = plot.render(width: width, height: height, glyphs: state.glyphs)
    if !state.baselines.isEmpty, case .weight(let i1, let j1) = p, case .weight(let i2, let j2) = q,
      let k1 = net.shape.weightIndex(from: i1, to: j1),
      let k2 = net.shape.weightIndex(from: i2, to: j2)
    {
      BaselinePlots.overlayTrails(
        state, on: &grid, frame: plot.frame(width: width, height: height, glyphs: state.glyphs),
        weights: (k1, k2))
    }
    return grid
  }

  /// The network's first two weights (without listing every parameter: a frame of a network of
  /// a million weights spent its time there).
  /// How many of `samples` the error surface averages over at `points` points: all of them
  /// within `frameBudget`, else as many as fit (0: not even one).
  static func surfaceSampleCount(samples: Int, points: Int, weights: Int, neurons: Int)
    -> Int
  {
    min(samples, frameBudget / max(1, points * (weights + neurons)))
  }

  /// A dim note in place of a plot, wrapped to the pane.
  static func message(_ text: String, _ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let lines = TextWrap.wrap(state.glyphs.text(text), width: width)
    for (y, line) in lines.prefix(height).enumerated() {
      grid.put(line, x: 0, y: y, style: .dim, maxWidth: width)
    }
    return grid
  }

  static func defaultWeights(_ net: Network) -> (Parameter, Parameter)? {
    guard net.shape.weightCount >= 2 else { return nil }
    let (i0, j0) = net.shape.weightEndpoints(ofIndex: 0)
    let (i1, j1) = net.shape.weightEndpoints(ofIndex: 1)
    return (.weight(from: i0, to: j0), .weight(from: i1, to: j1))
  }

  /// E against the output y for the current sample (first output neuron), the current y marked.
  static func parabola(_ state: AppState, width: Int, height: Int) -> TextGrid {
    let t = state.session.trainer
    let shape = t.network.shape
    guard let sample = t.currentSample else {
      var grid = TextGrid(width: width, height: height)
      grid.put("no sample", x: 0, y: 0, style: .dim)
      return grid
    }
    let j = shape.firstNeuron[shape.outputLayer]
    let target = sample.targets[0]
    let loss = t.network.loss
    var net = t.network
    let y = forwardOutput(&net, sample: sample, neuron: j)
    let span = max(1.5, abs(y - target) * 1.3)
    let lower = loss == .binaryCrossEntropy || loss == .crossEntropy ? 0.001 : target - span
    let upper = loss == .binaryCrossEntropy || loss == .crossEntropy ? 0.999 : target + span
    let plot = LinePlot(
      title: state.glyphs.text("E against o_\(j) (t_\(j) = \(NumberFormat.format(target)))"),
      xLabel: "o_\(j)", yLabel: "E",
      xRange: PlotRange(lower, upper), current: PlotPoint(y, loss.term(target: target, output: y)),
      function: { loss.term(target: target, output: $0) })
    return plot.render(width: width, height: height, glyphs: state.glyphs)
  }

  /// The output of neuron j for a sample, by a forward pass of a throwaway trainer.
  static func forwardOutput(_ net: inout Network, sample: Sample, neuron j: Int) -> Double {
    var trainer = Trainer(network: net, samples: [sample])
    trainer.recordsTrail = false
    trainer.finishPhase()
    return trainer.values.output[j - 1]
  }
}
