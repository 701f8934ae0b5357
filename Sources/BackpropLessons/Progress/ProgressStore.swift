import BackpropCommands
import FoundationEssentials

/// Where each student is in each lesson, kept across runs in one small JSON file per user.
///
/// The file lives at `$XDG_STATE_HOME/backprop/progress.json` (by default
/// `~/.local/state/backprop/progress.json`); lessons are keyed by file name so that moving the
/// course elsewhere keeps the progress. Progress is a convenience, never a reason to stop: a
/// missing file is a fresh start, and an unreadable one is set aside (as `progress.json.corrupt`)
/// with one warning. Every write goes to a temporary file that is then renamed over the old
/// one, so a crash mid-write leaves either the old progress or the new, never half of it.
///
/// The store is a value: `record` and `reset` change what is remembered and answer the
/// `FileOperation`s that save it, which the edges carry out (`LocalFiles` does the atomic
/// write) and report back through `writeFailed`. Only opening a store reads the file, at
/// start-up.
public struct ProgressStore: Sendable {
  public enum Location: Equatable, Sendable {
    case file(String)
    /// Nothing is read or written (`--no-progress`, and tests).
    case memory
  }

  /// What the file holds.
  struct Contents: Codable {
    var format = ProgressStore.formatName
    var version = 1
    var lessons: [String: LessonProgress] = [:]
  }

  static let formatName = "backprop-progress"
  /// A progress file bigger than this is not ours.
  static let sizeLimit = 8 << 20

  public let location: Location
  public private(set) var lessons: [String: LessonProgress] = [:]
  var warnings: [String] = []
  var setAside = false
  var writeFailed = false

  /// Opens the store, reading the file if there is one (at start-up, at the edge).
  public init(location: Location) {
    self.location = location
    guard case .file(let path) = location, FileManager.default.fileExists(atPath: path) else {
      return
    }
    do {
      lessons = try Self.read(path)
    } catch {
      setAside = true
      warnings.append(
        "Your lesson progress in \(path) could not be read (\(error.message)); starting fresh. When progress is next saved the old file is set aside as \(path).corrupt (or .corrupt.1, .corrupt.2, … if that exists)."
      )
    }
  }

  /// A store holding `lessons`, without reading anything.
  public init(location: Location, lessons: [String: LessonProgress]) {
    self.location = location
    self.lessons = lessons
  }

  /// A store that forgets everything when the program ends.
  public static func inMemory() -> ProgressStore { ProgressStore(location: .memory) }

  /// The per-user store, or an in-memory one when `enabled` is false (`--no-progress`).
  public static func standard(
    enabled: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> ProgressStore {
    enabled ? ProgressStore(location: .file(defaultPath(environment: environment))) : inMemory()
  }

  /// `$XDG_STATE_HOME/backprop/progress.json`, or `~/.local/state/backprop/progress.json` when
  /// that is unset or not absolute (as the XDG specification asks).
  public static func defaultPath(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/backprop/progress.json"
    }
    let home =
      environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? FileManager.default.homeDirectoryForCurrentUser.path
    return home + "/.local/state/backprop/progress.json"
  }

  public func progress(for fileName: String) -> LessonProgress? { lessons[fileName] }

  /// Remembers where the student is in a lesson, stamped with `date` when it has no time yet
  /// (the clock is the caller's, so recording stays a pure step), and answers the file
  /// operations that save the store at once.
  public mutating func record(_ progress: LessonProgress, for fileName: String, at date: Date)
    -> [FileOperation]
  {
    var progress = progress
    if progress.updated == nil { progress.updated = date }
    if let old = lessons[fileName], old.completed { progress.completed = true }
    lessons[fileName] = progress
    return save(only: fileName)
  }

  /// Forgets one lesson, or (without a name) every lesson, and answers the operations that save
  /// the store.
  public mutating func reset(_ fileName: String? = nil) -> [FileOperation] {
    if let fileName { lessons[fileName] = nil } else { lessons = [:] }
    return save(only: fileName)
  }

