import BackpropEngine

/// Builds the Markdown text block by block: paragraphs, fenced blocks, questions.
struct MarkdownWriter {
  let lesson: Lesson
  /// The engine's value for each `@answer … = QUANTITY`, by the answer's line.
  let computed: [Int: Double]
  private(set) var text = ""
  /// Questions in file order, numbered from 1, for the answer key.
  private var questions: [Question] = []
  /// The fenced block being filled (display lines or commands with their output).
  private var fence: (kind: FenceKind, lines: [String])?

  enum FenceKind { case display, commands }

  init(lesson: Lesson, computed: [Int: Double]) {
    self.lesson = lesson
    self.computed = computed
  }

  mutating func title() {
    block("# \(lesson.title)")
    if !lesson.section.isEmpty {
      block("*Following the article's section “\(lesson.section)”.*")
    }
  }

  /// One page: its items in order, with each command's output taken from what the checker's
  /// run printed (`lines`), in the order the commands ran.
  mutating func page(_ index: Int, lines: [LessonLine]) {
    let page = lesson.pages[index]
    let labels = page.labels.isEmpty ? "" : " (\(page.labels.joined(separator: ", ")))"
    block("## Page \(index + 1)\(labels)")
    var runs = Self.commandRuns(in: lines)[...]
    for item in page.items {
      switch item {
      case .prose(let prose):
        if prose.isDisplay {
          add(.display, prose.text)
        } else {
          block(Self.paragraph(prose.text))
        }
      case .command:
        if let run = runs.popFirst() { add(.commands, run) }
      case .assertion:
        break
      case .question(let question):
        ask(question)
        if case .command = question.kind, let run = runs.popFirst() { add(.commands, run) }
      }
    }
    if case .goto(let label, _, _) = page.ending, let target = lesson.labels[label] {
      block("*Go on to page \(target + 1).*")
    }
  }

  mutating func ask(_ question: Question) {
    questions.append(question)
    let number = questions.count
    var first = true
    for prose in question.prompt {
      if prose.isDisplay {
        add(.display, prose.text)
      } else {
        block((first ? "**Question \(number).** " : "") + Self.paragraph(prose.text))
        first = false
      }
    }
    if first { block("**Question \(number).**") }
    switch question.kind {
    case .number:
      block("Answer: \(Self.blank)")
    case .choice(let options, let answer):
      block(
        options.map { option in
          let target = option.target.flatMap { lesson.labels[$0] }.map { " → page \($0 + 1)" }
          return "- \(option.letter)) \(option.text)\(target ?? "")"
        }.joined(separator: "\n"))
      block(
        answer == nil ? "Choose one, and read on where it leads." : "Your choice: \(Self.blank)")
    case .command:
      block("Command: \(Self.blank)")
    }
    if let label = question.onWrong, let target = lesson.labels[label] {
      block("*If your first answer was not right, read page \(target + 1) next.*")
    }
  }

  mutating func answerKey() {
    guard !questions.isEmpty else { return }
    block("## Answers")
    var items: [String] = []
    for (index, question) in questions.enumerated() {
      var answer = key(question)
      if let right = question.right { answer += " " + right }
      items.append("\(index + 1). \(answer)")
    }
    block(items.joined(separator: "\n"))
  }

  /// The answer as the engine has it: the value and where it comes from, the option or the
  /// command.
  func key(_ question: Question) -> String {
    switch question.kind {
    case .number(let answer):
      guard let quantity = answer.quantity, let value = computed[answer.line] else {
        let literal = answer.text ?? answer.value.map { NumberFormat.format($0, digits: 12) }
        return (literal ?? "?") + "."
      }
      let exact = NumberFormat.format(value, digits: 12)
      let stored = answer.text.map { $0 == exact ? "" : "\($0): " } ?? ""
      return "\(stored)\(quantity) = \(exact)."
    case .choice(let options, let answer?):
      return "\(options[answer].letter)) \(options[answer].text)."
    case .choice:
      return "Any option (a menu)."
    case .command(let command):
      return "`\(command.text)`"
    }
  }

  // MARK: - Blocks

  /// Lines of one fenced block; consecutive lines of the same kind share it.
  mutating func add(_ kind: FenceKind, _ lines: [String]) {
    if let fence, fence.kind != kind { flush() }
    if fence == nil { fence = (kind, []) }
    fence?.lines += lines
  }

  mutating func add(_ kind: FenceKind, _ line: String) { add(kind, [line]) }

  /// Ends the fenced block being filled, with a fence longer than any run of backticks inside.
  mutating func flush() {
    guard let fence else { return }
    self.fence = nil
    let body = fence.lines.joined(separator: "\n")
    let longest = Self.longestBacktickRun(body)
    let marks = String(repeating: "`", count: max(3, longest + 1))
    append(marks + "text\n" + body + "\n" + marks)
  }

  mutating func block(_ markdown: String) {
    flush()
    append(markdown)
  }

  private mutating func append(_ markdown: String) {
    if !text.isEmpty { text += "\n" }
    text += markdown + "\n"
  }

  var finished: String {
    var copy = self
    copy.flush()
    return copy.text
  }

  // MARK: - Helpers

  static let blank = String(repeating: "_", count: 24)

  /// Each command the run showed, with its output (or error) lines: `> step 2`, then the output.
  static func commandRuns(in lines: [LessonLine]) -> [[String]] {
    var runs: [[String]] = []
    var open = false
    for line in lines {
      switch line.kind {
      case .command:
        runs.append(["> " + line.text])
        open = true
      case .output where open:
        runs[runs.count - 1].append(line.text)
      case .error where open:
        runs[runs.count - 1].append("error: " + line.text)
      default:
        open = false
      }
    }
    return runs
  }

  /// A paragraph whose first character would start a Markdown block (heading, quote, list) is
  /// escaped so it stays a paragraph.
  static func paragraph(_ text: String) -> String {
    guard let first = text.first else { return text }
    if "#>-+*=|".contains(first) { return "\\" + text }
    let digits = text.prefix { $0.isNumber }
    if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
      return digits + "\\" + text.dropFirst(digits.count)
    }
    return text
  }

  static func longestBacktickRun(_ text: String) -> Int {
    var longest = 0
    var run = 0
    for c in text {
      run = c == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    return longest
  }
}
