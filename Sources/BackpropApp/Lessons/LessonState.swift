import BackpropCommands

/// The lessons as the app sees them: the menu, and the lesson being taken (if any).
public struct LessonState: Sendable {
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

  public var catalog: [Entry] = []
  public var warning: String?
  public var activeTitle: String?
  public var progressText: String?
  public var isWaitingForTypedAnswer = false
  public var hasUnfinishedLesson = false
  public var active: Int?
  /// Lines of the current page for the lesson pane.
  public var pageLines: [(String, Kind)] = []

  public enum Kind: Sendable { case prose, command, output, question, feedback, error, heading }

  public init() {}
}
