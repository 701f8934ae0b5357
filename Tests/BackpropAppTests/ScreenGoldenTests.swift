import BackpropApp
import Foundation
import BackpropCommands
import Testing
import TestSupport
import TextGrid

/// The rendered screen at 80×24, 100×30, 120×40 and 200×60: what a student sees, characters and
/// styles, compared with golden files a person can read.
@Suite struct ScreenGoldenTests {
  static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]

  static func state(_ commands: [String], width: Int, height: Int, glyphs: GlyphSet = .unicode)
    -> AppState
  {
    var state = AppState(width: width, height: height, glyphs: glyphs, startScreen: false)
    for c in commands { App.submit(c, &state) }
    return state
  }

  @Test(arguments: sizes)
  func freePlayMidForward(_ size: (Int, Int)) {
    let s = Self.state(["example mazur", "step 5"], width: size.0, height: size.1)
    Golden.check(
      Views.render(s), "screens/free-play-mid-forward-\(size.0)x\(size.1)", in: Golden.directory)
  }

  @Test(arguments: sizes)
  func freePlayMidBackward(_ size: (Int, Int)) {
    let s = Self.state(["example mazur", "forward", "step 8"], width: size.0, height: size.1)
    Golden.check(
      Views.render(s), "screens/free-play-mid-backward-\(size.0)x\(size.1)", in: Golden.directory)
  }

  @Test(arguments: sizes)
  func asciiRendering(_ size: (Int, Int)) {
    let s = Self.state(
      ["example mazur", "forward", "step 3"], width: size.0, height: size.1, glyphs: .ascii)
    let grid = Views.render(s)
    Golden.check(grid, "screens/ascii-\(size.0)x\(size.1)", in: Golden.directory)
    let text = grid.text
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test(arguments: sizes)
  func helpOverlay(_ size: (Int, Int)) {
    var s = Self.state(["example mazur"], width: size.0, height: size.1)
    _ = App.update(&s, .key(.character("?")))
    Golden.check(Views.render(s), "screens/help-\(size.0)x\(size.1)", in: Golden.directory)
  }

  @Test(arguments: sizes)
  func startScreen(_ size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: true)
    s.lessons = LessonState.sampleCatalog
    Golden.check(Views.render(s), "screens/start-\(size.0)x\(size.1)", in: Golden.directory)
  }

  @Test func tooSmall() {
    let s = AppState(width: 60, height: 20, startScreen: false)
    let grid = Views.render(s)
    Golden.check(grid, "screens/too-small-60x20", in: Golden.directory)
    let text = grid.text
    #expect(text.contains("60×20"))
    // Any size, however small, renders without crashing.
    for w in 0..<82 {
      for h in [0, 1, 2, 5, 23, 24] {
        let g = Views.render(AppState(width: w, height: h, startScreen: false))
        #expect(g.width == w && g.height == h)
      }
    }
  }

  /// Values not computed in this pass are blank, not stale.
  @Test func blanksAfterANewPass() {
    let s = Self.state(["example mazur", "forward", "backward", "update"], width: 120, height: 40)
    let text = Views.render(s).text
    #expect(!text.contains("0.13850"))  // δ_5 of the finished pass is gone
    let mid = Self.state(["example mazur", "forward", "backward"], width: 120, height: 40)
    #expect(Views.render(mid).text.contains("0.13850"))
  }
}

extension LessonState {
  /// A menu with three entries, for rendering the start screen without reading files.
  static var sampleCatalog: LessonState {
    var s = LessonState()
    s.catalog = [
      .init(
        number: 1, title: "The linear neuron as an optimisation problem",
        section: "Learning as an optimization problem", progress: "done", path: "01.lesson"),
      .init(
        number: 2, title: "One logistic neuron", section: "Derivation", progress: "page 3 of 9",
        path: "02.lesson"),
      .init(
        number: 3, title: "A forward pass through Mazur's network", section: "Derivation",
        progress: "not started", path: "03.lesson"),
    ]
    return s
  }
}

/// A lesson page with a question, rendered from a small lesson written here (so the golden file
/// does not change when the course is edited).
@Suite struct LessonScreenTests {
  static let lessonText = """
    @title A forward pass, one neuron at a time
    @section Derivation

    Mazur's network has two inputs, two hidden neurons and two outputs. The hidden neuron 3
    adds up its weighted inputs and its bias: net_3 = w_13 o_1 + w_23 o_2 + b_3.

    > example mazur
    > step

    @question
    Now predict o_3 = φ(net_3) = 1/(1 + e^(−net_3)), to three decimals.
    @answer 0.593 = o_3
    @tolerance 0.001
    @hint The logistic of 0.3775: a little more than one half.
    @right Yes: o_3 = 0.59327.
    @end
    """

  static func state(width: Int, height: Int) throws -> AppState {
    try openedLesson(lessonText, tag: "lesson-\(width)", width: width, height: height)
  }

