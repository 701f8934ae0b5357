import Foundation

/// Where each student is in each lesson, kept across runs in one small JSON file per user.
///
/// The file lives at `$XDG_STATE_HOME/backprop/progress.json` (by default
/// `~/.local/state/backprop/progress.json`); lessons are keyed by file name so that moving the
/// course elsewhere keeps the progress. Progress is a convenience, never a reason to stop: a
/// missing file is a fresh start, and an unreadable one is set aside (as `progress.json.corrupt`)
/// with one warning. Every write goes to a temporary file that is then renamed over the old
/// one, so a crash mid-write leaves either the old progress or the new, never half of it.
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

  /// Opens the store, reading the file if there is one.
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
        "Your lesson progress in \(path) could not be read (\(error.message)); starting fresh. The old file will be kept as \(path).corrupt."
      )
    }
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
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/state/backprop/progress.json"
  }

  public func progress(for fileName: String) -> LessonProgress? { lessons[fileName] }

  /// Remembers where the student is in a lesson and saves at once.
  public mutating func record(_ progress: LessonProgress, for fileName: String) {
    var progress = progress
    if progress.updated == nil { progress.updated = Date() }
    if let old = lessons[fileName], old.completed { progress.completed = true }
    lessons[fileName] = progress
    save()
  }

  /// Forgets one lesson, or (without a name) every lesson.
  public mutating func reset(_ fileName: String? = nil) {
    if let fileName { lessons[fileName] = nil } else { lessons = [:] }
    save()
  }

  /// Warnings not shown yet (each problem is reported once).
  public mutating func takeWarnings() -> [String] {
    defer { warnings = [] }
    return warnings
  }

  // MARK: - The file

  struct ReadError: Error {
    var message: String
  }

  static func read(_ path: String) throws(ReadError) -> [String: LessonProgress] {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ReadError(message: "cannot open it")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
    } catch {
      throw ReadError(message: "cannot read it")
    }
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

  mutating func save() {
    guard case .file(let path) = location else { return }
    do throws(ReadError) {
      try write(path)
    } catch {
      if !writeFailed {
        warnings.append(
          "Lesson progress cannot be saved to \(path) (\(error.message)); it will be kept only until you quit."
        )
      }
      writeFailed = true
    }
  }

  mutating func write(_ path: String) throws(ReadError) {
    let directory = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ReadError(message: "cannot create \(directory)")
    }
    if setAside {
      _ = rename(path, path + ".corrupt")
      setAside = false
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(Contents(lessons: lessons)) else {
      throw ReadError(message: "cannot encode it")
    }
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw ReadError(message: "cannot write \(temporary)")
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw ReadError(message: reason)
    }
  }
}
