import BackpropCommands
import BackpropEngine

/// Steps a student through a lesson: a pure value-type state machine that the app (or the
/// headless runner, or a test) drives with `LessonInput`s.
///
/// Each page is shown from its start: prose is added to `lines`, commands run through the host
/// with their output, and a question stops the page until it is answered or skipped. At the
/// end of a page the runner waits for `next`. A snapshot of the engine is kept for every page
/// visited, so `previous` and `repeatPage` put the engine back exactly as it was there, and
/// commands the student types to explore are undone when the lesson goes on, so the pages that
/// follow always see the state their author wrote them for.
///
/// The runner never hangs: pages that show nothing are passed through at most `jumpLimit` times
/// per step, and everything else waits for input.
public struct LessonRunner<Host: LessonHost> {
  public enum Status: Equatable, Sendable {
    case notStarted
    /// A question waits for `answer`, `hint` or `skip`.
    case waitingForAnswer
    /// The page has been shown to its end; `next` goes on.
    case endOfPage
    case finished
  }

  /// A page the student has seen, and the engine as it was when the page began.
  struct Visit {
    var page: Int
    var snapshot: Host.Snapshot
  }

  /// The question waiting for an answer.
  struct OpenQuestion {
    var question: Question
    var wrongTries = 0
    var hintsShown = 0
    /// The number a student's answer is compared with (engine value if known, else the literal).
    var expected: Double?
    /// The engine when the question was asked; restored if the student explored meanwhile.
    var snapshot: Host.Snapshot
    var touched = false
  }

  /// A stored answer whose engine quantity was not computed yet when the question was asked
  /// (the usual "predict, then reveal"): checked as soon as a later command on the page
  /// computes it.
  struct PendingCheck {
    var quantity: String
    var value: Double
    var text: String
    var line: Int
    var column: Int
    var lastError: String
  }

  /// Pages that show nothing are passed through; this many in a row is a loop.
  public static var jumpLimit: Int { 1_000 }

  public let lesson: Lesson
  public internal(set) var status: Status = .notStarted
  /// Index of the page shown (0-based; `pageNumber` is 1-based).
  public internal(set) var pageIndex = 0
  /// What the current page shows, in order.
  public internal(set) var lines: [LessonLine] = []
  /// Counts every time a page is (re)shown, so a view can tell a fresh page from added lines.
  public internal(set) var pageVisits = 0
  /// Problems with the lesson itself (a failed command, an assertion or stored answer that does
  /// not hold), found while running. Students do not see them; `backprop check` reports them.
  public internal(set) var problems: [LessonDiagnostic] = []
  /// Every answer tried, by the line of its question.
  public internal(set) var answersTried: [Int: [String]] = [:]
  /// The engine's value of each `@answer … = QUANTITY`, by the answer's line, once it is known
  /// (when the question is asked, or when a later command on the page computes it): what a
  /// handout's answer key prints.
  public internal(set) var computedAnswers: [Int: Double] = [:]

  var cursor = 0
  var chosenPage: Int?
  var nextPage: Int?
  var open: OpenQuestion?
  var history: [Visit] = []
  var endSnapshot: Host.Snapshot?
  var hostTouched = false
  var pending: [PendingCheck] = []
  /// Every page entered, including the ones passed through (for the checker's coverage).
  var seenPages: Set<Int> = []

  public init(lesson: Lesson) {
    self.lesson = lesson
  }

  public var pageNumber: Int { pageIndex + 1 }
  public var pageCount: Int { lesson.pages.count }
  public var isWaitingForAnswer: Bool { status == .waitingForAnswer }
  public var isFinished: Bool { status == .finished }
  public var canGoBack: Bool { history.count > 1 }
  /// The question waiting for an answer, if any.
  public var currentQuestion: Question? { open?.question }
  /// Said when the student asks for the page after the last one. Whoever runs the course sets it
  /// to name the next lesson and how to open it.
  /// Whether `skip` at a menu takes its first option (headless runs, which cannot look at the
  /// menu) rather than asking for a choice (the TUI, where a person chooses).
  public var skipTakesFirstOption = false
  public var endNote = "This is the end of the lesson; `previous` goes back a page."

  // MARK: - Driving

  /// Shows the first page. Starting again forgets where the student was.
  public mutating func start(host: inout Host) {
    resetForStart()
    enter(0, host: &host)
  }

