import BackpropCommands
import BackpropEngine
import FoundationEssentials

/// Asking, judging, hinting and revealing.
///
/// A wrong try shows the `@wrong` feedback and the next hint; when there is no hint left the
/// answer is revealed and the lesson goes on. `hint` shows the next hint without costing a try,
/// and `skip` reveals the answer at once. An answer that cannot even be read (a word where a
/// number is expected) is not counted as a try.
extension LessonRunner {
  enum Verdict {
    case right(option: Int?)
    case wrong
    case unreadable(String)
  }

  mutating func ask(_ question: Question, host: Host) {
    for prose in question.prompt {
      lines.append(LessonLine(prose.isDisplay ? .display : .question, prose.text))
    }
    if case .choice(let options, _) = question.kind {
      for option in options { lines.append(LessonLine(.option, option.display)) }
    }
    var open = OpenQuestion(question: question, snapshot: host.snapshot())
    if case .number(let answer) = question.kind {
      open.expected = expectedValue(answer, host: host)
    }
    self.open = open
    status = .waitingForAnswer
  }

  /// The engine's value if it is known now, else the stored number (checked later, when a
  /// command on the page computes the quantity).
  mutating func expectedValue(_ answer: NumericAnswer, host: Host) -> Double? {
    guard let name = answer.quantity else { return answer.value }
    do {
      let value = try host.value(named: name)
      computedAnswers[answer.line] = value
      if let stored = answer.value, let text = answer.text {
        reportMismatch(text, stored, name, value, line: answer.line, column: answer.valueColumn)
      }
      return value
    } catch {
      guard let stored = answer.value, let text = answer.text else {
        problem(
          answer.line, answer.quantityColumn,
          "\(name) is not known when this question is asked (\(error.message)); expected the number as well, e.g. `@answer 0.75 = \(name)`"
        )
        return nil
      }
      pending.append(
        PendingCheck(
          quantity: name, value: stored, text: text, line: answer.line, column: answer.valueColumn,
          lastError: error.message))
      return stored
    }
  }

  mutating func answer(_ raw: String, host: inout Host) {
    guard status == .waitingForAnswer, var open else {
      note(
        status == .finished
          ? "The lesson is over."
          : "There is no question waiting for an answer; type `next` to go on.")
      return
    }
    let text = raw.trimmed()
    guard !text.isEmpty else {
      note("Type your answer, or `hint`, or `skip`.")
      return
    }
    answersTried[open.question.line, default: []].append(text)
    lines.append(LessonLine(.response, text))
    switch judge(text, open) {
    case .unreadable(let message):
      lines.append(LessonLine(.error, message))
    case .right(let option):
      // A menu has no right answer to praise; its choice speaks for itself.
      if let right = open.question.right ?? (open.question.isMenu ? nil : "Right.") {
        lines.append(LessonLine(.right, right))
      }
      resolve(open, rightFirstTime: open.wrongTries == 0, option: option, typed: text, host: &host)
    case .wrong:
      open.wrongTries += 1
      if hasWrongSign(text, open) {
        // The most common slip with δ: the right size with the sign turned over.
        lines.append(
          LessonLine(
            .wrong,
            "The size is right but the sign is wrong: check which way round the difference goes (o − t or t − o) and the sign of each factor."
          ))
        if let wrong = open.question.wrong { lines.append(LessonLine(.wrong, wrong)) }
      } else {
        lines.append(LessonLine(.wrong, open.question.wrong ?? "Not quite."))
      }
      if open.hintsShown < open.question.hints.count {
        lines.append(LessonLine(.hint, open.question.hints[open.hintsShown]))
        open.hintsShown += 1
        self.open = open
      } else {
        lines.append(LessonLine(.answer, reveal(open)))
        resolve(open, rightFirstTime: false, option: nil, typed: nil, host: &host)
      }
    }
  }

  /// Whether a wrong numeric answer would be right with its sign turned over.
  func hasWrongSign(_ text: String, _ open: OpenQuestion) -> Bool {
    guard case .number(let answer) = open.question.kind, let expected = open.expected,
      expected != 0,
      let given = NumberParser.parse(text)
        ?? NumberParser.parse(text.replacing(",", with: ".")),
      given != 0
    else { return false }
    return answer.tolerance.accepts(-given, expected)
  }

