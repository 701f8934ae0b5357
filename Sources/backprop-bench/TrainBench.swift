import BackpropApp
import BackpropCommands
import BackpropEngine
import Foundation

/// Training throughput on the kernel, in the same terms as ref.c prints.
enum TrainBench {
  /// Default epochs per shape: about a second of work on this machine kind, as in ref.c's README.
  static func defaultEpochs(_ sizes: [Int]) -> Int {
    switch sizes {
    case [2, 2, 1]: return 1_000_000
    case [2, 16, 16, 1]: return 100_000
    case [2, 64, 64, 1]: return 10_000
    // Beyond about 10 epochs this descent is chaotic, and last-bit rounding differences from
    // ref.c's grouping grow until the losses part; at 8 they agree to ten digits.
    case [784, 30, 10]: return 8
    default: return 20
    }
  }

  /// Trains once for `epochs` and prints what ref.c prints: sample-steps, seconds (CPU and wall),
  /// sample-steps per CPU second, and the final mean loss.
  static func run(sizes: [Int], epochs: Int, reference: Bool, samples: Int) throws {
    let setup = try RefSetup(sizes: sizes, reference: reference, sampleCount: samples)
    var trainer = Trainer(network: setup.network, samples: setup.samples, learningRate: 0.5)
    trainer.recordsTrail = false
    let wall = Measure.now()
    let cpu = Measure.cpu()
    trainer.train(epochs: epochs)
    let cpuSeconds = Measure.cpu() - cpu
    let wallSeconds = Measure.now() - wall
    let steps = epochs * setup.samples.count
    let layers = sizes.map(String.init).joined(separator: ",")
    print(
      "layers=\(layers) epochs=\(epochs) samples=\(setup.samples.count) init=\(reference ? "ref" : "seeded")"
    )
    print(String(format: "loss_last_epoch=%.10g", trainer.losses.last ?? .nan))
    print(
      String(
        format: "loss=%.10g (mean E after training)", trainer.network.meanError(on: setup.samples)))
    print(
      String(
        format: "sample_steps=%d seconds=%.6f cpu_seconds=%.6f sample_steps_per_s=%.0f", steps,
        wallSeconds, cpuSeconds, Double(steps) / cpuSeconds))
  }

  /// `train N` typed into a headless session versus the kernel alone on the same network.
  static func command(epochs: Int) throws {
    let setup = try RefSetup(sizes: [2, 2, 1], reference: false)
    var kernelOnly = Trainer(network: setup.network, samples: setup.samples, learningRate: 0.5)
    kernelOnly.recordsTrail = false
    var cpu = Measure.cpu()
    kernelOnly.train(epochs: epochs)
    let kernelSeconds = Measure.cpu() - cpu

    var session = Session()
    _ = session.execute("example xor")
    _ = session.execute("network 2-2-1 logistic loss=half-squared bias=on seed=1")
    _ = session.execute("data xor")
    _ = session.execute("set eta 0.5")
    cpu = Measure.cpu()
    let result = session.execute("train \(epochs)")
    let commandSeconds = Measure.cpu() - cpu
    if case .failure(let e) = result { print("train failed: \(e.message)") }
    print(
      String(
        format:
          "headless `train %d` on XOR: %.3f s CPU; kernel alone %.3f s; command speed = %.2f x kernel",
        epochs, commandSeconds, kernelSeconds, kernelSeconds / commandSeconds))
    print(String(format: "peak memory: %.1f MiB", Measure.peakMiB()))
  }

  /// A `train N` job in the interface, slice by slice as the TUI runs it (without drawing),
  /// versus the kernel alone on the same trainer. `setup` names a network and a data set; on a
  /// large data set every slice is one epoch, so what a slice does besides training shows here.
  static func job(epochs: Int, setup: [String]) {
    var state = AppState(width: 120, height: 40, startScreen: false)
    state.isInteractive = true
    for line in setup { _ = App.submit(line, &state) }
    var kernelOnly = state.session.trainer
    var cpu = Measure.cpu()
    kernelOnly.train(epochs: epochs)
    let kernelSeconds = Measure.cpu() - cpu
    cpu = Measure.cpu()
    _ = App.submit("train \(epochs)", &state)
    var slices = 1
    var longest = Duration.zero
    while state.job != nil {
      // As the TUI loop does: each slice's time sizes the next (`App.adaptPace`).
      let started = ContinuousClock.now
      _ = App.update(&state, .tick)
      let took = ContinuousClock.now - started
      longest = max(longest, took)
      if state.job != nil { _ = App.update(&state, .jobSliceTook(took)) }
      slices += 1
    }
    let jobSeconds = Measure.cpu() - cpu
    let same = state.session.trainer.network == kernelOnly.network
    print(
      String(
        format:
          "TUI `train %d` job on %@: %.3f s CPU in %d slices (longest %.0f ms, the last with the report's E); kernel alone %.3f s; job speed = %.2f x kernel%@",
        epochs, setup.joined(separator: "; "), jobSeconds, slices,
        Double(longest.components.attoseconds) / 1e15 + Double(longest.components.seconds) * 1e3,
        kernelSeconds, kernelSeconds / jobSeconds, same ? "" : " (DIFFERENT WEIGHTS)"))
  }

  /// A very long `train` in the chunks the TUI uses, printing resident memory as it goes: it
  /// should level off, whatever the number of epochs.
  static func long(epochs: Int) throws {
    let setup = try RefSetup(sizes: [2, 2, 1], reference: false)
    var trainer = Trainer(network: setup.network, samples: setup.samples, learningRate: 0.5)
    var done = 0
    var report = max(1, epochs / 5)
    let chunk = 100_000
    let start = Measure.cpu()
    while done < epochs {
      let n = min(chunk, epochs - done)
      trainer.train(epochs: n)
      done += n
      if done >= report || done == epochs {
        print(
          String(
            format:
              "after %11d epochs: resident %.1f MiB, peak %.1f MiB, trail %d points, loss points %d",
            done, Measure.residentMiB(), Measure.peakMiB(), trainer.trail.count,
            trainer.lossHistory.count))
        report += max(1, epochs / 5)
      }
    }
    print(String(format: "%.2f s CPU for %d epochs", Measure.cpu() - start, epochs))
  }
}