  public mutating func handle(_ input: LessonInput, host: inout Host) {
    switch input {
    case .next: next(host: &host)
    case .previous: previous(host: &host)
    case .repeatPage: repeatPage(host: &host)
    case .answer(let text): answer(text, host: &host)
    case .hint: hint()
    case .skip: skip(host: &host)
    case .command(let line): explore(line, host: &host)
    }
  }

  mutating func resetForStart() {
    status = .notStarted
    pageIndex = 0
    lines = []
    problems = []
    answersTried = [:]
    computedAnswers = [:]
    history = []
    seenPages = []
    open = nil
    pending = []
  }

  mutating func next(host: inout Host) {
    switch status {
    case .notStarted: start(host: &host)
    case .waitingForAnswer: note("Answer the question first, or type `hint` or `skip`.")
    case .finished: note(endNote)
    case .endOfPage:
      if hostTouched, let snapshot = endSnapshot { host.restore(snapshot) }
      guard let target = nextPage else { return }
      enter(target, host: &host)
    }
  }

  mutating func previous(host: inout Host) {
    guard history.count >= 2 else {
      note("This is the first page.")
      return
    }
    history.removeLast()
    let visit = history.removeLast()
    host.restore(visit.snapshot)
    enter(visit.page, host: &host)
  }

  mutating func repeatPage(host: inout Host) {
    guard let visit = history.popLast() else {
      start(host: &host)
      return
    }
    host.restore(visit.snapshot)
    enter(visit.page, host: &host)
  }

  /// A command the student runs between the lesson's own: shown, but undone when the lesson
  /// moves on.
  mutating func explore(_ line: String, host: inout Host) {
    lines.append(LessonLine(.command, line))
    switch host.runCommand(line) {
    case .success(let output): appendOutput(output)
    case .failure(let error): lines.append(LessonLine(.error, Self.message(error)))
    }
    hostTouched = true
    open?.touched = true
  }

  // MARK: - Pages

  /// Shows page `index` from its start, passing through pages that show nothing.
  mutating func enter(_ index: Int, host: inout Host) {
    var target = index
    var hops = 0
    while lesson.pages[target].isPassThrough {
      seenPages.insert(target)
      for case .assertion(let assertion) in lesson.pages[target].items {
        check(assertion, host: host)
      }
      hops += 1
      guard hops <= Self.jumpLimit, let following = lesson.pageAfter(target) else {
        if hops > Self.jumpLimit {
          let line: Int
          let column: Int
          if case .goto(_, let l, let c) = lesson.pages[target].ending {
            (line, column) = (l, c)
          } else {
            (line, column) = (lesson.pages[target].line, 1)
          }
          problem(line, column, "jump loop: pages that show nothing lead back to each other")
          lines.append(LessonLine(.error, "This lesson jumps in a loop here, so it stops."))
        } else {
          lines.append(LessonLine(.end, "End of the lesson."))
        }
        status = .finished
        return
      }
      target = following
    }
    seenPages.insert(target)
    history.append(Visit(page: target, snapshot: host.snapshot()))
    pageIndex = target
    cursor = 0
    lines = []
    chosenPage = nil
    nextPage = nil
    open = nil
    pending = []
    hostTouched = false
    endSnapshot = nil
    pageVisits += 1
    advance(host: &host)
  }

  /// Runs the page from `cursor` until a question waits or the page ends.
  mutating func advance(host: inout Host) {
    let page = lesson.pages[pageIndex]
    while cursor < page.items.count {
      switch page.items[cursor] {
      case .prose(let prose):
        lines.append(LessonLine(prose.isDisplay ? .display : .prose, prose.text))
      case .command(let command): run(command, host: &host)
      case .assertion(let assertion): check(assertion, host: host)
      case .question(let question):
        ask(question, host: host)
        return
      }
      cursor += 1
    }
    finishPage(host: host)
  }

