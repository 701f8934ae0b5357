import BackpropApp
import BackpropPlots
import Foundation
import TextGrid

/// Frame time: a key handled by `update` and the whole screen rendered, as the TUI does for each
/// key. The session is Mazur's network with a full output scrollback (2,000 lines), so the figure
/// holds "whatever the history"; then PgUp deep in that scrollback, the surface plot, presenter
/// mode and the matrix pane (`plot matrix`) against the normal screen in the same run, and the
/// first frame.
enum FrameBench {
  /// Mean and worst time of `frames` frames of `key` after `setup`.
  static func frameTime(
    width: Int, height: Int, frames: Int = 1000, key: Key = .character(" "),
    _ setup: (inout AppState) -> Void
  ) -> (mean: Double, worst: Double) {
    var state = AppState(width: width, height: height, startScreen: false)
    setup(&state)
    var worst = 0.0
    let start = Measure.now()
    for _ in 0..<frames {
      let t0 = Measure.now()
      _ = App.update(&state, .key(key))
      let grid = Views.render(state)
      precondition(grid.width == width)
      worst = max(worst, Measure.now() - t0)
    }
    return ((Measure.now() - start) / Double(frames), worst)
  }

  static func report(_ label: String, _ f: (mean: Double, worst: Double)) {
    print(
      label.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%8.3f ms mean, %.3f ms worst", f.mean * 1000, f.worst * 1000))
  }

  static func run() {
    let startUp = Measure.now()
    _ = Views.render(AppState(width: 120, height: 40, startScreen: false))
    let firstFrame = Measure.now() - startUp

    let longSession: (inout AppState) -> Void = { state in
      App.submit("example mazur", &state)
      state.log(
        (1...AppState.scrollback).map { "line \($0) of an earlier answer: 0.29837 0.13850" },
        kind: .output)
    }
    for (w, h) in [(120, 40), (200, 60)] {
      report("keypress + full render \(w)x\(h):", frameTime(width: w, height: h, longSession))
    }
    report(
      "keypress + full render, 784-30-10 120x40:",
      frameTime(width: 120, height: 40, frames: 200) { state in
        App.submit("network 784-30-10 logistic seed=1", &state)
        App.submit("data gaussian", &state)
      })
    report(
      "typing a command, 2,000 samples 120x40:",
      frameTime(width: 120, height: 40, frames: 500, key: .character("x")) { state in
        App.submit("network 2-16-16-1 logistic seed=1", &state)
        App.submit("data spiral n=2000 seed=1", &state)
        _ = App.update(&state, .key(.character(":")))
      })
    report(
      "PgUp deep in 2,000 output lines 120x40:",
      frameTime(width: 120, height: 40, key: .pageUp) { state in
        longSession(&state)
        for _ in 0..<30 { _ = App.update(&state, .key(.pageUp)) }
      })
    report(
      "keypress + render, surface plot 120x40:",
      frameTime(width: 120, height: 40, frames: 500) { state in
        App.submit("example linear2", &state)
        App.submit("plot surface", &state)
      })
    let normal = frameTime(width: 120, height: 40, longSession)
    let presenter = frameTime(width: 120, height: 40) { state in
      longSession(&state)
      App.submit("present on", &state)
    }
    report("presenter mode 120x40:", presenter)
    print(String(format: "presenter ÷ normal screen, same run: %.2f", presenter.mean / normal.mean))
    // `plot matrix`: the matrix form is rebuilt from the session at every frame.
    let matrix = frameTime(width: 120, height: 40) { state in
      longSession(&state)
      App.submit("plot matrix 1", &state)
    }
    report("matrix pane (plot matrix 1) 120x40:", matrix)
    print(String(format: "matrix pane ÷ normal screen, same run: %.2f", matrix.mean / normal.mean))
    print(String(format: "first frame (state + render):               %8.3f ms", firstFrame * 1000))

    var best = Double.infinity
    for _ in 0..<5 {
      let start = Measure.now()
      for _ in 0..<200 { _ = PlotBenchmark.renderSurface120x40() }
      best = min(best, (Measure.now() - start) / 200)
    }
    print(String(format: "error surface 120x40 render:                %8.3f ms", best * 1000))
  }
}
