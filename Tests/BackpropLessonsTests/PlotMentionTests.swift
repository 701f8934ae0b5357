import BackpropCommands
import Foundation
import Testing

@testable import BackpropLessons

/// Walks every lesson of the course headless, as a student who always knows the answer, and
/// checks each page it shows: a page whose text talks about a plot (a curve, a surface, a
/// parabola) must draw one, and a page draws at most one, since the plot pane shows only the
/// last (text about an earlier plot would describe something the student cannot see).
@Suite struct PlotMentionTests {
  /// Words that refer to something drawn in the plot pane, and phrases that do ("the error
  /// surface of a network" in general does not).
  static let plotWords: Set<String> = ["plot", "plots", "plotted", "curve", "curves", "parabola"]
  static let plotPhrases = ["the surface", "this surface", "on the surface", "the descent path"]

  /// The `plot` commands of a page that draw something (not `plot off` or `plot clear`).
  static func drawingPlots(_ page: LessonPage) -> [LessonCommand] {
    page.items.compactMap { item in
      guard case .command(let c) = item else { return nil }
      let words = c.text.split(separator: " ").map(String.init)
      guard words.first == "plot" else { return nil }
      return ["off", "clear"].contains(words.dropFirst().first ?? "") ? nil : c
    }
  }

  /// Everything the student reads on a page: prose, questions, options and feedback.
  static func text(_ page: LessonPage) -> [(line: Int, text: String)] {
    var result: [(Int, String)] = []
    for item in page.items {
      switch item {
      case .prose(let p): result.append((p.line, p.text))
      case .question(let q):
        for p in q.prompt { result.append((p.line, p.text)) }
        if case .choice(let options, _) = q.kind {
          for o in options { result.append((o.line, o.text)) }
        }
        for extra in q.hints + [q.right, q.wrong].compactMap({ $0 }) {
          result.append((q.line, extra))
        }
      case .command, .assertion: break
      }
    }
    return result
  }

  /// The plot words of a text, outside `backquoted` commands.
  static func mentions(_ text: String) -> [String] {
    let unquoted = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
    let words = unquoted.lowercased().split { !$0.isLetter }.map(String.init)
    let spaced = " " + words.joined(separator: " ") + " "
    return words.filter { plotWords.contains($0) }
      + plotPhrases.filter { spaced.contains(" " + $0 + " ") }
  }

  /// The pages a student who always answers right is shown.
  static func walk(_ lesson: Lesson) -> Set<Int> {
    var runner = LessonRunner<HeadlessLessonHost>(lesson: lesson)
    var host = HeadlessLessonHost()
    runner.start(host: &host)
    var steps = 0
    while steps < 10_000 {
      steps += 1
      switch runner.status {
      case .notStarted, .finished: return runner.seenPages
      case .waitingForAnswer:
        let line = runner.currentQuestion?.line
        runner.handle(.answer(runner.correctAnswer() ?? ""), host: &host)
        if runner.isWaitingForAnswer, runner.currentQuestion?.line == line {
          runner.handle(.skip, host: &host)
        }
      case .endOfPage:
        let visits = runner.pageVisits
        runner.handle(.next, host: &host)
        if runner.pageVisits == visits { return runner.seenPages }
      }
    }
    return runner.seenPages
  }

  static var courseFiles: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixture.lessons)) ?? []
    return LessonLibrary.lessonFiles(names)
  }

  @Test func theCourseHasLessonsToWalk() {
    #expect(Self.courseFiles.count >= 14)
  }

  @Test(arguments: courseFiles)
  func everyPlotThePageTalksAboutIsShown(_ file: String) throws {
    let lesson = try Lesson.load(path: Fixture.lessons + "/" + file)
    let seen = Self.walk(lesson)
    #expect(!seen.isEmpty)
    for index in seen.sorted() {
      let page = lesson.pages[index]
      let plots = Self.drawingPlots(page)
      #expect(
        plots.count <= 1,
        "\(file):\(plots.last?.line ?? page.line): this page draws \(plots.count) plots (lines \(plots.map(\.line))) but the pane shows only the last; split the page with @pause"
      )
      for (line, text) in Self.text(page) where plots.isEmpty {
        let words = Self.mentions(text)
        #expect(
          words.isEmpty,
          "\(file):\(line): the text mentions \(words) but the page shows no plot")
      }
    }
  }

  @Test func theCheckCatchesAPageWithTwoPlotsAndOneWithNone() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        """
        > example linear
        > train 5
        > plot loss
        > plot loss log
        @pause
        The curve above flattens out.
        """))
    let pages = Self.walk(lesson).sorted().map { lesson.pages[$0] }
    #expect(pages.count == 2)
    #expect(Self.drawingPlots(pages[0]).count == 2)
    #expect(Self.drawingPlots(pages[1]).isEmpty)
    #expect(Self.text(pages[1]).flatMap { Self.mentions($0.text) } == ["curve"])
    #expect(Self.mentions("type `plot loss` to see it").isEmpty)
  }
}