  static let plotLessonText = """
    @title The error surface of one linear neuron
    @section Learning as an optimization problem

    The linear neuron y = x_1 w_1 + x_2 w_2 with the case (1, 1, 0) has the error
    E = (t − y)² = (w_1 + w_2)². Over the plane of the two weights it is a trough: every pair with
    w_1 = −w_2 lies on its floor, where E = 0. The plot shows E over w_13 and w_23; the dot marks
    the weights now, and darker shading means a smaller error.

    > example linear
    > plot surface
    > forward

        E(w_1, w_2) = (w_1 + w_2)²

    @question
    What is E at the start, with w_13 = w_23 = 0.5?
    @answer 1 = E
    @tolerance 0.001
    @right Yes: (0.5 + 0.5)² = 1.
    @end
    """

  /// A lesson page beside a plot: the plot gets its rows at every size (it drew nothing at
  /// 100×30 before), the lesson pane scrolls, the display line is not re-wrapped.
  @Test(arguments: ScreenGoldenTests.sizes)
  func lessonPageBesideAPlot(_ size: (Int, Int)) throws {
    var (s, dir) = try courseOfOne(
      Self.plotLessonText, tag: "plot-lesson-\(size.0)", width: size.0, height: size.1)
    defer { try? FileManager.default.removeItem(at: dir) }
    App.submit("lesson 1", &s)
    #expect(s.plot.kind == .surface)
    let grid = Views.render(s)
    #expect(!grid.text.contains("plot needs"))
    Golden.check(grid, "screens/lesson-plot-\(size.0)x\(size.1)", in: Golden.directory)
  }

  @Test(arguments: ScreenGoldenTests.sizes)
  func lessonPageWithAQuestion(_ size: (Int, Int)) throws {
    var s = try Self.state(width: size.0, height: size.1)
    #expect(s.screen == .lesson)
    #expect(s.lessons.isWaitingForTypedAnswer)
    Golden.check(
      Views.render(s), "screens/lesson-question-\(size.0)x\(size.1)", in: Golden.directory)
    // A wrong answer gives the hint; the right one the feedback, in the status line too.
    App.submit("0.2", &s)
    #expect(s.notice?.contains("Hint:") == true)
    App.submit("0.5933", &s)
    #expect(s.notice?.contains("o_3 = 0.59327") == true)
    #expect(s.lessons.isWaitingForTypedAnswer == false)
  }

  /// While a question waits, lesson words and `screen` are not taken for answers.
  @Test func steeringWordsAreNotAnswers() throws {
    var s = try Self.state(width: 100, height: 30)
    let screen = App.submit("screen 80x24", &s)
    #expect(!screen.isError && screen.lines.count == 24)
    #expect(s.lessons.isWaitingForTypedAnswer)
    let again = App.submit("repeat", &s)
    #expect(!again.isError)
    #expect(s.lessons.isWaitingForTypedAnswer)
    let hint = App.submit("hint", &s)
    #expect(hint.lines.joined().contains("0.3775"))
  }

  /// Leave and come back: progress is saved under $XDG_STATE_HOME and the lesson resumes on the
  /// page where it was left, with the engine rebuilt to match.
  @Test func leaveAndComeBack() throws {
    let lessonDir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-resume-\(getpid())")
    let stateDir = lessonDir.appendingPathComponent("state")
    try FileManager.default.createDirectory(at: stateDir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: lessonDir) }
    let text = """
      @title Two pages
      @section Derivation

      Page one.
      > example mazur
      @pause

      Page two.
      > forward
      @assert o_5 = 0.75136507 ± 1e-8
      @pause

      Page three.
      """
    try text.write(
      to: lessonDir.appendingPathComponent("01-two.lesson"), atomically: true, encoding: .utf8)
    let environment = ["XDG_STATE_HOME": stateDir.path, "HOME": lessonDir.path]
    var first = AppState(width: 100, height: 30, startScreen: true)
    first.lessons = LessonState.load(
      lessonsDirectory: lessonDir.path, progressEnabled: true, environment: environment)
    App.submitOnDisk("lesson 1", &first)
    App.submitOnDisk("next", &first)
    #expect(first.lessons.progressText == "page 2 of 3")
    #expect(
      FileManager.default.fileExists(
        atPath: stateDir.appendingPathComponent("backprop/progress.json").path))

    var second = AppState(width: 100, height: 30, startScreen: true)
    second.lessons = LessonState.load(
      lessonsDirectory: lessonDir.path, progressEnabled: true, environment: environment)
    #expect(second.lessons.catalog.first?.progress == "page 2")
    App.submitOnDisk("lesson 1", &second)
    #expect(second.lessons.progressText == "page 2 of 3")
    #expect(second.session.trainer.position.phase == .backward)  // the page's `forward` ran again

    // A corrupt progress file is reported once and the course starts fresh.
    try "not json".write(
      to: stateDir.appendingPathComponent("backprop/progress.json"), atomically: true,
      encoding: .utf8)
    let third = LessonState.load(
      lessonsDirectory: lessonDir.path, progressEnabled: true, environment: environment)
    #expect(third.warning != nil)
    #expect(third.catalog.first?.progress == "not started")
  }

  @Test func startScreenListsTheLessonAndItsSection() throws {
    var s = try Self.state(width: 80, height: 24)
    s.screen = .start(selected: 0)
    let text = Views.render(s).text
    #expect(text.contains("A forward pass, one neuron at a time"))
    #expect(text.contains("Derivation"))
  }
}
