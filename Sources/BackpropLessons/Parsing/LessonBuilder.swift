import BackpropCommands

/// The state of `LessonParser` while it reads a file line by line: the pages so far, the page
/// and paragraph being written, an open question block, and every problem found.
///
/// It keeps going after a mistake so that one run reports every bad line.
struct LessonBuilder {
  let file: String
  var diagnostics: [LessonDiagnostic] = []
  var title: (text: String, line: Int)?
  var section: (text: String, line: Int)?
  var pages: [LessonPage] = []
  var labels: [String: Int] = [:]
  var labelLines: [String: Int] = [:]
  var references: [(label: String, line: Int, column: Int)] = []
  var pageLabels: [String] = []
  var items: [LessonItem] = []
  var pageLine: Int?
  var paragraph: [String] = []
  var paragraphLine = 0
  var question: QuestionDraft?
  var lastLine = 0
  /// Header lines seen, even ones with errors (so a bad `@title` is not also "missing").
  var headerLines: Set<String> = []
  /// Numbers listed by `@illustrative`.
  var illustrative: Set<String> = []

  init(file: String) {
    self.file = file
  }

  mutating func error(_ line: Int, _ column: Int, _ message: String) {
    diagnostics.append(LessonDiagnostic(file: file, line: line, column: column, message: message))
  }

  // MARK: - Lines

  mutating func read(_ line: SourceLine) {
    lastLine = line.number
    guard let first = line.firstNonBlank else {
      endParagraph()
      question?.blankLine()
      return
    }
    switch line.characters[first] {
    case "#":
      return
    case "\\":
      prose(line.rest(from: first + 1).text, line: line, column: first + 1)
    case "@":
      directive(line, at: first)
    case ">":
      let (text, column) = line.rest(from: first + 1)
      if question != nil {
        error(
          line.number, first + 1,
          "a command cannot go inside a question (expected it before @question or after @end; the answer to a command question is written `@answer > COMMAND`)"
        )
        return
      }
      endParagraph()
      if let command = validateCommand(text, line: line.number, column: column) {
        add(.command(command), line: line.number)
      }
    default:
      if question != nil, let option = optionLetter(line, at: first) {
        readOption(line, at: first, letter: option)
      } else if line.isIndented {
        display(String(line.characters).trimmingTrailingBlanks, line: line)
      } else {
        prose(line.rest(from: first).text, line: line, column: first + 1)
      }
    }
  }

  mutating func prose(_ text: String, line: SourceLine, column: Int) {
    if question != nil {
      if !question!.continueText(text, line: line.number) {
        error(
          line.number, column,
          "text inside a question must come before its options, @answer and @hint (or continue a @hint, @right or @wrong line)"
        )
      }
      return
    }
    if paragraph.isEmpty { paragraphLine = line.number }
    paragraph.append(text)
  }

  mutating func display(_ text: String, line: SourceLine) {
    if question != nil {
      if question!.continuation == .prompt {
        question!.endParagraph()
        question!.prompt.append(Prose(text: text, isDisplay: true, line: line.number))
      } else {
        error(
          line.number, 1,
          "an indented line inside a question must come before its options, @answer and @hint")
      }
      return
    }
    endParagraph()
    add(.prose(Prose(text: text, isDisplay: true, line: line.number)), line: line.number)
  }

  mutating func endParagraph() {
    guard !paragraph.isEmpty else { return }
    let text = paragraph.joined(separator: " ")
    paragraph = []
    add(.prose(Prose(text: text, line: paragraphLine)), line: paragraphLine)
  }

  mutating func add(_ item: LessonItem, line: Int) {
    if pageLine == nil { pageLine = line }
    items.append(item)
  }

  // MARK: - Directives