  /// Warnings not shown yet (each problem is reported once).
  public mutating func takeWarnings() -> [String] {
    defer { warnings = [] }
    return warnings
  }

  /// Takes note that a write asked for by `record` or `reset` failed: one warning the first time,
  /// and the store goes on in memory.
  public mutating func writeFailed(_ error: FileError) {
    guard case .file(let path) = location, !writeFailed else { return }
    let reason: String
    switch error {
    case .cannotCreateFolder(let folder): reason = "cannot create \(folder)"
    case .cannotCreate(let temporary): reason = "cannot write \(temporary)"
    case .cannotReplace(let why): reason = why
    case .outsideFolder, .cannotRead: reason = "cannot write it"
    }
    warnings.append(
      "Lesson progress cannot be saved to \(path) (\(reason)); it will be kept only until you quit."
    )
    writeFailed = true
  }

  /// The bytes of the progress file for what is recorded now.
  public var fileContents: Data? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    return try? encoder.encode(Contents(lessons: lessons))
  }

  // MARK: - What other instances wrote

  /// Reading the file again, to see what another instance of the program saved since this one
  /// started (the app asks when the lesson menu is shown again); nil when there is no file to
  /// read, or it was unreadable at start-up and waits to be set aside.
  public var rereadOperation: FileOperation? {
    guard case .file(let path) = location, !setAside else { return nil }
    return .read(path: path)
  }

  /// Merges the file as read again into what is remembered: a lesson only the file has is
  /// added, and of a lesson both have, the entry saved later wins (a lesson completed in either
  /// stays completed, as `record` keeps it). Lessons only this instance has are kept: its writes
  /// merge them into the file. A file that cannot be parsed now changes nothing (the next save
  /// leaves it alone, see `FileOperation.merge`).
  public mutating func mergeReread(_ data: Data) {
    guard let onDisk = try? Self.parse(data) else { return }
    for (name, theirs) in onDisk {
      guard let mine = lessons[name] else {
        lessons[name] = theirs
        continue
      }
      let completed = mine.completed || theirs.completed
      if (theirs.updated ?? .distantPast) > (mine.updated ?? .distantPast) {
        lessons[name] = theirs
      }
      lessons[name]?.completed = completed
    }
  }

  // MARK: - The file

  struct ReadError: Error {
    var message: String
  }

  static func read(_ path: String) throws(ReadError) -> [String: LessonProgress] {
    let data: Data
    switch RegularFile.read(path, limit: sizeLimit) {
    case .success(let bytes): data = bytes
    case .failure(let problem): throw ReadError(message: problem.message)
    }
    return try parse(data)
  }

  static func parse(_ data: Data) throws(ReadError) -> [String: LessonProgress] {
    if data.count > sizeLimit { throw ReadError(message: "it is too large") }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let contents = try? decoder.decode(Contents.self, from: data) else {
      throw ReadError(message: "it is not a progress file")
    }
    guard contents.format == formatName, contents.version == 1 else {
      throw ReadError(message: "format \(contents.format) version \(contents.version) is not known")
    }
    return contents.lessons
  }

  /// The operations that save the store: an unreadable old file is first set aside (once), then
  /// the new contents are written atomically, creating the folder. Saving one lesson's entry
  /// (`only`) merges it into the file as it is on disk now (see `FileOperation.merge`), so two
  /// instances of the program each keep the other's lessons; forgetting everything overwrites.
  mutating func save(only key: String? = nil) -> [FileOperation] {
    guard case .file(let path) = location else { return [] }
    guard let data = fileContents else {
      writeFailed(.cannotCreate(path))
      return []
    }
    var operations: [FileOperation] = []
    if setAside {
      operations.append(.move(from: path, to: path + ".corrupt"))
      setAside = false
    }
    if let key {
      operations.append(.merge(path: path, contents: data, member: "lessons", key: key))
    } else {
      operations.append(.write(path: path, contents: data, createsFolder: true))
    }
    return operations
  }
}
