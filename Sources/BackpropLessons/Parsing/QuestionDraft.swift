/// A question while its block is being read, before `@end` checks that it makes sense.
struct QuestionDraft {
  /// What `@answer` said, before it is known which kind of question this is.
  enum Answer {
    case number(
      value: Double?, text: String?, quantity: String?, valueColumn: Int, quantityColumn: Int)
    case letter(Character, column: Int)
    case command(LessonCommand)
  }

  /// Which text a following prose line continues.
  enum Continuation {
    case prompt, hint, right, wrong
  }

  let line: Int
  var prompt: [Prose] = []
  var paragraph: [String] = []
  var paragraphLine = 0
  var options: [ChoiceOption] = []
  var answer: Answer?
  var answerLine = 0
  var tolerance: Tolerance?
  var toleranceColumn = 0
  var toleranceLine = 0
  var hints: [String] = []
  var right: String?
  var wrong: String?
  var onWrong: String?
  var onWrongColumn = 1
  var onWrongLine = 0
  var continuation: Continuation? = .prompt

  init(line: Int) {
    self.line = line
  }

  /// Ends the prompt paragraph being read, if any.
  mutating func endParagraph() {
    guard !paragraph.isEmpty else { return }
    prompt.append(Prose(text: paragraph.joined(separator: " "), line: paragraphLine))
    paragraph = []
  }

  /// Adds a line of prose to whatever it continues; false when it continues nothing.
  mutating func continueText(_ text: String, line: Int) -> Bool {
    switch continuation {
    case .prompt:
      if paragraph.isEmpty { paragraphLine = line }
      paragraph.append(text)
    case .hint: hints[hints.count - 1] += " " + text
    case .right: right = (right ?? "") + " " + text
    case .wrong: wrong = (wrong ?? "") + " " + text
    case nil: return false
    }
    return true
  }

  /// A blank line: ends a paragraph of the prompt, or the text a directive started.
  mutating func blankLine() {
    endParagraph()
    if continuation != .prompt { continuation = nil }
  }

  /// Any directive or option ends the prompt.
  mutating func leavePrompt() {
    endParagraph()
    continuation = nil
  }
}
