import BackpropApp
import BackpropPlots
import Foundation

/// Frame time: a keypress (one micro-step) handled by `update` and the whole screen rendered.
enum FrameBench {
  static func run() {
    do {
      let startUp = Measure.now()
      var state = AppState(width: 120, height: 40, startScreen: false)
      _ = Views.render(state)
      let firstFrame = Measure.now() - startUp
      var frames = 0
      var worst = 0.0
      let start = Measure.now()
      while frames < 2000 {
        let t0 = Measure.now()
        _ = App.update(&state, .key(.character(" ")))
        let grid = Views.render(state)
        precondition(grid.width == 120)
        worst = max(worst, Measure.now() - t0)
        frames += 1
      }
      let mean = (Measure.now() - start) / Double(frames)
      print(
        String(
          format: "keypress + full render at 120x40:  %10.3f ms mean, %.3f ms worst (%d frames)",
          mean * 1000, worst * 1000, frames))
      print(String(format: "first frame (state + render):      %10.3f ms", firstFrame * 1000))
    }

    // The same with the error surface in the plot pane (the linear neuron, stepping by keys).
    do {
      var state = AppState(width: 120, height: 40, startScreen: false)
      App.submit("example linear2", &state)
      App.submit("plot surface", &state)
      var worst = 0.0
      let frames = 500
      let start = Measure.now()
      for _ in 0..<frames {
        let t0 = Measure.now()
        _ = App.update(&state, .key(.character(" ")))
        _ = Views.render(state)
        worst = max(worst, Measure.now() - t0)
      }
      let mean = (Measure.now() - start) / Double(frames)
      print(
        String(
          format: "keypress + render with surface plot: %8.3f ms mean, %.3f ms worst",
          mean * 1000, worst * 1000))
    }

    // The error surface of the two-case linear neuron at 120x40.
    do {
      var best = Double.infinity
      for _ in 0..<5 {
        let start = Measure.now()
        for _ in 0..<200 { _ = PlotBenchmark.renderSurface120x40() }
        best = min(best, (Measure.now() - start) / 200)
      }
      print(String(format: "error surface 120x40 render:       %10.3f ms", best * 1000))
    }
  }
}
