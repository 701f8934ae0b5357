@testable import BackpropApp
import BackpropEngine
import BackpropCommands
import Foundation
import Testing
import TextGrid

/// One test per screen defect found when the screen was tried as a new user would, at 80×24,
/// 100×30, 120×40 and 200×60. Each failed before the layout, viewports and wrapping were made one
/// system.
@Suite struct ScreenDefectTests {
  static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]

  static func course(width: Int, height: Int) -> AppState {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var state = AppState(width: width, height: height, startScreen: true)
    state.lessons = LessonState.load(
      lessonsDirectory: root.appendingPathComponent("lessons").path, progressEnabled: false)
    return state
  }

  /// Opens lesson `n` and goes on to `page`, skipping questions on the way.
  static func lesson(_ n: Int, page: Int, width: Int, height: Int) -> AppState {
    var s = course(width: width, height: height)
    App.submit("lesson \(n)", &s)
    var guardCount = 0
    while s.lessons.progressText?.hasPrefix("page \(page) ") == false, guardCount < 200 {
      App.submit(s.lessons.isWaitingForTypedAnswer ? "skip" : "next", &s)
      guardCount += 1
    }
    return s
  }

  static func press(_ key: Key, _ s: inout AppState, times: Int = 1) {
    for _ in 0..<times { _ = App.update(&s, .key(key)) }
  }

  static func lessonRows(_ s: AppState) -> [String] {
    let inner = s.layout[.lesson]!.inner
    return LessonPane.rows(s, width: inner.width).map(\.text)
  }

  /// 1. At 80×24 the values table cut δ_3 = 0.0087714 to `0.0` and scroll markers wrote over
  /// digits; only one neuron row showed.
  @Test(arguments: sizes)
  func valuesNeverShowACutNumber(_ size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: false)
    App.submit("example mazur", &s)
    App.submit("step 17", &s)
    let rows = paneText(s, .values)
    let text = rows.joined(separator: "\n")
    #expect(text.contains("0.0087714"))
    #expect(!text.contains("↓"), "scroll markers belong on the border")
    // Every entry is a whole number, a name or a header word.
    let table = ValuesTable(session: s.session)
    let values = Set(
      table.neurons.flatMap { [$0.net, $0.output, $0.derivative, $0.outputGradient, $0.delta] }
        .compactMap { $0 }
        .map { NumberFormat.format($0, digits: s.session.digits) })
    for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      if let first = token.first, first.isNumber || first == "-", token.contains(".") {
        #expect(
          values.contains(String(token))
            || table.weights.contains { w in
              [w.value, w.gradient, w.change].compactMap { $0 }.map {
                NumberFormat.format($0, digits: s.session.digits)
              }.contains(String(token))
            }, "`\(token)` is not a whole value")
      }
    }
    // At least the rows of the layer being worked on (neurons 3 and 4 here) show.
    #expect(rows.contains { $0.hasPrefix("3 ") } && rows.contains { $0.hasPrefix("4 ") })
  }

  /// 2. Beside a plot, PgDn stopped short of the end of a lesson page (update worked out the
  /// pane at full width while the view drew it narrower).
  @Test(arguments: [(1, 8, 80, 24), (7, 7, 120, 40), (12, 5, 80, 24), (1, 8, 100, 30)])
  func pageDownReachesTheEndBesideAPlot(_ c: (Int, Int, Int, Int)) {
    var s = Self.lesson(c.0, page: c.1, width: c.2, height: c.3)
    s.lessons.answerLineDismissed = true
    let rows = Self.lessonRows(s)
    var starts: [Int] = []
    for _ in 0..<60 {
      Self.press(.pageDown, &s)
      starts.append(s.scroll[.lesson] ?? -1)
    }
    // It only ever moves down, and the last row of the page is on the screen.
    #expect(starts == starts.sorted())
    let last = rows.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }!
    #expect(paneText(s, .lesson).contains { $0.hasPrefix(String(last.prefix(20))) })
  }

  /// 3. At 100×30 a lesson's plot said "plot needs 30x10" instead of drawing.
  @Test func aLessonPlotDrawsAt100x30() {
    let s = Self.lesson(1, page: 4, width: 100, height: 30)
    let text = Views.render(s).text
    if s.plot.kind != .none { #expect(!text.contains("plot needs")) }
    var t = Self.course(width: 100, height: 30)
    App.submit("lesson 1", &t)
    App.submit("plot surface", &t)
    #expect(!Views.render(t).text.contains("plot needs"))
  }

  /// 4. After Esc at a question, `s` was judged as the answer "step"; commands explore.
  @Test func escAtAQuestionGivesTheKeysBack() {
    var s = Self.lesson(3, page: 1, width: 100, height: 30)
    var guardCount = 0
    while !s.lessons.isWaitingForTypedAnswer, guardCount < 20 {
      App.submit("next", &s)
      guardCount += 1
    }
    #expect(s.lessons.isWaitingForTypedAnswer)
    let before = s.session.trainer.position
    Self.press(.escape, &s)
    Self.press(.character("s"), &s)
    #expect(s.session.trainer.position != before)
    #expect(s.notice?.contains("not a number") != true)
    #expect(s.lessons.isWaitingForTypedAnswer)
    // Typed as a line, `get o_5` and `show` explore too.
    let get = App.submit("show", &s)
    #expect(!get.isError)
    #expect(s.lessons.isWaitingForTypedAnswer)
  }

  /// 5. After the last answer on a page, the pane jumped back to the top of the page, hiding
  /// the feedback and the reveal.
  @Test(arguments: [(80, 24), (120, 40)])
  func theFeedbackStaysInViewAfterAnAnswer(_ size: (Int, Int)) {
    var s = Self.lesson(3, page: 1, width: size.0, height: size.1)
    var guardCount = 0
    while !s.lessons.isWaitingForTypedAnswer, guardCount < 20 {
      App.submit("next", &s)
      guardCount += 1
    }
    App.submit("skip", &s)
    #expect(!s.lessons.isWaitingForTypedAnswer)
    let shown = paneText(s, .lesson).joined(separator: "\n")
    #expect(shown.contains("→"), "the revealed answer is in view")
  }

  /// 6. Space turned the page while the page had unread text; the equation pane named space
  /// where space turns the page.
  @Test func spaceReadsToTheEndBeforeTurningThePage() {
    var s = Self.lesson(1, page: 1, width: 80, height: 24)
    s.lessons.answerLineDismissed = true
    let page = s.lessons.progressText
    let rows = Self.lessonRows(s)
    let height = s.layout[.lesson]!.inner.height
    guard rows.count > height, !s.lessons.isWaitingForTypedAnswer else { return }
    Self.press(.character(" "), &s)
    #expect(s.lessons.progressText == page)
    #expect((s.scroll[.lesson] ?? 0) > 0)
    #expect(!Views.render(s).text.contains("Press space"))
  }

  /// 7. A plot stayed on when the next lesson started.
  @Test func eachLessonStartsWithoutAPlot() {
    var s = Self.course(width: 120, height: 40)
    App.submit("lesson 1", &s)
    App.submit("plot surface", &s)
    #expect(s.plot.kind == .surface)
    App.submit("lesson 2", &s)
    let opened = Self.course(width: 120, height: 40)
    var fresh = opened
    App.submit("lesson 2", &fresh)
    #expect(s.plot == fresh.plot)
  }

  /// 8. Numbers were split across lines in the output and lesson panes, and markers covered text.
  @Test func outputNeverSplitsANumber() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    let line =
      "trained 200 epochs (now at epoch 200): mean E 0.29837 → 0.096094 and the sample (-0.13652) moved"
    s.log([line], kind: .output)
    let rows = paneText(s, .output).filter { !$0.isEmpty }
    let tokens = Set(line.split(separator: " ").map(String.init))
    for row in rows {
      for token in row.split(separator: " ") {
        #expect(tokens.contains(String(token)), "`\(token)` is a piece of a token")
      }
    }
  }

  /// 9. The output pane dropped leading spaces, shifting a plot's rows and tick labels.
  @Test func outputKeepsAPlotsLayout() {
    var s = AppState(width: 160, height: 50, startScreen: false)
    App.submit("example linear", &s)
    let plot = App.submit("plot surface", &s).lines
    App.submit("plot off", &s)
    let shown = paneText(s, .output)
    let width = s.layout[.output]!.inner.width
    let tail = plot.suffix(5)
    for line in tail where !line.isEmpty {
      #expect(shown.contains { $0.hasPrefix(String(line.prefix(width)).trimmingTrailing) })
    }
  }

  /// 10. The `t` key printed the training result above its own `> train 100` line.
  @Test func theTrainKeyEchoesFirst() {
    var s = AppState(width: 100, height: 30, startScreen: false)
    s.isInteractive = true
    App.submit("example xor", &s)
    Self.press(.character("t"), &s)
    var guardCount = 0
    while s.job != nil, guardCount < 1000 {
      _ = App.update(&s, .tick)
      guardCount += 1
    }
    let texts = s.output.map(\.text)
    let echo = texts.lastIndex(of: "> train 100")!
    let result = texts.lastIndex { $0.hasPrefix("trained 100 epochs") }!
    #expect(echo < result)
  }

  /// 11. On the start menu, `:lesson 6` opened lesson 1 and then ran `6`.
  @Test func aCommandTypedOnTheMenu() {
    var s = Self.course(width: 100, height: 30)
    for c in ":lesson 6" { Self.press(.character(c), &s) }
    Self.press(.enter, &s)
    #expect(s.screen == .lesson)
    #expect(s.lessons.activeTitle == s.lessons.catalog[5].title)
  }

  /// 13. `plot loss` after `plot loss log` stayed logarithmic.
  @Test func plainLossPlotIsLinear() {
    var s = AppState(startScreen: false)
    App.submit("example xor", &s)
    App.submit("plot loss log", &s)
    #expect(s.plot.logScale)
    App.submit("plot loss", &s)
    #expect(!s.plot.logScale)
  }

  /// 14. Feedback in the status line was cut mid-word at 80 columns.
  @Test func statusLineShortensAtAWord() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    s.notice =
      "✓ Right: the output of neuron 5 moved towards its target, and so did some output matching the other target"
    let last = Views.render(s).lines[23]
    #expect(last.hasSuffix("…"))
    let words = Set(s.notice!.split(separator: " ").map(String.init))
    let shown = last.dropLast().split(separator: " ").map(String.init)
    #expect(shown.allSatisfy { words.contains($0) })
  }

  /// 15. At the end of a lesson, `next` said only that `previous` goes back.
  @Test func theEndOfALessonNamesTheNextOne() {
    var s = Self.lesson(1, page: 1, width: 100, height: 30)
    var guardCount = 0
    while s.lessons.hasUnfinishedLesson, guardCount < 200 {
      App.submit(s.lessons.isWaitingForTypedAnswer ? "skip" : "next", &s)
      guardCount += 1
    }
    let answer = App.submit("next", &s).lines.joined(separator: " ")
    #expect(answer.contains("lesson 2"))
    #expect(answer.contains(s.lessons.catalog[1].title))
  }
}

extension String {
  fileprivate var trimmingTrailing: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