  mutating func finishPage(host: Host) {
    for check in pending {
      problem(
        check.line, check.column,
        "the stored answer \(check.text) cannot be checked: \(check.quantity) is never known on this page (\(check.lastError)); expected a command after the question that computes it"
      )
    }
    pending = []
    endSnapshot = host.snapshot()
    hostTouched = false
    nextPage = chosenPage ?? lesson.pageAfter(pageIndex)
    if nextPage == nil {
      status = .finished
      lines.append(LessonLine(.end, "End of the lesson."))
    } else {
      status = .endOfPage
      var prompt = "Type `next` to go on."
      if case .pause(let text?, _) = lesson.pages[pageIndex].ending { prompt = text }
      lines.append(LessonLine(.pause, prompt))
    }
  }

  // MARK: - Commands and checks

  /// Runs a command of the lesson with files confined to the lesson's folder. Returns whether
  /// it succeeded; a failure is shown and recorded as a problem of the lesson.
  @discardableResult
  mutating func run(
    _ command: LessonCommand, typed: String? = nil, echo: Bool = true, host: inout Host
  ) -> Bool {
    let text = typed ?? command.text
    if echo { lines.append(LessonLine(.command, text)) }
    let access = host.fileAccess
    host.fileAccess = .confined(to: lesson.directory)
    let result = host.runCommand(text)
    host.fileAccess = access
    switch result {
    case .success(let output):
      if echo { appendOutput(output) }
      verifyPending(host: host)
      return true
    case .failure(let error):
      if echo { lines.append(LessonLine(.error, Self.message(error))) }
      problem(
        command.line, command.column + error.column - 1,
        "`\(command.text)` failed: \(Self.message(error))")
      return false
    }
  }

  mutating func appendOutput(_ output: CommandOutput) {
    for line in output.lines {
      for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(LessonLine(.output, String(part)))
      }
    }
  }

  /// Checks an `@assert` silently: a failure is a problem of the lesson, not of the student.
  mutating func check(_ assertion: Assertion, host: Host) {
    do {
      let value = try host.value(named: assertion.quantity)
      if !assertion.tolerance.accepts(value, assertion.expected) {
        problem(
          assertion.line, assertion.valueColumn,
          "\(assertion.quantity) is \(Self.exact(value)) (expected \(assertion.expectedText) \(assertion.tolerance.description))"
        )
      }
    } catch {
      problem(
        assertion.line, assertion.quantityColumn,
        "cannot check \(assertion.quantity): \(error.message) (expected it to be \(assertion.expectedText))"
      )
    }
  }

  mutating func verifyPending(host: Host) {
    var waiting: [PendingCheck] = []
    for var check in pending {
      do {
        let value = try host.value(named: check.quantity)
        computedAnswers[check.line] = value
        reportMismatch(
          check.text, check.value, check.quantity, value, line: check.line, column: check.column)
      } catch {
        check.lastError = error.message
        waiting.append(check)
      }
    }
    pending = waiting
  }

  mutating func reportMismatch(
    _ text: String, _ stored: Double, _ quantity: String, _ value: Double, line: Int, column: Int
  ) {
    guard !Tolerance.printed(text).accepts(value, stored) else { return }
    problem(
      line, column,
      "the stored answer \(text) does not match the engine, where \(quantity) is \(Self.exact(value)) (expected the engine's value: store at least \(max(4, Self.significantDigits(text))) significant digits, e.g. \(NumberFormat.format(value, digits: max(4, Self.significantDigits(text)))))"
    )
  }

  mutating func problem(_ line: Int, _ column: Int, _ message: String) {
    let diagnostic = LessonDiagnostic(
      file: lesson.file, line: line, column: column, message: message)
    if !problems.contains(diagnostic) { problems.append(diagnostic) }
  }

  mutating func note(_ text: String) {
    lines.append(LessonLine(.note, text))
  }

  static func message(_ error: CommandError) -> String {
    error.message + (error.expected.map { " (expected \($0))" } ?? "")
  }

  /// Enough digits to see why a check failed.
  static func exact(_ x: Double) -> String { NumberFormat.format(x, digits: 12) }

  static func significantDigits(_ literal: String) -> Int {
    let mantissa = literal.lowercased().split(separator: "e").first.map(String.init) ?? literal
    return mantissa.filter(\.isNumber).drop { $0 == "0" }.count
  }
}

extension LessonRunner: Sendable where Host.Snapshot: Sendable {}
extension LessonRunner.Visit: Sendable where Host.Snapshot: Sendable {}
extension LessonRunner.OpenQuestion: Sendable where Host.Snapshot: Sendable {}
extension LessonRunner.PendingCheck: Sendable {}
