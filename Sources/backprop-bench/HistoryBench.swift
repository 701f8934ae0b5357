import BackpropApp
import BackpropCommands
import Foundation

/// What a long session costs: commands, keypresses and memory as the undo history grows.
enum HistoryBench {
  /// N `step` commands on Mazur's example, for each N: with a history that does not copy itself
  /// the time grows linearly (4,000 steps cost about 4 × 1,000).
  static func steps(_ counts: [Int]) {
    var first: Double?
    for n in counts {
      var session = Session()
      let start = Measure.cpu()
      for _ in 0..<n { _ = session.execute("step") }
      let seconds = Measure.cpu() - start
      let base = first ?? seconds / Double(n)
      if first == nil { first = seconds / Double(n) }
      print(
        String(
          format: "%6d `step` commands on Mazur: %8.3f s CPU, %7.1f µs each (%.2f x the first)",
          n, seconds, seconds / Double(n) * 1e6, seconds / Double(n) / base))
    }
  }

  /// One keypress (a micro-step) handled by `update` after `history` keypresses.
  static func keypress(after history: Int) {
    var state = AppState(width: 120, height: 40, startScreen: false)
    for _ in 0..<history { _ = App.update(&state, .key(.character(" "))) }
    let rounds = 200
    var worst = 0.0
    let start = Measure.now()
    for _ in 0..<rounds {
      let t0 = Measure.now()
      _ = App.update(&state, .key(.character(" ")))
      worst = max(worst, Measure.now() - t0)
    }
    let mean = (Measure.now() - start) / Double(rounds)
    print(
      String(
        format: "keypress handling after %d commands: %.3f ms mean, %.3f ms worst", history,
        mean * 1000, worst * 1000))
  }

  /// Peak memory while stepping a 2-60-60-1 network micro-step by micro-step (`step 500`
  /// commands, each `back`-able), and while a long TUI session goes on.
  static func memory(stepCommands: Int) {
    var session = Session()
    _ = session.execute("network 2-60-60-1 logistic seed=1")
    _ = session.execute("data xor")
    let start = Measure.cpu()
    for _ in 0..<stepCommands { _ = session.execute("step 500") }
    print(
      String(
        format: "stepping 2-60-60-1, %d × `step 500`: peak memory %.1f MiB (%.2f s CPU)",
        stepCommands, Measure.peakMiB(), Measure.cpu() - start))
  }

  /// A long TUI session: keypresses, epochs and training, every frame rendered.
  static func session(commands: Int) {
    var state = AppState(width: 120, height: 40, startScreen: false)
    let start = Measure.cpu()
    for k in 0..<commands {
      if k % 500 == 499 {
        _ = App.submit("train 200", &state)
      } else if k % 50 == 49 {
        _ = App.submit("epoch", &state)
      } else {
        _ = App.update(&state, .key(.character(" ")))
      }
      _ = Views.render(state)
    }
    print(
      String(
        format: "TUI session of %d commands (Mazur, rendered): peak memory %.1f MiB (%.2f s CPU)",
        commands, Measure.peakMiB(), Measure.cpu() - start))
  }
}
