import BackpropCommands

/// The parts of a line that have their own small grammar: commands, options, `@assert`,
/// `@answer` and `@tolerance`, and the checks made when a question block ends.
extension LessonBuilder {
  /// Checks a command line without running it: it must tokenize, name a command of the
  /// language, and not be one that steers the lesson itself.
  mutating func validateCommand(_ text: String, line: Int, column: Int) -> LessonCommand? {
    if text.isEmpty {
      error(line, column, "empty command (expected a command of the language after `>`)")
      return nil
    }
    let tokens: [Token]
    do {
      tokens = try Tokenizer.tokenize(text)
    } catch {
      self.error(
        line, column + error.column - 1,
        error.message + (error.expected.map { " (expected \($0))" } ?? ""))
      return nil
    }
    guard let first = tokens.first else {
      error(line, column, "empty command (expected a command of the language after `>`)")
      return nil
    }
    guard let command = CommandSpec.named(first.text) else {
      let guess = CommandSpec.suggestion(for: first.text)
      error(
        line, column + first.column - 1,
        "unknown command `\(first.text)` (expected \(guess.map { "`\($0)`" } ?? "a command of the language; `help` lists them"))"
      )
      return nil
    }
    if !command.spec.inLessonFiles {
      error(
        line, column + first.column - 1,
        "`\(command.rawValue)` steers the lesson itself and cannot be a lesson command (expected @pause, @question or @goto instead)"
      )
      return nil
    }
    return LessonCommand(text: text, line: line, column: column)
  }

  // MARK: - Options

  /// The letter of an option line `b) text`, if this is one.
  func optionLetter(_ line: SourceLine, at index: Int) -> Character? {
    let chars = line.characters
    guard index + 1 < chars.count, chars[index + 1] == ")", let letter = chars[index].asciiValue,
      letter >= 97, letter <= 122
    else { return nil }
    guard index + 2 == chars.count || chars[index + 2] == " " || chars[index + 2] == "\t" else {
      return nil
    }
    return chars[index]
  }

  mutating func readOption(_ line: SourceLine, at index: Int, letter: Character) {
    question!.leavePrompt()
    let n = line.number
    let expected = Character(UnicodeScalar(UInt8(97 + question!.options.count)))
    guard letter == expected else {
      error(
        n, index + 1,
        "expected option `\(expected))` here (options are lettered a), b), c) … in order)")
      return
    }
    let rest = line.rest(from: index + 2)
    var text = rest.text
    let column = rest.column
    guard !text.isEmpty else {
      error(n, column, "missing the text of option \(letter))")
      return
    }
    var target: String?
    var targetColumn = 1
    let chars = Array(text)
    if let arrow = lastArrow(in: chars) {
      let after = String(chars[(arrow + 2)...]).trimmed(of: " \t")
      if Spelling.isLabel(after) {
        target = after
        targetColumn =
          column + arrow + 2 + (chars[(arrow + 2)...].prefix { $0 == " " || $0 == "\t" }.count)
        text = String(chars[..<arrow]).trimmed(of: " \t")
        references.append((after, n, targetColumn))
      }
    }
    question!.options.append(
      ChoiceOption(letter: letter, text: text, target: target, line: n, targetColumn: targetColumn))
  }

  private func lastArrow(in chars: [Character]) -> Int? {
    guard chars.count >= 2 else { return nil }
    for k in stride(from: chars.count - 2, through: 0, by: -1)
    where chars[k] == "-" && chars[k + 1] == ">" {
      return k
    }
    return nil
  }

  // MARK: - @assert

