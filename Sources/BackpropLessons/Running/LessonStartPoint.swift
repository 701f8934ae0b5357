/// Where `--lesson FILE --page N` or `--label NAME` opens a lesson, for authors testing a late
/// page without clicking through the ones before it.
///
/// The engine is rebuilt as resuming saved progress rebuilds it: the commands of every page before
/// the start page run in file order (pages that only assert are passed through), so the start
/// page sees the engine those pages leave. Branches are not followed: a page reached only through a
/// menu is started after the pages written above it.
public enum LessonStartPoint: Equatable, Sendable {
  /// A page number, 1-based, as the lesson shows it ("page 9 of 10").
  case page(Int)
  /// A page named by `@label NAME`.
  case label(String)

  /// The page is not in the lesson, or shows nothing to start at.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
      self.message = message
    }
  }

  /// Progress that puts a student at this page: the pages before it as the path walked.
  public func progress(in lesson: Lesson) throws(Failure) -> LessonProgress {
    let index: Int
    switch self {
    case .page(let number):
      guard lesson.pages.indices.contains(number - 1) else {
        throw Failure(
          message:
            "\(lesson.fileName) has no page \(number) (expected a page from 1 to \(lesson.pages.count))"
        )
      }
      index = number - 1
    case .label(let name):
      guard let found = lesson.labels[name] else {
        let known = lesson.labels.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
        throw Failure(
          message:
            "\(lesson.fileName) has no label `\(name)` (expected \(known.isEmpty ? "a lesson with @label lines" : "one of \(known)"))"
        )
      }
      index = found
    }
    guard !lesson.pages[index].isPassThrough else {
      throw Failure(
        message:
          "page \(index + 1) of \(lesson.fileName) shows nothing (only assertions), so a lesson cannot start there (expected page \(index + 2))"
      )
    }
    let path = (0...index).filter { !lesson.pages[$0].isPassThrough }.map { $0 + 1 }
    return LessonProgress(completed: false, page: index + 1, path: path, answers: [:])
  }
}
