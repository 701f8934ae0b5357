import FoundationEssentials

/// How far one student got in one lesson.
public struct LessonProgress: Codable, Equatable, Sendable {
  public var completed: Bool
  /// The page the student was on (1-based, as shown).
  public var page: Int
  /// The pages visited from the first to the current one (1-based): what `previous` walks back
  /// along, and what resuming replays.
  public var path: [Int]
  /// The answers tried, by the line of the question in the lesson file.
  public var answers: [String: [String]]
  public var updated: Date?

  public init(
    completed: Bool = false, page: Int = 1, path: [Int] = [], answers: [String: [String]] = [:],
    updated: Date? = nil
  ) {
    self.completed = completed
    self.page = page
    self.path = path
    self.answers = answers
    self.updated = updated
  }
}
