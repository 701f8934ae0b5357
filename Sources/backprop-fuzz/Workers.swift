import Foundation

/// `--jobs N`: N copies of the fuzzer as separate processes, each with its own seed (`seed`,
/// `seed + 1`, …) and its own scratch folder, so that a crash in one is reported with the seed
/// that reproduces it alone while the others finish. The total is the sum of what each worker
/// reports having run; nothing is counted twice, since each seed is its own sequence of inputs.
struct Workers {
  let jobs: Int
  let seed: UInt64
  let seconds: Double?
  let count: Int
  let budget: Double

  /// Runs the workers to the end; answers the exit status (1 if any worker found something).
  func run() -> Int32 {
    let start = Date()
    var running: [(seed: UInt64, process: Process, output: Pipe)] = []
    for k in 0..<jobs {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
      if !FileManager.default.fileExists(atPath: process.executableURL!.path) {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      }
      let workerSeed = seed &+ UInt64(k)
      var arguments = ["--seed", "\(workerSeed)", "--budget", "\(budget)"]
      if let seconds {
        arguments += ["--seconds", "\(seconds)"]
      } else {
        // The count split evenly, the remainder to the first workers.
        arguments += ["--count", "\(count / jobs + (k < count % jobs ? 1 : 0))"]
      }
      process.arguments = arguments
      let output = Pipe()
      process.standardOutput = output
      do {
        try process.run()
      } catch {
        print("backprop-fuzz: could not start worker \(k + 1): \(error)")
        return 2
      }
      running.append((workerSeed, process, output))
    }
    var total = 0
    var status: Int32 = 0
    for worker in running {
      let text = String(
        decoding: worker.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      worker.process.waitUntilExit()
      print(text, terminator: "")
      if worker.process.terminationStatus != 0 || worker.process.terminationReason != .exit {
        status = 1
        if text.isEmpty {
          print("backprop-fuzz: worker with seed \(worker.seed) died (see its input on stderr)")
        }
      }
      total += Self.inputs(in: text) ?? 0
    }
    let elapsed = Date().timeIntervalSince(start)
    print(
      "backprop-fuzz: \(jobs) workers (seeds \(seed)…\(seed &+ UInt64(jobs - 1)), \(ProcessInfo.processInfo.activeProcessorCount) cores): \(total) inputs in \(String(format: "%.1f", elapsed)) s\(status == 0 ? ", no findings" : "")"
    )
    return status
  }

  /// The number of inputs a worker reports: "… N inputs in …" or "…, input N (after …".
  static func inputs(in text: String) -> Int? {
    for line in text.split(separator: "\n").reversed() {
      let words = line.split(separator: " ")
      for (k, word) in words.enumerated() {
        if word == "inputs", k > 0, let n = Int(words[k - 1]) { return n }
        if word == "input", k + 1 < words.count, let n = Int(words[k + 1]) { return n }
      }
    }
    return nil
  }
}
