/// What `backprop check` found: every problem as `file:line:column: message`, and whether the
/// course holds (the exit status is 0 only then).
public struct LessonCheckReport: Equatable, Sendable {
  public var diagnostics: [LessonDiagnostic]
  public var lessonsChecked: Int

  public init(diagnostics: [LessonDiagnostic] = [], lessonsChecked: Int = 0) {
    self.diagnostics = diagnostics
    self.lessonsChecked = lessonsChecked
  }

  /// True when at least one lesson was checked and nothing is wrong.
  public var passed: Bool { diagnostics.isEmpty && lessonsChecked > 0 }

  /// The diagnostics that are problems (not the notes that explain them).
  public var problems: [LessonDiagnostic] { diagnostics.filter { !$0.isNote } }

  /// "2 lessons checked: all assertions and answers hold." or "3 problems in 2 lessons checked."
  public var summary: String {
    let lessons = lessonsChecked == 1 ? "1 lesson" : "\(lessonsChecked) lessons"
    if passed { return "\(lessons) checked: every command runs, every assertion and answer holds." }
    if lessonsChecked == 0 && diagnostics.isEmpty { return "no lessons to check." }
    let problems = self.problems.count == 1 ? "1 problem" : "\(self.problems.count) problems"
    return "\(problems) in \(lessons) checked."
  }
}
