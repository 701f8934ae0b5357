import BackpropApp
import BackpropCommands
import BackpropEngine
import BackpropLessons
import Foundation

/// Runs generated inputs through the product's own entry points, in process, and checks the
/// invariants issue 10 asks for: no crash (a crash ends the run, with the input on stderr), no
/// input slower than the budget, a failed command changes nothing (compared bit for bit), memory
/// bounded, and confined file access never leaves its folder.
struct Fuzzer {
  var mutator: Mutator
  /// Where files may be written: a scratch folder with a link `out` to a sibling `outside`.
  let scratch: String
  let budget: TimeInterval
  let memoryLimit: Int
  var corpus: [String] = []
  var runner: HeadlessRunner
  var count = 0
  var findings: [String] = []

  init(seed: UInt64, budget: TimeInterval, memoryLimit: Int) {
    mutator = Mutator(seed: seed)
    self.budget = budget
    self.memoryLimit = memoryLimit
    scratch = Self.scratchParent() + "backprop-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(
      atPath: scratch + "/course", withIntermediateDirectories: true)
    try? FileManager.default.createDirectory(
      atPath: scratch + "/outside", withIntermediateDirectories: true)
    try? FileManager.default.createSymbolicLink(
      atPath: scratch + "/course/out", withDestinationPath: "../outside")
    runner = Self.freshRunner(scratch + "/course")
    outsideTime = Self.modificationTime(scratch + "/outside")
    repository = FileManager.default.currentDirectoryPath
    for name in (try? FileManager.default.contentsOfDirectory(atPath: repository + "/lessons"))
      ?? [] where name.hasSuffix(".lesson")
    {
      let text =
        (try? String(contentsOfFile: repository + "/lessons/" + name, encoding: .utf8)) ?? ""
      corpus += text.split(separator: "\n").map(String.init)
    }
    // Typed commands write where they are run (`save FILE`, `record FILE`, `export …`): run them
    // inside the scratch folder, so that fuzzing never litters the folder it was started from.
    try? FileManager.default.createDirectory(
      atPath: scratch + "/work", withIntermediateDirectories: true)
    _ = FileManager.default.changeCurrentDirectoryPath(scratch + "/work")
  }

  /// Where the scratch folder goes: memory (`/dev/shm`) when there is one, since every input
  /// writes a file there and a disk made each write, truncation and `fsync` a real one (a fifth
  /// of the run's time); else the temporary folder. `BACKPROP_FUZZ_TMPDIR` chooses.
  static func scratchParent() -> String {
    if let chosen = ProcessInfo.processInfo.environment["BACKPROP_FUZZ_TMPDIR"], !chosen.isEmpty {
      return chosen.hasSuffix("/") ? chosen : chosen + "/"
    }
    return access("/dev/shm", W_OK) == 0 ? "/dev/shm/" : NSTemporaryDirectory()
  }

  /// The folder the fuzzer was started from (the repository, for its lessons and corpus).
  let repository: String

  static func freshRunner(_ folder: String) -> HeadlessRunner {
    var state = AppState(startScreen: false)
    state.session.fileAccess = .confined(to: folder)
    return HeadlessRunner(state: state, json: true, source: "fuzz")
  }

  func removeScratch() { try? FileManager.default.removeItem(atPath: scratch) }

  /// Everything a failed command must leave alone.
  struct Snapshot: Equatable {
    var trainer: Trainer
    var digits: Int
    var canUndo: Bool
    var canRedo: Bool
  }

  func snapshot() -> Snapshot {
    let s = runner.state.session
    return Snapshot(trainer: s.trainer, digits: s.digits, canUndo: s.canUndo, canRedo: s.canRedo)
  }

  /// Replays the inputs kept under `Tests/FuzzCorpus` (when run from the repository).
  mutating func replayCorpus() -> String? {
    guard
      let text = try? String(
        contentsOfFile: repository + "/Tests/FuzzCorpus/commands.txt", encoding: .utf8)
    else { return nil }
    _ = runner.run("example mazur", lineNumber: 1)
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      count += 1
      if let problem = command(String(line)) { return problem }
    }
    return nil
  }

  /// One input of a kind chosen at random; answers a problem, or nil.
  mutating func runOne() -> String? {
    count += 1
    let kind = mutator.below(100)
    if kind < 88 { return command(Grammar.commandLine(&mutator)) }
    if kind < 94 { return networkFile() }
    if kind < 97 { return lesson(Grammar.lesson(&mutator, corpus: corpus)) }
    return progressFile()
  }

  static func timed(_ what: String, budget: TimeInterval, _ body: () -> String?) -> String? {
    CrashReport.set(what)
    return timed(budget, describing: { what }, body)
  }

  /// Runs `body` against the budget; `what` is worded only when there is something to report.
  static func timed(
    _ budget: TimeInterval, describing what: () -> String, _ body: () -> String?
  ) -> String? {
    let start = Date()
    let problem = body()
    let elapsed = Date().timeIntervalSince(start)
    if let problem { return problem }
    if elapsed > budget {
      return "slow (\(String(format: "%.1f", elapsed)) s): \(what().debugDescription)"
    }
    return nil
  }

  /// A command line through the headless runner, as `--headless --json` runs it.
  mutating func command(_ line: String) -> String? {
    // Very large networks and data sets (where a full pass of micro-steps is slow) are left out
    // so that a pass measures everything else; `train`, `epoch` and `gradcheck` with any count
    // are in, held to `Context.workLimit`.
    if Self.isKnownUnbounded(line) { return nil }
    if line.lowercased().hasPrefix("quit") || line.lowercased().hasPrefix("q ") { return nil }
    let before = snapshot()
    let failuresBefore = runner.failures
    let problem = Self.timed(line, budget: budget) {
      _ = runner.run(line, lineNumber: 1)
      if runner.failures > failuresBefore, !BitwiseEquality.equal(snapshot(), before) {
        return "a failed command changed the session: \(line.debugDescription)"
      }
      return nil
    }
    if runner.state.session.trainer.network.weights.count > Self.largestNetwork
      || runner.state.session.trainer.samples.count > Self.largestDataSet || mutator.chance(2)
    {
      runner = Self.freshRunner(scratch + "/course")
    }
    return problem ?? outsideCheck(line)
  }

  /// The largest network (in weights) and data set (in samples) a generated line may ask for.
  /// Their cost is bounded but grows with them: a pass of micro-steps is explained step by step,
  /// and a debug build (the one `scripts/test` fuzzes with) runs the kernel some 20 times slower
  /// than a release build, which can fuzz larger shapes within the same budget.
  #if DEBUG
    static let largestNetwork = 2_000
    static let largestDataSet = 500
  #else
    static let largestNetwork = 20_000
    static let largestDataSet = 5_000
  #endif

  /// Whether `line` asks for more than `largestNetwork` or `largestDataSet`.
  static func isKnownUnbounded(_ line: String) -> Bool {
    let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let first = words.first else { return false }
    let rest = words.dropFirst()
    switch first {
    case "network", "nn":
      // Layer sizes: a word of numbers between dashes (or any other separators).
      for word in rest where word.first?.isNumber == true {
        let sizes = word.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? .max }
        guard sizes.count >= 2 else { continue }
        var weights = 0
        for (a, b) in zip(sizes, sizes.dropFirst()) {
          let (product, overflow) = a.multipliedReportingOverflow(by: b)
          if overflow { return true }
          weights += product
          if weights > largestNetwork { return true }
        }
      }
      return false
    case "data", "dataset":
      return rest.contains { word in
        word.hasPrefix("n=") && (Int(word.dropFirst(2)).map { $0 > largestDataSet } ?? false)
      }
    case "sample", "batch":
      return rest.contains { word in
        word.contains { $0.isNumber }
          && (Double(word.filter { $0.isASCII }).map { $0 > 200 } ?? true)
          || word.contains("x") || word.count > 6
      }
    default:
      return false
    }
  }

  /// Confined access must never put a file in `outside` (reached through the link `out`).
  ///
  /// Checked after every input, so by the folder's modification time (one `stat`, which any
  /// file created or removed there changes) rather than by listing it; only a change is listed.
  func outsideCheck(_ what: @autoclosure () -> String) -> String? {
    let now = Self.modificationTime(scratch + "/outside")
    guard now.tv_sec != outsideTime.tv_sec || now.tv_nsec != outsideTime.tv_nsec else { return nil }
    let escaped = (try? FileManager.default.contentsOfDirectory(atPath: scratch + "/outside")) ?? []
    return "a confined write escaped (\(escaped)): \(what().debugDescription)"
  }

  /// The folder `outside`'s modification time when the fuzzer made it.
  var outsideTime: timespec = timespec()

  static func modificationTime(_ path: String) -> timespec {
    var info = stat()
    guard stat(path, &info) == 0 else { return timespec() }
    return info.st_mtim
  }

  static let goodNetwork = NetworkFile(trainer: Example.mazur.trainer()).encoded()

  /// A mutated network file through `NetworkFile`, as `load` reads it. The bytes are mutated as
  /// bytes (a corrupted file need not be UTF-8) and worded only for a report.
  mutating func networkFile() -> String? {
    var bytes = Array(Self.goodNetwork)
    for _ in 0..<(1 + mutator.below(3)) { bytes = mutator.mutate(bytes: bytes) }
    CrashReport.set(bytes: bytes)
    let what = { String(decoding: bytes, as: UTF8.self) }
    return Self.timed(budget, describing: what) {
      if let file = try? NetworkFile.decode(Data(bytes)), let trainer = try? file.trainer() {
        for w in trainer.network.weights where !w.isFinite {
          return "a network file with a non-finite weight was accepted: \(what().debugDescription)"
        }
      }
      return nil
    }
  }

  /// A lesson through the parser and the checker, confined to the scratch course folder.
  mutating func lesson(_ text: String) -> String? {
    for line in text.split(separator: "\n") where line.hasPrefix(">") {
      if Self.isKnownUnbounded(String(line.dropFirst()).trimmingCharacters(in: .whitespaces)) {
        return nil
      }
    }
    let path = scratch + "/course/01-fuzz.lesson"
    Self.write(text, to: path)
    let problem = Self.timed(text, budget: budget) {
      for d in LessonChecker.check(file: path) where d.line < 1 || d.column < 1 {
        return "a diagnostic without a position (\(d.message)): \(text.debugDescription)"
      }
      return nil
    }
    return problem ?? outsideCheck(text)
  }

  static let goodProgress = """
    {"format": "backprop-progress", "version": 1, "lessons": {"01-a.lesson": {"page": 2, "completed": false}}}
    """

  /// A mutated progress file through `ProgressStore`, as start-up opens it.
  mutating func progressFile() -> String? {
    let text = mutator.mutate(Self.goodProgress)
    let path = scratch + "/progress.json"
    Self.write(text, to: path)
    return Self.timed(text, budget: budget) {
      var store = ProgressStore(location: .file(path))
      _ = store.takeWarnings()
      return nil
    }
  }

  /// Writes a generated file plainly: `FileManager.createFile` writes atomically, with an
  /// `fsync` and a rename, which made writing the input cost more than checking it.
  static func write(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return }
    var text = text
    text.withUTF8 { bytes in
      var done = 0
      while done < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n <= 0 { break }
        done += n
      }
    }
    close(fd)
  }

  /// Resident memory in bytes (Linux).
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
      return 0
    }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(getpagesize()) : 0
  }

  mutating func checkMemory() -> String? {
    let bytes = Self.residentBytes()
    return bytes > memoryLimit ? "resident memory \(bytes >> 20) MB over the limit" : nil
  }
}
