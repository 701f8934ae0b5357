import BackpropEngine
import Foundation

/// `swift run -c release backprop-bench [FLAGS]`: the figures of the engine, one workload per
/// flag so that they can be compared with ref.c (`scripts/bench-ratio` prints the ratios).
///
/// Figures, not pass/fail: the closing notes quote them, and a regression shows as a smaller
/// number here rather than as a flaky timed test.
let usage = """
  usage: backprop-bench [FLAG …]      (no flag: --train for the three XOR sizes, then --frames)
    --train SHAPE        2-2-1 | 2-16-16-1 | 2-64-64-1 | 784-30-10 (any shape): train and print
                         sample_steps_per_s and the final loss, as ref.c does
    --epochs N           epochs for --train (default: about a second of work)
    --samples N          samples for the random task (shapes other than 2-…-1; default 1000)
    --init ref|seeded    ref: ref.c's initial weights (default); seeded: `randomize(seed: 1)`
    --train-command N    headless `train N` on XOR versus the kernel alone
    --train-job N        a TUI `train N` job on 2-256-256-1 with 1,000 samples (slices of
                         samples: an epoch is more than a slice), on 2-1000-1000-1 (an epoch
                         more than one command may do) and on XOR (many epochs a slice),
                         versus the kernel alone
    --train-long N       `train N` on XOR in TUI-sized chunks, printing memory as it goes
    --steps N,N,…        N `step` commands on Mazur for each N (history scaling)
    --keypress N         keypress handling after N keypresses
    --stepping-memory N  peak memory stepping a 2-60-60-1 net with N × `step 500`
    --session N          peak memory of a TUI session of N commands
    --frames             keypress + full render, surface plot, first frame
  """

let arguments = Array(CommandLine.arguments.dropFirst())
func value(after flag: String) -> String? {
  guard let k = arguments.firstIndex(of: flag), k + 1 < arguments.count else { return nil }
  return arguments[k + 1]
}
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("backprop-bench: \(message)\n\(usage)\n".utf8))
  exit(2)
}
func sizes(_ text: String) -> [Int] {
  let parts = text.split(whereSeparator: { $0 == "-" || $0 == "," }).map { Int($0) }
  guard parts.count >= 2, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { fail("bad shape `\(text)`") }
  return parts.map { $0! }
}

#if DEBUG
  print("note: this is a debug build; use `swift run -c release backprop-bench` for real figures")
#endif

if arguments.contains("--help") || arguments.contains("-h") {
  print(usage)
  exit(0)
}
let reference = (value(after: "--init") ?? "ref") == "ref"
let sampleCount = value(after: "--samples").flatMap(Int.init) ?? 1000
var ran = false
do {
  if let shape = value(after: "--train") {
    let s = sizes(shape)
    let epochs = value(after: "--epochs").flatMap(Int.init) ?? TrainBench.defaultEpochs(s)
    try TrainBench.run(sizes: s, epochs: epochs, reference: reference, samples: sampleCount)
    ran = true
  }
  if let n = value(after: "--train-job").flatMap(Int.init) {
    TrainBench.job(epochs: n, setup: ["network 2-256-256-1 seed=1", "data spiral n=1000"])
    TrainBench.job(epochs: 1, setup: ["network 2-1000-1000-1 seed=1", "data spiral n=1000"])
    TrainBench.job(
      epochs: n * 10_000, setup: ["network 2-2-1 logistic seed=1", "data xor", "set eta 0.5"])
    ran = true
  }
  if let n = value(after: "--train-command").flatMap(Int.init) {
    try TrainBench.command(epochs: n)
    ran = true
  }
  if let n = value(after: "--train-long").flatMap(Int.init) {
    try TrainBench.long(epochs: n)
    ran = true
  }
  if let list = value(after: "--steps") {
    HistoryBench.steps(list.split(separator: ",").compactMap { Int($0) })
    ran = true
  }
  if let n = value(after: "--keypress").flatMap(Int.init) {
    HistoryBench.keypress(after: n)
    ran = true
  }
  if let n = value(after: "--stepping-memory").flatMap(Int.init) {
    HistoryBench.memory(stepCommands: n)
    ran = true
  }
  if let n = value(after: "--session").flatMap(Int.init) {
    HistoryBench.session(commands: n)
    ran = true
  }
  if arguments.contains("--frames") {
    FrameBench.run()
    ran = true
  }
  if !ran {
    if !arguments.isEmpty { fail("unknown flags \(arguments.joined(separator: " "))") }
    for s in [[2, 2, 1], [2, 16, 16, 1], [2, 64, 64, 1]] {
      try TrainBench.run(
        sizes: s, epochs: TrainBench.defaultEpochs(s) / 4, reference: true, samples: 1000)
    }
    FrameBench.run()
  }
} catch {
  fail("\(error)")
}
print(String(format: "peak memory: %.1f MiB", Measure.peakMiB()))
