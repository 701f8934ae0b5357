import FoundationEssentials
import BackpropCommands

/// `backprop check`: parses each lesson and runs it headlessly, as a student who always knows
/// the answer, to prove that it still teaches what it says.
///
/// Every command must run, every `@assert` must hold, and every stored answer must match the
/// engine. Branches are explored too: each option of a menu, and the `@on-wrong` page of a
/// question (reached by skipping it). Each page is checked along the first path that reaches
/// it, pages no path reaches are reported, and a cycle of pages with no question to leave it
/// is reported as a jump loop. The walk is bounded by `stepLimit` inputs, so it always ends.
public enum LessonChecker {
  public static let stepLimit = 20_000

  /// Checks lesson files and folders of lesson files.
  public static func check(paths: [String]) -> LessonCheckReport {
    var report = LessonCheckReport()
    for path in paths {
      if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
        let files = LessonLibrary.lessonFiles(names)
        if files.isEmpty {
          report.diagnostics.append(
            LessonDiagnostic(
              file: path, line: 1, column: 1, message: "no .lesson files in this folder"))
        }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        for file in files {
          report.diagnostics += check(file: folder + "/" + file)
          report.lessonsChecked += 1
        }
      } else {
        report.diagnostics += check(file: path)
        report.lessonsChecked += 1
      }
    }
    return report
  }

  /// Checks one lesson file.
  public static func check(file path: String) -> [LessonDiagnostic] {
    let text: String
    do { text = try LessonSource.read(path: path) } catch { return error.diagnostics }
    do {
      let absolute = LessonSource.absolutePath(path)
      return check(
        try LessonParser.parse(
          text, file: path, directory: PathText.parent(absolute)))
    } catch {
      // The engine is only run on a lesson that parses (a half-parsed lesson would report
      // numbers off by the missing lines), so say plainly why no numbers were checked.
      let count = error.diagnostics.count
      let errors = count == 1 ? "the parse error" : "the \(count) parse errors"
      return error.diagnostics + [
        LessonDiagnostic(
          file: path, line: error.diagnostics.map(\.line).max() ?? 1, column: 1,
          message: "note: fix \(errors) above to check the numbers (commands, assertions, answers)")
      ]
    }
  }

  /// How long one lesson may take to check before the checker stops and reports where it was:
  /// a lesson's commands can cost a lot (`train` with a huge count on a large network), and
  /// `check` must answer rather than hang.
  public static let timeBudget: Duration = .seconds(20)

  /// Runs a parsed lesson on `host` (by default a fresh session that accepts app commands).
  ///
  /// `observe` is shown the runner each time a path has shown a page to its end (the main path
  /// first: right answers, first menu options), so a handout prints exactly what was checked.
  public static func check(
    _ lesson: Lesson, host: HeadlessLessonHost = HeadlessLessonHost(),
    budget: Duration = LessonChecker.timeBudget,
    observe: (_ page: Int, _ runner: LessonRunner<HeadlessLessonHost>) -> Void = { _, _ in }
  ) -> [LessonDiagnostic] {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: budget)
    typealias Runner = LessonRunner<HeadlessLessonHost>
    struct Path {
      var runner: Runner
      var host: HeadlessLessonHost
      /// Pages entered since the last real choice (a menu option or a wrong branch).
      var sinceChoice: [Int]
    }
    var diagnostics: [LessonDiagnostic] = []
    func add(_ d: LessonDiagnostic) {
      if !diagnostics.contains(d) { diagnostics.append(d) }
    }
    var first = Path(runner: Runner(lesson: lesson), host: host, sinceChoice: [])
    first.runner.start(host: &first.host)
    first.sinceChoice = [first.runner.pageIndex]
    var reached: Set<Int> = [first.runner.pageIndex]
    var stack = [first]
    var steps = 0
    var covered: Set<Int> = []
    var lint = ProseNumberLint()
    lint.learn(lesson)
    exploring: while var path = stack.popLast() {
      walking: while true {
        if path.runner.status == .endOfPage || path.runner.status == .finished {
          observe(path.runner.pageIndex, path.runner)
        }
        // What the engine printed and holds on this page, for the prose-number lint.
        lint.learn(path.host.session)
        for line in path.runner.lines where line.kind == .output { lint.learn(printed: line.text) }
        steps += 1
        if steps > stepLimit {
          add(
            LessonDiagnostic(
              file: lesson.file, line: lesson.pages[path.runner.pageIndex].line, column: 1,
              message: "gave up after \(stepLimit) steps: the lesson has too many branches to check"
            ))
          covered.formUnion(path.runner.seenPages)
          path.runner.problems.forEach(add)
          break exploring
        }
        if clock.now > deadline {
          add(
            LessonDiagnostic(
              file: lesson.file, line: lesson.pages[path.runner.pageIndex].line, column: 1,
              message:
                "checking took longer than \(budget) and stopped on this page (expected commands that finish quickly, e.g. fewer epochs)"
            ))
          covered.formUnion(path.runner.seenPages)
          path.runner.problems.forEach(add)
          break exploring
        }
        switch path.runner.status {
        case .notStarted, .finished:
          break walking
        case .waitingForAnswer:
          guard let question = path.runner.currentQuestion else { break walking }
          let line = question.line
          if case .choice(let options, nil) = question.kind {
            for option in options.dropFirst() {
              var fork = path
              fork.sinceChoice = []
              fork.runner.handle(.answer(String(option.letter)), host: &fork.host)
              stack.append(fork)
            }
            path.sinceChoice = []
            path.runner.handle(.answer(String(options[0].letter)), host: &path.host)
          } else {
            if question.onWrong != nil {
              var fork = path
              fork.sinceChoice = []
              fork.runner.handle(.skip, host: &fork.host)
              stack.append(fork)
              path.sinceChoice = []
            }
            path.runner.handle(.answer(path.runner.correctAnswer() ?? ""), host: &path.host)
          }
          if path.runner.isWaitingForAnswer, path.runner.currentQuestion?.line == line {
            path.runner.handle(.skip, host: &path.host)
          }
        case .endOfPage:
          let visits = path.runner.pageVisits
          path.runner.handle(.next, host: &path.host)
          // No new page: the lesson ended on pages that show nothing (or they looped).
          guard path.runner.pageVisits != visits else { break walking }
          let page = path.runner.pageIndex
          if let start = path.sinceChoice.firstIndex(of: page) {
            add(loop(in: lesson, pages: Array(path.sinceChoice[start...])))
            break walking
          }
          if reached.contains(page) { break walking }
          reached.insert(page)
          path.sinceChoice.append(page)
        }
      }
      covered.formUnion(path.runner.seenPages)
      path.runner.problems.forEach(add)
    }
    lint.diagnostics(for: lesson).forEach(add)
    for (index, page) in lesson.pages.enumerated()
    where !covered.contains(index) && !reached.contains(index) {
      add(
        LessonDiagnostic(
          file: lesson.file, line: page.line, column: 1,
          message:
            "this page is never reached (expected a @goto, @on-wrong or menu option leading to one of its labels)"
        ))
    }
    return diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
  }

  /// The diagnostic for a cycle of pages that no question can leave: at the `@goto` closing it.
  static func loop(in lesson: Lesson, pages: [Int]) -> LessonDiagnostic {
    for index in pages.reversed() {
      if case .goto(let label, let line, let column) = lesson.pages[index].ending {
        return LessonDiagnostic(
          file: lesson.file, line: line, column: column,
          message:
            "jump loop: `@goto \(label)` leads back to a page already shown, with no question on the way that could leave the loop"
        )
      }
    }
    let page = lesson.pages[pages[0]]
    return LessonDiagnostic(
      file: lesson.file, line: page.line, column: 1,
      message: "jump loop: this page leads back to itself")
  }
}
