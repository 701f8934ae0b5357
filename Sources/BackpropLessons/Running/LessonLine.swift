/// One line of what a lesson page shows, typed so that each view can style it (and the
/// transcript can prefix it) without parsing text.
///
/// Prose and questions are whole paragraphs: views wrap them to their pane; display lines,
/// commands and their output are shown as they are.
public struct LessonLine: Equatable, Sendable {
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    /// A paragraph of the lesson's text.
    case prose
    /// A line kept as written (a formula).
    case display
    /// A command the lesson (or the student) ran, as typed.
    case command
    /// What a command printed.
    case output
    /// A command that failed, or an answer that could not be read.
    case error
    /// A paragraph of a question.
    case question
    /// "b) w1 = −w2".
    case option
    /// What the student answered.
    case response
    /// Feedback on a right answer.
    case right
    /// Feedback on a wrong answer.
    case wrong
    case hint
    /// The answer, revealed after the last hint or on `skip`.
    case answer
    /// Anything else the lesson tells the student ("This is the first page.").
    case note
    /// The prompt at the end of a page.
    case pause
    /// The end of the lesson.
    case end
  }

  public var kind: Kind
  public var text: String

  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}
