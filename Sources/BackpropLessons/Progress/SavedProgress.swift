import FoundationEssentials

/// The progress file as a headless run finds it: read once, never written.
///
/// Headless runs keep no progress of their own (they must not overwrite the place a student
/// reached in the TUI), so their `progress` reports what the state directory holds instead of an
/// empty in-memory store: where the file is, and each lesson's page or "done".
public struct SavedProgress: Equatable, Sendable {
  /// Where the file is (or would be): `ProgressStore.defaultPath`.
  public var path: String
  /// False when there is no file yet.
  public var exists: Bool
  public var lessons: [String: LessonProgress]
  /// Why an existing file could not be read, if it could not.
  public var problem: String?

  public init(
    path: String, exists: Bool, lessons: [String: LessonProgress], problem: String? = nil
  ) {
    self.path = path
    self.exists = exists
    self.lessons = lessons
    self.problem = problem
  }

  /// Reads the per-user progress file named by `environment` (`$XDG_STATE_HOME`, `$HOME`),
  /// without setting aside a corrupt one or creating anything.
  public static func read(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> SavedProgress {
    let path = ProgressStore.defaultPath(environment: environment)
    guard FileManager.default.fileExists(atPath: path) else {
      return SavedProgress(path: path, exists: false, lessons: [:])
    }
    do {
      return SavedProgress(path: path, exists: true, lessons: try ProgressStore.read(path))
    } catch {
      return SavedProgress(path: path, exists: true, lessons: [:], problem: error.message)
    }
  }

  /// "page 3", "done", or "not started" for the lesson file `fileName`.
  public func status(of fileName: String) -> String {
    guard let p = lessons[fileName] else { return "not started" }
    return p.completed ? "done" : "page \(p.page)"
  }
}