  /// `@assert NAME = NUMBER [± TOLERANCE]` (also `+-` or `+/-`; a tolerance may end in `%`).
  mutating func readAssertion(_ line: SourceLine, from index: Int, column: Int) -> Assertion? {
    let n = line.number
    let chars = line.characters
    guard let equals = chars[index...].firstIndex(of: "=") else {
      let rest = line.rest(from: index)
      error(n, rest.column, "expected `NAME = NUMBER`, e.g. `@assert o_5 = 0.75136507 ± 1e-8`")
      return nil
    }
    let name = segment(line, index, equals)
    guard let nameWord = name.words.first, name.words.count == 1 else {
      error(n, name.column, "expected one quantity name before `=`, e.g. `o_5`")
      return nil
    }
    guard QuantityName.parse(nameWord.text) != nil else {
      error(
        n, nameWord.column,
        "`\(nameWord.text)` is not a quantity name (expected a name such as w_35, o_5, δ_5, E)")
      return nil
    }
    var valueEnd = chars.count
    var toleranceStart: Int?
    for k in (equals + 1)..<chars.count {
      if chars[k] == "±" {
        valueEnd = k
        toleranceStart = k + 1
        break
      }
      if chars[k] == "+", k + 1 < chars.count, chars[k + 1] == "-" || chars[k + 1] == "/" {
        valueEnd = k
        toleranceStart = k + (chars[k + 1] == "/" ? 3 : 2)
        break
      }
    }
    let value = segment(line, equals + 1, valueEnd)
    guard let valueWord = value.words.first, value.words.count == 1 else {
      error(n, value.column, "expected one number after `=`")
      return nil
    }
    guard let expected = NumberParser.parse(valueWord.text) else {
      error(
        n, valueWord.column,
        "`\(valueWord.text)` is not a number (expected e.g. 0.75136507 or 1e-3)")
      return nil
    }
    var tolerance = Tolerance.printed(valueWord.text)
    if let start = toleranceStart {
      let tol = segment(line, min(start, chars.count), chars.count)
      guard let word = tol.words.first, tol.words.count == 1 else {
        error(n, tol.column, "expected one tolerance after `±`, e.g. 1e-8 or 0.1%")
        return nil
      }
      guard let parsed = parseTolerance(word.text) else {
        error(
          n, word.column,
          "`\(word.text)` is not a tolerance (expected a number ≥ 0, or a percentage such as 0.1%)")
        return nil
      }
      tolerance = parsed
    }
    return Assertion(
      quantity: nameWord.text, expected: expected, expectedText: valueWord.text,
      tolerance: tolerance,
      line: n, quantityColumn: nameWord.column, valueColumn: valueWord.column)
  }

  /// The words of `line` between two character indices, with the column where the part starts.
  func segment(_ line: SourceLine, _ from: Int, _ to: Int) -> (
    words: [(text: String, column: Int)], column: Int
  ) {
    let part = SourceLine(number: line.number, text: Substring(String(line.characters[from..<to])))
    let words = part.words(from: 0).map { ($0.text, $0.column + from) }
    return (words, words.first?.1 ?? from + 1)
  }

  /// `1e-8` (absolute) or `0.5%` (relative).
  func parseTolerance(_ text: String) -> Tolerance? {
    if text.hasSuffix("%") {
      guard let v = NumberParser.parse(String(text.dropLast())), v.isFinite, v >= 0 else {
        return nil
      }
      return Tolerance(absolute: 0, relative: v / 100)
    }
    guard let v = NumberParser.parse(text), v.isFinite, v >= 0 else { return nil }
    return Tolerance(absolute: v, relative: 0)
  }

  // MARK: - @answer and @tolerance

  /// `@answer NUMBER`, `@answer NUMBER = NAME`, `@answer = NAME`, `@answer LETTER` or
  /// `@answer > COMMAND`.
  mutating func readAnswer(_ line: SourceLine, rest: (text: String, column: Int), column: Int) {
    let n = line.number
    if question!.answer != nil {
      error(
        n, column,
        "a second @answer in this question (the first is on line \(question!.answerLine))")
      return
    }
    question!.answerLine = n
    guard !rest.text.isEmpty else {
      error(
        n, rest.column,
        "missing the answer (expected a number, `= NAME`, an option letter or `> COMMAND`)")
      return
    }
    let start = rest.column - 1
    if rest.text.hasPrefix(">") {
      let command = line.rest(from: start + 1)
      if let c = validateCommand(command.text, line: n, column: command.column) {
        question!.answer = .command(c)
      }
      return
    }
    let chars = line.characters
    if let equals = chars[start...].firstIndex(of: "=") {
      let left = segment(line, start, equals)
      let right = segment(line, equals + 1, chars.count)
      var value: Double?
      var text: String?
      if let word = left.words.first {
        guard left.words.count == 1, let v = NumberParser.parse(word.text) else {
          error(
            n, word.column, "`\(word.text)` is not a number (expected e.g. 0.75137 before `= NAME`)"
          )
          return
        }
        value = v
        text = word.text
      }
      guard let name = right.words.first, right.words.count == 1 else {
        error(n, right.column, "expected one quantity name after `=`, e.g. `o_5`")
        return
      }
      guard QuantityName.parse(name.text) != nil else {
        error(
          n, name.column,
          "`\(name.text)` is not a quantity name (expected a name such as w_35, o_5, δ_5, E)")
        return
      }
      question!.answer = .number(
        value: value, text: text, quantity: name.text,
        valueColumn: left.words.first?.column ?? rest.column,
        quantityColumn: name.column)
      return
    }
    let words = line.words(from: start)
    if words.count > 1 {
      error(
        n, words[1].column,
        "unexpected `\(words[1].text)` (expected one answer; `@answer 0.75 = o_5` ties a number to a quantity)"
      )
      return
    }
    let word = words[0]
    if let v = NumberParser.parse(word.text) {
      question!.answer = .number(
        value: v, text: word.text, quantity: nil, valueColumn: word.column,
        quantityColumn: word.column)
      return
    }
    let letterText = word.text.hasSuffix(")") ? String(word.text.dropLast()) : word.text
    if letterText.count == 1, let letter = letterText.lowercased().first, letter.isLetter {
      question!.answer = .letter(letter, column: word.column)
      return
    }
    error(
      n, word.column,
      "`\(word.text)` is not a number (expected a number, `= NAME` for an engine quantity, an option letter, or `> COMMAND`)"
    )
  }

