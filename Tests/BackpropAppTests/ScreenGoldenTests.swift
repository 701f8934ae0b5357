import BackpropApp
import BackpropCommands
import Testing
import TextGrid

/// The rendered screen, as text, at 80×24 and 120×40: what a student sees, compared with golden
/// files a person can read.
@Suite struct ScreenGoldenTests {
  static let sizes = [(80, 24), (120, 40)]

  static func state(_ commands: [String], width: Int, height: Int, glyphs: GlyphSet = .unicode) -> AppState {
    var state = AppState(width: width, height: height, glyphs: glyphs, startScreen: false)
    for c in commands { App.submit(c, &state) }
    return state
  }

  @Test(arguments: sizes)
  func freePlayMidForward(_ size: (Int, Int)) {
    let s = Self.state(["example mazur", "step 5"], width: size.0, height: size.1)
    Golden.check(Views.render(s).text, "screens/free-play-mid-forward-\(size.0)x\(size.1).txt")
  }

  @Test(arguments: sizes)
  func freePlayMidBackward(_ size: (Int, Int)) {
    let s = Self.state(["example mazur", "forward", "step 8"], width: size.0, height: size.1)
    Golden.check(Views.render(s).text, "screens/free-play-mid-backward-\(size.0)x\(size.1).txt")
  }

  @Test(arguments: sizes)
  func asciiRendering(_ size: (Int, Int)) {
    let s = Self.state(["example mazur", "forward", "step 3"], width: size.0, height: size.1, glyphs: .ascii)
    let text = Views.render(s).text
    Golden.check(text, "screens/ascii-\(size.0)x\(size.1).txt")
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test(arguments: sizes)
  func helpOverlay(_ size: (Int, Int)) {
    var s = Self.state(["example mazur"], width: size.0, height: size.1)
    _ = App.update(&s, .key(.character("?")))
    Golden.check(Views.render(s).text, "screens/help-\(size.0)x\(size.1).txt")
  }

  @Test(arguments: sizes)
  func startScreen(_ size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: true)
    s.lessons = LessonState.sampleCatalog
    Golden.check(Views.render(s).text, "screens/start-\(size.0)x\(size.1).txt")
  }

  @Test func tooSmall() {
    let s = AppState(width: 60, height: 20, startScreen: false)
    let text = Views.render(s).text
    Golden.check(text, "screens/too-small-60x20.txt")
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
      .init(number: 1, title: "The linear neuron as an optimisation problem", section: "Learning as an optimization problem", progress: "done", path: "01.lesson"),
      .init(number: 2, title: "One logistic neuron", section: "Derivation", progress: "page 3 of 9", path: "02.lesson"),
      .init(number: 3, title: "A forward pass through Mazur's network", section: "Derivation", progress: "not started", path: "03.lesson"),
    ]
    return s
  }
}
