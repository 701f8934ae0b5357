import FoundationEssentials
import BackpropCommands

/// What a student can do in a lesson.
public enum LessonInput: Equatable, Sendable {
  /// Go on to the next page (after the pause at the end of this one).
  case next
  /// Go back a page, with the engine as it was there.
  case previous
  /// Show this page again from its start, with the engine as it was there.
  case repeatPage
  /// An answer to the waiting question: a number, an option letter, or a command.
  case answer(String)
  case hint
  case skip
  /// A command the student runs to explore; the lesson puts the engine back to its own state
  /// when it goes on, so exploring never breaks the pages that follow.
  case command(String)

  /// Reads a line typed at the lesson prompt (or read from stdin by the headless runner).
  ///
  /// An empty line means `next`; the lesson words of the command table (`next`, `previous`,
  /// `repeat`, `hint`, `skip`, `answer X`, with their aliases) steer the lesson; anything else is
  /// an answer while a question waits, and a command otherwise. A bare `a` is the option a), not
  /// `answer`.
  public static func parse(_ line: String, waitingForAnswer: Bool) -> LessonInput {
    let text = line.trimmed()
    guard !text.isEmpty else { return .next }
    let word = String(text.prefix { $0 != " " && $0 != "\t" })
    let rest = String(text.dropFirst(word.count)).trimmed()
    switch CommandSpec.named(word) {
    case .next? where rest.isEmpty: return .next
    case .previous? where rest.isEmpty: return .previous
    case .repeat? where rest.isEmpty: return .repeatPage
    case .hint? where rest.isEmpty: return .hint
    case .skip? where rest.isEmpty: return .skip
    case .answer? where !rest.isEmpty: return .answer(rest)
    // Every other word, known or not, is an answer or a command to explore with.
    default: return waitingForAnswer ? .answer(text) : .command(text)
    }
  }

  /// Reads a line while `question` waits (nil: none waits).
  ///
  /// A question that asks for a number or an option letter cannot be answered by a command, so
  /// a line that starts with a command of the language (`show`, `get o_5`, `step`, …) explores
  /// instead of being judged as a wrong answer; a bare letter or a number is still an answer.
  /// A question whose answer is a command takes every line as its answer.
  public static func parse(_ line: String, waitingFor question: Question?) -> LessonInput {
    let input = parse(line, waitingForAnswer: question != nil)
    guard let question, case .answer(let text) = input else { return input }
    if case .command = question.kind { return input }
    let word = String(text.prefix { $0 != " " && $0 != "\t" })
    let isPossibleAnswer = word.count <= 1 || NumberParser.parse(word) != nil
    if !isPossibleAnswer, CommandSpec.named(word) != nil { return .command(text) }
    return input
  }
}