  /// `@tolerance 1e-3`, `@tolerance 1%`, or both.
  mutating func readTolerance(_ line: SourceLine, from index: Int, column: Int) {
    let n = line.number
    let words = line.words(from: index)
    guard !words.isEmpty else {
      error(
        n, line.characters.count + 1,
        "missing the tolerance (expected e.g. `1e-3`, `1%` or `1e-3 1%`)")
      return
    }
    var tolerance = Tolerance(absolute: 0, relative: 0)
    var seenAbsolute = false
    var seenRelative = false
    for word in words {
      guard let t = parseTolerance(word.text) else {
        error(
          n, word.column,
          "`\(word.text)` is not a tolerance (expected a number ≥ 0, or a percentage such as 1%)")
        return
      }
      if word.text.hasSuffix("%") {
        if seenRelative {
          error(
            n, word.column,
            "a second relative tolerance (expected at most one absolute and one relative, e.g. `1e-3 1%`)"
          )
        }
        seenRelative = true
        tolerance.relative = t.relative
      } else {
        if seenAbsolute {
          error(
            n, word.column,
            "a second absolute tolerance (expected at most one absolute and one relative, e.g. `1e-3 1%`)"
          )
        }
        seenAbsolute = true
        tolerance.absolute = t.absolute
      }
    }
    if question!.tolerance != nil { error(n, column, "a second @tolerance in this question") }
    question!.tolerance = tolerance
    question!.toleranceLine = n
    question!.toleranceColumn = column
  }

  // MARK: - @end

  /// Decides what kind of question a finished block is, or reports why it is none.
  mutating func finishQuestion(_ draft: QuestionDraft) -> Question? {
    var draft = draft
    draft.endParagraph()
    let errorsBefore = diagnostics.count
    if draft.prompt.isEmpty {
      error(
        draft.line, 1,
        "this question has no text (expected it after @question or on the lines below)")
    }
    let kind: Question.Kind?
    if !draft.options.isEmpty {
      switch draft.answer {
      case nil:
        for option in draft.options where option.target == nil {
          error(
            option.line, 1,
            "a menu option needs `-> LABEL` at its end (or give the question an @answer)")
        }
        if draft.onWrong != nil {
          error(
            draft.onWrongLine, 1,
            "a menu has no wrong answer, so @on-wrong has nothing to do (its options choose the page)"
          )
        }
        kind = .choice(options: draft.options, answer: nil)
      case .letter(let letter, let column):
        if let index = draft.options.firstIndex(where: { $0.letter == letter }) {
          kind = .choice(options: draft.options, answer: index)
        } else {
          let letters = draft.options.map { String($0.letter) }.joined(separator: ", ")
          error(
            draft.answerLine, column, "there is no option `\(letter))` (expected one of \(letters))"
          )
          kind = nil
        }
      case .number, .command:
        error(draft.answerLine, 1, "a question with options needs an option letter as its @answer")
        kind = nil
      }
      if draft.tolerance != nil {
        error(
          draft.toleranceLine, draft.toleranceColumn, "@tolerance applies only to number questions")
      }
    } else {
      switch draft.answer {
      case nil where draft.answerLine != 0:
        kind = nil  // the @answer line was reported already
      case nil:
        error(
          draft.line, 1,
          "this question has no @answer (expected a number, `= NAME`, `> COMMAND`, or options a), b), …)"
        )
        kind = nil
      case .letter(let letter, let column):
        error(
          draft.answerLine, column,
          "`\(letter)` is not a number, and this question has no options a), b), …")
        kind = nil
      case .number(let value, let text, let quantity, let valueColumn, let quantityColumn):
        kind = .number(
          NumericAnswer(
            value: value, text: text, quantity: quantity, tolerance: draft.tolerance ?? .answer,
            line: draft.answerLine, valueColumn: valueColumn, quantityColumn: quantityColumn))
      case .command(let command):
        if draft.tolerance != nil {
          error(
            draft.toleranceLine, draft.toleranceColumn,
            "@tolerance applies only to number questions")
        }
        kind = .command(command)
      }
    }
    guard let kind, diagnostics.count == errorsBefore else { return nil }
    return Question(
      line: draft.line, prompt: draft.prompt, kind: kind, hints: draft.hints, right: draft.right,
      wrong: draft.wrong, onWrong: draft.onWrong, onWrongColumn: draft.onWrongColumn)
  }
}
