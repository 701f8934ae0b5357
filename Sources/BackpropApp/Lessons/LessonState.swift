import BackpropCommands
import BackpropLessons

/// The lessons as the app sees them: the course, progress, and the lesson being taken.
public struct LessonState: @unchecked Sendable {
  /// One row of the lesson menu.
  public struct Entry: Equatable, Sendable {
    public var number: Int?
    public var title: String
    public var section: String
    public var progress: String
    public var path: String

    public init(number: Int?, title: String, section: String, progress: String, path: String) {
      self.number = number
      self.title = title
      self.section = section
      self.progress = progress
      self.path = path
    }
  }

  public enum Kind: Sendable { case prose, command, output, question, feedback, error, heading }

  public var catalog: [Entry] = []
  /// Said once on the start screen (e.g. a corrupt progress file, a lesson that does not parse).
  public var warning: String?
  var entries: [LessonEntry] = []
  var store: ProgressStore = .inMemory()
  var runner: LessonRunner<AppLessonHost>?
  var activeFileName: String?

  public init() {}

  /// Finds the course (see `LessonLibrary.locate`) and reads progress.
  public static func load(lessonsDirectory: String?, progressEnabled: Bool) -> LessonState {
    var state = LessonState()
    state.store = ProgressStore.standard(enabled: progressEnabled)
    let location = LessonLibrary.locate(explicit: lessonsDirectory)
    do {
      let library = try LessonLibrary.load(directory: location.directory)
      state.entries = library.entries
    } catch {
      state.warning = "no lessons found in \(location.directory): \(error)"
    }
    var warnings = state.store.takeWarnings()
    let broken = state.entries.filter { !$0.isValid }
    if !broken.isEmpty { warnings.append("\(broken.count) lesson file(s) have errors: run `backprop check`") }
    if !warnings.isEmpty { state.warning = (state.warning.map { [$0] } ?? []).joined() + warnings.joined(separator: "; ") }
    state.refreshCatalog()
    return state
  }

  mutating func refreshCatalog() {
    catalog = entries.map { entry in
      let progress: String
      if !entry.isValid {
        progress = "has errors"
      } else if let p = store.progress(for: entry.fileName) {
        progress = p.completed ? "done" : "page \(p.page + 1)"
      } else {
        progress = "not started"
      }
      return Entry(number: entry.number, title: entry.title, section: entry.section, progress: progress, path: entry.path)
    }
  }

  public var activeTitle: String? { runner?.lesson.title }
  public var progressText: String? { runner.map { "page \($0.pageNumber) of \($0.pageCount)" } }
  public var isWaitingForTypedAnswer: Bool { runner?.isWaitingForAnswer ?? false }
  public var hasUnfinishedLesson: Bool { runner.map { !$0.isFinished } ?? false }
  public var active: Int? { runner == nil ? nil : 0 }

  /// The current page for the lesson pane, typed for styling.
  public var pageLines: [(String, Kind)] {
    guard let runner else { return [] }
    return runner.lines.map { line in
      switch line.kind {
      case .prose, .display, .note: return (line.text, .prose)
      case .command: return ("> " + line.text, .command)
      case .output: return (line.text, .output)
      case .error: return (line.text, .error)
      case .question, .option: return (line.text, .question)
      case .response: return ("» " + line.text, .command)
      case .right, .wrong, .hint, .answer: return (line.text, .feedback)
      case .pause, .end: return (line.text, .heading)
      }
    }
  }
}
