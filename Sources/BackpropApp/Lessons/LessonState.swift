import FoundationEssentials
import BackpropCommands
import BackpropLessons

/// The lessons as the app sees them: the course, progress, and the lesson being taken.
public struct LessonState: Sendable {
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

  public enum Kind: Sendable {
    case prose, display, command, output, question, feedback, error, heading
  }

  public var catalog: [Entry] = []
  /// Said once on the start screen (e.g. a corrupt progress file, a lesson that does not parse).
  public var warning: String?
  var entries: [LessonEntry] = []
  var store: ProgressStore = .inMemory()
  var runner: LessonRunner<AppLessonHost>?
  var activeFileName: String?
  /// The student has answered or typed something on this page: the unscrolled lesson pane shows
  /// the end of the page (the reveal, the output) rather than its top.
  public var followsEnd = false
  /// The student pressed Esc at a question: keys are shortcuts again until they type.
  public var answerLineDismissed = false
  /// The time as the edges last said, for stamping progress: they set it before each message,
  /// so `update` never reads the clock.
  public var now = Date(timeIntervalSince1970: 0)
  /// The networks lessons saved during this run, by path, for their own `load`s (see
  /// `AppLessonHost`).
  var savedFiles: [String: Data] = [:]
  /// The errors of a lesson that could not be opened, shown in the lesson pane in place of a
  /// page (see `LessonErrorPage`); empty once a lesson opens.
  var errorPage: [String] = []
  /// Headless runs: the progress file as found at start-up, which `progress` reports (the
  /// store itself is in memory there, so nothing is written).
  public var savedProgress: SavedProgress?

  public init() {}

  /// Finds the course (see `LessonLibrary.locate`) and reads progress. With `parsing` false
  /// (what the app does at start-up, to be quick), only each lesson's title and section are read;
  /// a lesson is then parsed when it is opened, through a file effect (see
  /// `LessonController.opened`), and a broken lesson shows its errors then.
  public static func load(
    lessonsDirectory: String?, progressEnabled: Bool,
    environment: [String: String] = ProcessInfo.processInfo.environment, parsing: Bool = true
  ) -> LessonState {
    var state = LessonState()
    state.store = ProgressStore.standard(enabled: progressEnabled, environment: environment)
    let location = LessonLibrary.locate(explicit: lessonsDirectory)
    do {
      let library = try LessonLibrary.load(directory: location.directory, parsing: parsing)
      state.entries = library.entries
    } catch {
      state.warning = "no lessons found in \(location.directory): \(error)"
    }
    var warnings = state.store.takeWarnings()
    let broken = state.entries.filter { !$0.isValid }
    if !broken.isEmpty {
      warnings.append("\(broken.count) lesson file(s) have errors: run `backprop check`")
    }
    if !warnings.isEmpty {
      state.warning = (state.warning.map { [$0] } ?? []).joined() + warnings.joined(separator: "; ")
    }
    state.refreshCatalog()
    return state
  }

  mutating func refreshCatalog() {
    catalog = entries.map { entry in
      let progress: String
      if !entry.isValid {
        progress = "has errors"
      } else if let p = store.progress(for: entry.fileName) {
        progress = p.completed ? "done" : "page \(p.page)"
      } else {
        progress = "not started"
      }
      return Entry(
        number: entry.number, title: entry.title, section: entry.section, progress: progress,
        path: entry.path)
    }
  }

  public var activeTitle: String? { runner?.lesson.title }
  public var progressText: String? { runner.map { "page \($0.pageNumber) of \($0.pageCount)" } }
  public var isWaitingForTypedAnswer: Bool { runner?.isWaitingForAnswer ?? false }
  /// The question waiting for an answer, if any.
  var waitingQuestion: Question? { isWaitingForTypedAnswer ? runner?.currentQuestion : nil }
  /// Whether keys should go to the answer line now.
  public var capturesKeys: Bool { isWaitingForTypedAnswer && !answerLineDismissed }
  public var hasUnfinishedLesson: Bool { runner.map { !$0.isFinished } ?? false }

  /// The current page for the lesson pane, typed for styling, with the same marks as the
  /// headless transcript (? question, ✓ right, ✗ wrong, Hint:, →) and a blank line between
  /// blocks.
  public var pageLines: [(String, Kind)] {
    guard let runner else {
      // The first line says what is wrong, the diagnostics are errors, the last says what next.
      return errorPage.enumerated().map { k, text in
        (text, k == 0 ? .heading : k == errorPage.count - 1 ? .prose : .error)
      }
    }
    var out: [(String, Kind)] = []
    var previousGroup: Int?
    for line in runner.lines {
      let (text, kind, group): (String, Kind, Int)
      switch line.kind {
      case .prose: (text, kind, group) = (line.text, .prose, 0)
      case .display: (text, kind, group) = ("  " + line.text, .display, 1)
      case .note: (text, kind, group) = ("· " + line.text, .prose, 2)
      case .command: (text, kind, group) = ("> " + line.text, .command, 3)
      case .output: (text, kind, group) = (line.text, .output, 3)
      case .error: (text, kind, group) = ("error: " + line.text, .error, 3)
      case .question: (text, kind, group) = ("? " + line.text, .question, 4)
      case .option: (text, kind, group) = ("   " + line.text, .question, 4)
      case .response: (text, kind, group) = ("» " + line.text, .command, 5)
      case .right: (text, kind, group) = ("✓ " + line.text, .feedback, 5)
      case .wrong: (text, kind, group) = ("✗ " + line.text, .feedback, 5)
      case .hint: (text, kind, group) = ("Hint: " + line.text, .feedback, 5)
      case .answer: (text, kind, group) = ("→ " + line.text, .feedback, 5)
      case .pause: (text, kind, group) = ("[" + line.text + "]", .heading, 6)
      case .end: (text, kind, group) = ("— " + line.text + " —", .heading, 6)
      }
      // A new block (or a new paragraph of prose) gets a blank line before it.
      if let p = previousGroup, p != group || group == 0 || (group == 3 && line.kind == .command) {
        out.append(("", .prose))
      }
      out.append((text, kind))
      previousGroup = group
    }
    return out
  }
}