  mutating func directive(_ line: SourceLine, at index: Int) {
    let chars = line.characters
    var k = index + 1
    var name = ""
    while k < chars.count,
      chars[k].isLetter || chars[k].isNumber || chars[k] == "-" || chars[k] == "_"
    {
      name.append(chars[k])
      k += 1
    }
    let column = index + 1
    let n = line.number
    let directive = name.lowercased()
    guard LessonParser.directives.contains(directive) else {
      let known = LessonParser.directives.map { "@" + $0 }.joined(separator: ", ")
      if name.isEmpty {
        error(
          n, column,
          "a lone `@` is not a directive (expected one of \(known); write `\\@` to start prose with @)"
        )
      } else {
        let guess = Spelling.closest(to: directive, among: LessonParser.directives)
        error(
          n, column,
          "unknown directive `@\(name)` (expected \(guess.map { "`@\($0)`" } ?? "one of \(known)"))"
        )
      }
      return
    }
    let questionParts: Set = ["answer", "tolerance", "hint", "right", "wrong", "on-wrong", "end"]
    if questionParts.contains(directive) {
      guard question != nil else {
        error(n, column, "`@\(directive)` belongs inside a @question … @end block")
        return
      }
      question!.leavePrompt()
    } else if let open = question {
      error(open.line, 1, "this @question is never closed (expected @end before line \(n))")
      closeQuestion(open)
    }
    let rest = line.rest(from: k)
    switch directive {
    case "title", "section": header(directive, rest, line: n, column: column)
    case "pause":
      endParagraph()
      if items.isEmpty && pageLabels.isEmpty {
        error(
          n, column,
          "nothing to pause after: this page is empty (expected prose, commands or a question before @pause)"
        )
      } else {
        closePage(.pause(prompt: rest.text.isEmpty ? nil : rest.text, line: n), line: n)
      }
    case "label":
      guard let label = labelName(line, from: k, line: n, directive: column) else { return }
      endParagraph()
      if let earlier = labelLines[label.text] {
        error(n, label.column, "the label `\(label.text)` is already used on line \(earlier)")
        return
      }
      if !items.isEmpty { closePage(.pause(prompt: nil, line: n), line: n) }
      if pageLine == nil { pageLine = n }
      pageLabels.append(label.text)
      labels[label.text] = pages.count
      labelLines[label.text] = n
    case "goto":
      guard let label = labelName(line, from: k, line: n, directive: column) else { return }
      endParagraph()
      references.append((label.text, n, label.column))
      closePage(.goto(label: label.text, line: n, column: label.column), line: n)
    case "assert":
      endParagraph()
      if let assertion = readAssertion(line, from: k, column: column) {
        add(.assertion(assertion), line: n)
      }
    case "question":
      endParagraph()
      var draft = QuestionDraft(line: n)
      if !rest.text.isEmpty { _ = draft.continueText(rest.text, line: n) }
      question = draft
      if pageLine == nil { pageLine = n }
    case "answer": readAnswer(line, rest: rest, column: column)
    case "tolerance": readTolerance(line, from: k, column: column)
    case "illustrative":
      // Numbers the prose quotes that are not engine values; the prose-number lint skips them.
      let words = rest.text.split(separator: " ").map(String.init)
      guard !words.isEmpty else {
        error(
          n, rest.column,
          "missing the numbers of @illustrative (expected e.g. `@illustrative 0.5 0.25`)")
        return
      }
      for word in words {
        guard ProseNumberLint.numbers(in: word).map(\.text) == [word] else {
          error(
            n, rest.column,
            "`\(word)` is not a decimal number (expected the numbers as the prose writes them, e.g. 0.38 or 1.5·10⁻⁷)"
          )
          return
        }
        illustrative.insert(word)
      }
    case "hint", "right", "wrong":
      guard !rest.text.isEmpty else {
        error(n, rest.column, "missing the text of @\(directive)")
        return
      }
      switch directive {
      case "hint":
        question!.hints.append(rest.text)
        question!.continuation = .hint
      case "right":
        if question!.right != nil { error(n, column, "a second @right in this question") }
        question!.right = rest.text
        question!.continuation = .right
      default:
        if question!.wrong != nil { error(n, column, "a second @wrong in this question") }
        question!.wrong = rest.text
        question!.continuation = .wrong
      }
    case "on-wrong":
      guard let label = labelName(line, from: k, line: n, directive: column) else { return }
      if question!.onWrong != nil { error(n, column, "a second @on-wrong in this question") }
      question!.onWrong = label.text
      question!.onWrongColumn = label.column
      question!.onWrongLine = n
      references.append((label.text, n, label.column))
    case "end":
      if !rest.text.isEmpty { error(n, rest.column, "unexpected `\(rest.text)` after @end") }
      if let draft = question { closeQuestion(draft) }
    default:
      break
    }
  }

