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
    scratch = NSTemporaryDirectory() + "backprop-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(
      atPath: scratch + "/course", withIntermediateDirectories: true)
    try? FileManager.default.createDirectory(
      atPath: scratch + "/outside", withIntermediateDirectories: true)
    try? FileManager.default.createSymbolicLink(
      atPath: scratch + "/course/out", withDestinationPath: "../outside")
    runner = Self.freshRunner(scratch + "/course")
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
    FileManager.default.changeCurrentDirectoryPath(scratch + "/work")
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
    let start = Date()
    let problem = body()
    let elapsed = Date().timeIntervalSince(start)
    if let problem { return problem }
    if elapsed > budget {
      return "slow (\(String(format: "%.1f", elapsed)) s): \(what.debugDescription)"
    }
    return nil
  }

  /// A command line through the headless runner, as `--headless --json` runs it.
  mutating func command(_ line: String) -> String? {
    // Very large networks (where `gradcheck` and a full pass of micro-steps are slow) are left
    // out so that a pass measures everything else; `train` and `epoch` with any count are in,
    // held to `Context.workLimit`.
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
    if runner.state.session.trainer.network.weights.count > 4096 || mutator.chance(2) {
      runner = Self.freshRunner(scratch + "/course")
    }
    return problem ?? outsideCheck(line)
  }

  static func isKnownUnbounded(_ line: String) -> Bool {
    let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let first = words.first else { return false }
    if ["network", "data", "sample", "batch"].contains(
      String(first))
    {
      return words.dropFirst().contains { word in
        word.contains { $0.isNumber }
          && (Double(word.filter { $0.isASCII }).map { $0 > 200 } ?? true)
          || word.contains("x") || word.count > 6
      }
    }
    return false
  }

  /// Confined access must never put a file in `outside` (reached through the link `out`).
  func outsideCheck(_ what: String) -> String? {
    let escaped = (try? FileManager.default.contentsOfDirectory(atPath: scratch + "/outside")) ?? []
    return escaped.isEmpty ? nil : "a confined write escaped (\(escaped)): \(what.debugDescription)"
  }

  static let goodNetwork = String(
    decoding: NetworkFile(trainer: Example.mazur.trainer()).encoded(), as: UTF8.self)

  /// A mutated network file through `NetworkFile`, as `load` reads it.
  mutating func networkFile() -> String? {
    var text = Self.goodNetwork
    for _ in 0..<(1 + mutator.below(3)) { text = mutator.mutate(text) }
    return Self.timed(text, budget: budget) {
      if let file = try? NetworkFile.decode(Data(text.utf8)), let trainer = try? file.trainer() {
        for w in trainer.network.weights where !w.isFinite {
          return "a network file with a non-finite weight was accepted: \(text.debugDescription)"
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
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
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
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return Self.timed(text, budget: budget) {
      var store = ProgressStore(location: .file(path))
      _ = store.takeWarnings()
      return nil
    }
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
