import Foundation

/// backprop-fuzz [--seed N] [--seconds N | --count N] [--budget S] [--jobs N]
///
/// Generates seeded random and mutated command lines, lesson files, network files and progress
/// files and runs them through the product's own entry points in process (see `Fuzzer`). Exits 1
/// on the first finding, printing it with the seed and input number that reproduce it. With
/// `--jobs N`, N worker processes run at once with seeds S, S+1, … (S from `--seed`; see `Workers`).
var seed: UInt64 = 1
var seconds: Double? = nil
var count = 20_000
var budget = 2.0
var jobs = 1
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  let value = arguments.popFirst() ?? ""
  switch flag {
  case "--seed": seed = UInt64(value) ?? 1
  case "--seconds": seconds = Double(value)
  case "--count": count = Int(value) ?? count
  case "--budget": budget = Double(value) ?? budget
  case "--jobs": jobs = max(1, min(64, Int(value) ?? 1))
  default:
    FileHandle.standardError.write(
      Data(
        "usage: backprop-fuzz [--seed N] [--seconds N | --count N] [--budget SECONDS] [--jobs N]\n"
          .utf8))
    exit(2)
  }
}
if jobs > 1 {
  exit(Workers(jobs: jobs, seed: seed, seconds: seconds, count: count, budget: budget).run())
}
CrashReport.install()
var fuzzer = Fuzzer(seed: seed, budget: budget, memoryLimit: 2 << 30)
defer { fuzzer.removeScratch() }
let start = Date()
var problem: String? = fuzzer.replayCorpus()
while problem == nil {
  if let seconds {
    if Date().timeIntervalSince(start) >= seconds { break }
  } else if fuzzer.count >= count {
    break
  }
  problem = fuzzer.runOne()
  if problem == nil, fuzzer.count % 1000 == 0 { problem = fuzzer.checkMemory() }
}
let elapsed = Date().timeIntervalSince(start)
if let problem {
  print(
    "backprop-fuzz: seed \(seed), input \(fuzzer.count) (after \(String(format: "%.1f", elapsed)) s): \(problem)"
  )
  fuzzer.removeScratch()
  exit(1)
}
print(
  "backprop-fuzz: seed \(seed): \(fuzzer.count) inputs in \(String(format: "%.1f", elapsed)) s, no findings"
)