  /// Ends a question block (also one that was never closed, so that the page still has it and
  /// no second error follows from its absence).
  mutating func closeQuestion(_ draft: QuestionDraft) {
    question = nil
    if let q = finishQuestion(draft) { add(.question(q), line: draft.line) }
  }

  mutating func header(
    _ directive: String, _ rest: (text: String, column: Int), line: Int, column: Int
  ) {
    headerLines.insert(directive)
    guard !rest.text.isEmpty else {
      error(line, rest.column, "missing the text of @\(directive)")
      return
    }
    let existing = directive == "title" ? title : section
    if let existing {
      error(line, column, "a second @\(directive) (the first is on line \(existing.line))")
      return
    }
    if directive == "title" { title = (rest.text, line) } else { section = (rest.text, line) }
  }

  /// The single label word after a directive, checked.
  mutating func labelName(_ line: SourceLine, from index: Int, line n: Int, directive column: Int)
    -> (text: String, column: Int)?
  {
    let words = line.words(from: index)
    guard let word = words.first else {
      error(
        n, line.characters.count + 1, "missing the label name (expected a name such as `recap`)")
      return nil
    }
    if words.count > 1 {
      error(n, words[1].column, "unexpected `\(words[1].text)` (a label name is one word)")
      return nil
    }
    guard Spelling.isLabel(word.text) else {
      error(
        n, word.column, "`\(word.text)` is not a label name (expected letters, digits, `-` and `_`)"
      )
      return nil
    }
    return word
  }

  mutating func closePage(_ ending: PageEnding, line: Int) {
    pages.append(
      LessonPage(labels: pageLabels, items: items, ending: ending, line: pageLine ?? line))
    pageLabels = []
    items = []
    pageLine = nil
  }

  // MARK: - Finishing

  mutating func finish(directory: String) throws(LessonParseFailure) -> Lesson {
    endParagraph()
    if let open = question {
      error(
        open.line, 1, "this @question is never closed (expected @end before the end of the file)")
      closeQuestion(open)
    }
    if !items.isEmpty || !pageLabels.isEmpty { closePage(.end, line: lastLine) }
    if !headerLines.contains("title") {
      error(1, 1, "missing @title (expected a line `@title TEXT`)")
    }
    if !headerLines.contains("section") {
      error(
        1, 1,
        "missing @section (expected a line `@section` naming the article section the lesson teaches)"
      )
    }
    if pages.isEmpty && diagnostics.isEmpty {
      error(1, 1, "the lesson has no pages (expected prose, commands or questions)")
    }
    for reference in references where labels[reference.label] == nil {
      let guess = Spelling.closest(to: reference.label, among: Array(labels.keys))
      error(
        reference.line, reference.column,
        "there is no label `\(reference.label)` in this lesson (expected \(guess.map { "`\($0)`" } ?? "a name given by @label"))"
      )
    }
    checkReachability()
    if !diagnostics.isEmpty {
      let sorted = diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
      throw LessonParseFailure(diagnostics: sorted)
    }
    var lesson = Lesson(
      title: title!.text, section: section!.text, file: file, directory: directory, pages: pages,
      labels: labels)
    lesson.illustrative = illustrative
    return lesson
  }

  /// Pages that nothing can lead to, and pages that show nothing and jump in a circle (which
  /// would otherwise loop without ever waiting for the student).
  mutating func checkReachability() {
    guard diagnostics.isEmpty else { return }
    let lesson = Lesson(
      title: "", section: "", file: file, directory: ".", pages: pages, labels: labels)
    for index in pages.indices.dropFirst() where pages[index].labels.isEmpty {
      if case .goto = pages[index - 1].ending {
        error(
          pages[index].line, 1,
          "this page can never be shown: the page before it ends with @goto and it has no @label")
      }
    }
    var inReportedLoop: Set<Int> = []
    for start in pages.indices where pages[start].isPassThrough && !inReportedLoop.contains(start) {
      var seen: Set<Int> = [start]
      var index = start
      while pages[index].isPassThrough, let next = lesson.pageAfter(index) {
        if seen.contains(next) {
          if case .goto(_, let line, let column) = pages[index].ending {
            error(
              line, column,
              "jump loop: this @goto leads back to itself through pages that show nothing")
          }
          inReportedLoop.formUnion(seen)
          break
        }
        seen.insert(next)
        index = next
      }
    }
  }
}

extension String {
  var trimmingTrailingBlanks: String {
    var s = self
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return s
  }
}