  func judge(_ text: String, _ open: OpenQuestion) -> Verdict {
    switch open.question.kind {
    case .number(let answer):
      guard let given = Self.answerNumber(text) else {
        return .unreadable(
          "`\(text)` is not a number; type a number such as 0.75 or 1/4 (or `hint`, or `skip`).")
      }
      guard let expected = open.expected else { return .right(option: nil) }
      return answer.tolerance.accepts(given, expected) ? .right(option: nil) : .wrong
    case .choice(let options, let answer):
      guard let index = Self.option(text, in: options) else {
        let letters = options.map { String($0.letter) }.joined(separator: ", ")
        return .unreadable("Choose one of \(letters).")
      }
      guard let answer else { return .right(option: index) }
      return index == answer ? .right(option: index) : .wrong
    case .command(let expected):
      return CommandMatcher.matches(text, expected.text) ? .right(option: nil) : .wrong
    }
  }

  /// A typed number: `0.75`, `0,75` (a decimal comma), or a fraction such as `1/4` or `-3/8`,
  /// which is how a student often works a value out by hand.
  static func answerNumber(_ text: String) -> Double? {
    let t = text.trimmed().replacing(" ", with: "")
    if let v = NumberParser.parse(t)
      ?? NumberParser.parse(t.replacing(",", with: "."))
    {
      return v
    }
    let parts = t.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let top = NumberParser.parse(String(parts[0])),
      let bottom = NumberParser.parse(String(parts[1])), bottom != 0
    else { return nil }
    let value = top / bottom
    return value.isFinite ? value : nil
  }

  /// The option a student means by `b`, `B`, `b)`, `2` or the option's own text.
  static func option(_ text: String, in options: [ChoiceOption]) -> Int? {
    let t = text.lowercased().trimmed(of: " ).")
    if t.count == 1, let index = options.firstIndex(where: { String($0.letter) == t }) {
      return index
    }
    if let n = Int(t), n >= 1, n <= options.count { return n - 1 }
    return options.firstIndex { $0.text.lowercased() == text.lowercased() }
  }

  mutating func hint() {
    guard status == .waitingForAnswer, var open else {
      note("There is no question waiting, so there is no hint.")
      return
    }
    if open.hintsShown < open.question.hints.count {
      lines.append(LessonLine(.hint, open.question.hints[open.hintsShown]))
      open.hintsShown += 1
      self.open = open
    } else {
      note(
        open.question.hints.isEmpty
          ? "This question has no hints; `skip` shows the answer."
          : "No more hints; `skip` shows the answer.")
    }
  }

  mutating func skip(host: inout Host) {
    guard status == .waitingForAnswer, let open else {
      note("There is no question to skip; type `next` to go on.")
      return
    }
    if open.question.isMenu {
      guard skipTakesFirstOption, case .choice(let options, _) = open.question.kind,
        let first = options.first
      else {
        note("Choose one of the options to go on.")
        return
      }
      note("Skipped: taking option \(first.letter)).")
      answer(String(first.letter), host: &host)
      return
    }
    note("Skipped.")
    lines.append(LessonLine(.answer, reveal(open)))
    resolve(open, rightFirstTime: false, option: nil, typed: nil, host: &host)
  }

  /// "The answer is 0.75137 (o_5)."
  func reveal(_ open: OpenQuestion) -> String {
    switch open.question.kind {
    case .number(let answer):
      let shown = answer.text ?? open.expected.map { NumberFormat.format($0, digits: 5) }
      guard let shown else { return "The answer could not be computed." }
      return "The answer is \(shown)" + (answer.quantity.map { " (\($0))" } ?? "") + "."
    case .choice(let options, let answer):
      return answer.map { "The answer is \(options[$0].display)." } ?? ""
    case .command(let command):
      return "The command is `\(command.text)`."
    }
  }

  /// Closes the question and runs the rest of the page. The engine goes back to where it was
  /// when the question was asked if the student explored meanwhile; a command question's
  /// command then runs (the student's own spelling if it was right, else the lesson's), so the
  /// page continues from the state its author wrote it for.
  mutating func resolve(
    _ open: OpenQuestion, rightFirstTime: Bool, option: Int?, typed: String?, host: inout Host
  ) {
    if open.touched { host.restore(open.snapshot) }
    self.open = nil
    status = .endOfPage
    let question = open.question
    if case .command(let command) = question.kind {
      run(command, typed: typed, host: &host)
    }
    if case .choice(let options, _) = question.kind, let option, let target = options[option].target
    {
      chosenPage = lesson.labels[target]
    } else if !rightFirstTime, let target = question.onWrong {
      chosenPage = lesson.labels[target]
    }
    cursor += 1
    advance(host: &host)
  }

  /// What the checker answers: the right number, letter or command (the first option of a menu).
  func correctAnswer() -> String? {
    guard let open else { return nil }
    switch open.question.kind {
    case .number(let answer):
      guard let expected = open.expected ?? answer.value else { return "0" }
      return "\(expected)"
    case .choice(let options, let answer): return String(options[answer ?? 0].letter)
    case .command(let command): return command.text
    }
  }
}
