import BackpropEngine
import FoundationEssentials

/// A lesson as a Markdown handout for paper or a course page: the prose, every command with the
/// output the engine really gave, the questions with room for the answer, and (on request) an
/// answer key with the values the engine computed.
///
/// Nothing is written from the lesson file alone: the lesson is run by `LessonChecker`, exactly
/// as `backprop check` runs it, and each page is printed as the first checked path showed it.
/// So a lesson that does not check has no handout; its diagnostics are the failure. Pages come
/// in file order, remedial pages included, with "go on to page N" where the lesson jumps, since
/// a reader of paper cannot be sent anywhere.
public enum LessonHandout {
  /// Why there is no handout: the same diagnostics `backprop check` prints for the lesson.
  public struct Failure: Error, Equatable, Sendable {
    public var diagnostics: [LessonDiagnostic]
  }

  /// Reads, parses, checks and renders the lesson file at `path`.
  public static func markdown(file path: String, answers: Bool) -> Result<String, Failure> {
    let lesson: Lesson
    do { lesson = try Lesson.load(path: path) } catch {
      // The checker's own words for a file that does not parse (with its closing note).
      return .failure(Failure(diagnostics: LessonChecker.check(file: path)))
    }
    return markdown(lesson, answers: answers)
  }

  /// Checks and renders a parsed lesson.
  public static func markdown(
    _ lesson: Lesson, answers: Bool, host: HeadlessLessonHost = HeadlessLessonHost()
  ) -> Result<String, Failure> {
    var shown: [Int: [LessonLine]] = [:]
    var computed: [Int: Double] = [:]
    let diagnostics = LessonChecker.check(lesson, host: host) { page, runner in
      if shown[page] == nil { shown[page] = runner.lines }
      computed.merge(runner.computedAnswers) { first, _ in first }
    }
    guard diagnostics.isEmpty else { return .failure(Failure(diagnostics: diagnostics)) }
    var writer = MarkdownWriter(lesson: lesson, computed: computed)
    writer.title()
    for index in lesson.pages.indices {
      guard let lines = shown[index] else { continue }
      writer.page(index, lines: lines)
    }
    if answers { writer.answerKey() }
    return .success(writer.finished)
  }
}
