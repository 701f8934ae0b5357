import BackpropApp
import BackpropEngine
import BackpropPlots
import Foundation
import TextGrid

/// `swift run -c release backprop-bench`: training throughput, frame time and memory.
///
/// Figures, not pass/fail: the closing notes quote them, and a regression shows as a smaller
/// number here rather than as a flaky timed test.

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident memory (VmHWM) in MiB, from /proc.
func peakMemoryMiB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return .nan
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
    return kb / 1024
  }
  return .nan
}

/// Trains `trainer` for about `seconds`, returning sample-steps per second (best of 3 runs).
func throughput(_ make: () -> Trainer, seconds: Double) -> (rate: Double, error: Double) {
  var best = 0.0
  var finalError = 0.0
  for _ in 0..<3 {
    var t = make()
    t.recordsTrail = false
    // Calibrate.
    var epochs = 64
    while true {
      let start = now()
      var probe = t
      probe.train(epochs: epochs)
      if now() - start > 0.05 { break }
      epochs *= 2
    }
    let start = now()
    var total = 0
    while now() - start < seconds / 3 {
      t.train(epochs: epochs)
      total += epochs * t.samples.count
    }
    let rate = Double(total) / (now() - start)
    if rate > best {
      best = rate
      finalError = t.network.meanError(on: t.samples)
    }
  }
  return (best, finalError)
}

func network(_ sizes: [Int], _ act: Activation) -> Network {
  var n = try! Network(
    shape: try! NetworkShape(layerSizes: sizes), activations: [act], loss: .halfSquaredError,
    biasMode: .on)
  n.randomize(seed: 1)
  return n
}

let arguments = CommandLine.arguments.dropFirst()
let seconds = arguments.first.flatMap(Double.init) ?? 3

#if DEBUG
  print("note: this is a debug build; use `swift run -c release backprop-bench` for real figures")
#endif

let xor = throughput(
  {
    Trainer(
      network: network([2, 2, 1], .logistic), samples: Dataset.xor.samples, learningRate: 0.5)
  }, seconds: seconds)
print(
  String(
    format: "XOR 2-2-1 logistic, per-sample:    %10.0f sample-steps/s  (mean E after: %.3g)",
    xor.rate, xor.error))
let wide = throughput(
  {
    Trainer(
      network: network([2, 16, 16, 1], .logistic), samples: Dataset.xor.samples, learningRate: 0.5)
  }, seconds: seconds)
print(
  String(
    format: "XOR 2-16-16-1 logistic, per-sample: %10.0f sample-steps/s  (mean E after: %.3g)",
    wide.rate, wide.error))

// Frame time: a keypress (one micro-step) handled by `update` and the whole screen rendered, on
// Mazur's network with a full output scrollback (2,000 lines), so the figure holds "whatever the
// history"; then the same while the output pane is scrolled back and with a lesson beside a plot.
func frameTime(
  width: Int, height: Int, _ setup: (inout AppState) -> Void, key: Key = .character(" ")
)
  -> (mean: Double, worst: Double)
{
  var state = AppState(width: width, height: height, startScreen: false)
  setup(&state)
  var worst = 0.0
  let frames = 1000
  let start = now()
  for _ in 0..<frames {
    let t0 = now()
    _ = App.update(&state, .key(key))
    let grid = Views.render(state)
    precondition(grid.width == width)
    worst = max(worst, now() - t0)
  }
  return ((now() - start) / Double(frames), worst)
}

do {
  let startUp = now()
  _ = Views.render(AppState(width: 120, height: 40, startScreen: false))
  let firstFrame = now() - startUp
  let longSession: (inout AppState) -> Void = { state in
    App.submit("example mazur", &state)
    state.log(
      (1...AppState.scrollback).map { "line \($0) of an earlier answer: 0.29837 0.13850" },
      kind: .output)
  }
  for (w, h) in [(120, 40), (200, 60)] {
    let f = frameTime(width: w, height: h, longSession)
    print(
      String(
        format: "keypress + full render at %dx%d:  %8.3f ms mean, %.3f ms worst (full scrollback)",
        w, h, f.mean * 1000, f.worst * 1000))
  }
  let scrolled = frameTime(
    width: 120, height: 40,
    { state in
      longSession(&state)
      for _ in 0..<30 { _ = App.update(&state, .key(.pageUp)) }
    }, key: .pageUp)
  print(
    String(
      format: "PgUp in a 2,000-line output 120x40:  %8.3f ms mean, %.3f ms worst",
      scrolled.mean * 1000, scrolled.worst * 1000))
  print(String(format: "first frame (state + render):      %10.3f ms", firstFrame * 1000))
}

// Presenter mode: the redraw of the screen at 120x40 with the equation in block letters, one
// micro-step per frame (the budget is 2 ms), against the normal screen in the same run.
do {
  func redraw(presenter: Bool) -> (mean: Double, worst: Double) {
    var state = AppState(width: 120, height: 40, startScreen: false)
    state.presenter = presenter
    var worst = 0.0
    var total = 0.0
    for _ in 0..<1000 {
      _ = App.update(&state, .key(.character(" ")))
      let t0 = now()
      let grid = Views.render(state)
      let dt = now() - t0
      precondition(grid.width == 120)
      worst = max(worst, dt)
      total += dt
    }
    return (total / 1000, worst)
  }
  let normal = redraw(presenter: false)
  let presenter = redraw(presenter: true)
  print(
    String(
      format:
        "presenter redraw at 120x40:         %10.3f ms mean, %.3f ms worst (%.2fx the normal screen)",
      presenter.mean * 1000, presenter.worst * 1000, presenter.mean / normal.mean))
}

// The same with the error surface in the plot pane (the linear neuron, stepping by keys).
do {
  var state = AppState(width: 120, height: 40, startScreen: false)
  App.submit("example linear2", &state)
  App.submit("plot surface", &state)
  var worst = 0.0
  let frames = 500
  let start = now()
  for _ in 0..<frames {
    let t0 = now()
    _ = App.update(&state, .key(.character(" ")))
    _ = Views.render(state)
    worst = max(worst, now() - t0)
  }
  let mean = (now() - start) / Double(frames)
  print(
    String(
      format: "keypress + render with surface plot: %8.3f ms mean, %.3f ms worst", mean * 1000,
      worst * 1000))
}

// The error surface of the two-case linear neuron at 120x40.
do {
  var best = Double.infinity
  for _ in 0..<5 {
    let start = now()
    for _ in 0..<200 { _ = PlotBenchmark.renderSurface120x40() }
    best = min(best, (now() - start) / 200)
  }
  print(String(format: "error surface 120x40 render:       %10.3f ms", best * 1000))
}

print(String(format: "peak memory:                        %10.1f MiB", peakMemoryMiB()))
