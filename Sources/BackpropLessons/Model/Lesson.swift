import FoundationEssentials
import BackpropCommands

/// A parsed lesson file: its title, the article section it teaches, and its pages.
///
/// Parsing and running are kept apart: a `Lesson` is plain data that `LessonParser` builds and
/// `LessonRunner` steps through, so the checker, the app and the tests all share one parse.
public struct Lesson: Equatable, Sendable {
  public var title: String
  /// The section of the Wikipedia article the lesson follows, e.g. "Derivation".
  public var section: String
  /// The path as it was given; diagnostics name the file this way.
  public var file: String
  /// The folder the lesson's commands may read and write in (the lesson's own folder).
  public var directory: String
  public var pages: [LessonPage]
  /// Label → index of the page it starts.
  public var labels: [String: Int]
  /// Numbers the prose quotes as illustrations, not engine values (`@illustrative`), exempt from
  /// the prose-number lint, as written.
  public var illustrative: Set<String> = []

  public init(
    title: String, section: String, file: String, directory: String, pages: [LessonPage],
    labels: [String: Int]
  ) {
    self.title = title
    self.section = section
    self.file = file
    self.directory = directory
    self.pages = pages
    self.labels = labels
  }

  /// The file name without folders: how progress is keyed, so moving the course keeps it.
  public var fileName: String { PathText.lastComponent(file) }

  /// The page `next` leads to after page `index` when no question chose a branch, or nil when
  /// the lesson ends there.
  public func pageAfter(_ index: Int) -> Int? {
    switch pages[index].ending {
    case .goto(let label, _, _): return labels[label]
    case .pause, .end: return index + 1 < pages.count ? index + 1 : nil
    }
  }

  /// Reads and parses a lesson file, with the size limit and UTF-8 check of `LessonSource`.
  public static func load(path: String) throws(LessonParseFailure) -> Lesson {
    let text = try LessonSource.read(path: path)
    let absolute = LessonSource.absolutePath(path)
    return try LessonParser.parse(
      text, file: path, directory: PathText.parent(absolute))
  }
}

/// What a student sees between two stops: prose, commands and questions, up to a `@pause`, a
/// `@goto`, the next `@label` or the end of the file.
public struct LessonPage: Equatable, Sendable {
  /// The labels that name this page (jump targets).
  public var labels: [String]
  public var items: [LessonItem]
  public var ending: PageEnding
  /// The line where the page starts, for messages about the page as a whole.
  public var line: Int

  public init(labels: [String], items: [LessonItem], ending: PageEnding, line: Int) {
    self.labels = labels
    self.items = items
    self.ending = ending
    self.line = line
  }

  /// A page that shows nothing (only assertions, or nothing at all) is passed through without
  /// making the student press `next` on an empty screen.
  public var isPassThrough: Bool {
    items.allSatisfy { if case .assertion = $0 { true } else { false } }
  }
}

/// How a page ends.
public enum PageEnding: Equatable, Sendable {
  /// `@pause [PROMPT]`: wait for `next`, then go on to the following page.
  case pause(prompt: String?, line: Int)
  /// `@goto LABEL`: wait for `next`, then go on to the page with that label.
  case goto(label: String, line: Int, column: Int)
  /// The end of the file (or a page cut short by a following `@label`).
  case end
}
