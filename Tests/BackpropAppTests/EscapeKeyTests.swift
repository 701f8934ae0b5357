@testable import BackpropApp
import Testing
import TextGrid

/// Escape goes back and never quits; Alt chords do nothing. Before, Esc (and so every Alt chord,
/// which the terminal sends as Esc and a character) quit free play at once with status 0.
@Suite struct EscapeKeyTests {
  static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]

  @Test(arguments: sizes)
  func escapeInFreePlayDoesNotQuit(size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: true)
    #expect(App.update(&s, .key(.character("f"))) != .quit)
    #expect(s.screen == .freePlay)
    #expect(App.update(&s, .key(.escape)) != .quit)
    #expect(App.update(&s, .key(.escape)) != .quit)
    #expect(s.screen == .freePlay)
    #expect(s.notice?.contains("q quits") == true)
    // q still quits.
    #expect(App.update(&s, .key(.character("q"))) == .quit)
  }

  @Test(arguments: sizes)
  func escapeOnTheMenuDoesNotQuit(size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: true)
    #expect(App.update(&s, .key(.escape)) != .quit)
    guard case .start = s.screen else {
      Issue.record("Esc left the menu: \(s.screen)")
      return
    }
    #expect(App.update(&s, .key(.character("q"))) == .quit)
  }

  @Test func escapeGoesBackOneStepAtATime() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    // The help overlay closes.
    _ = App.update(&s, .key(.character("?")))
    #expect(s.overlay == .help)
    #expect(App.update(&s, .key(.escape)) != .quit)
    #expect(s.overlay == nil)
    // The zoom is left.
    _ = App.update(&s, .key(.character("Z")))
    #expect(s.zoomed != nil)
    #expect(App.update(&s, .key(.escape)) != .quit)
    #expect(s.zoomed == nil)
    // The command line is cancelled.
    _ = App.update(&s, .key(.character(":")))
    _ = App.update(&s, .key(.character("x")))
    #expect(s.isEditing)
    #expect(App.update(&s, .key(.escape)) != .quit)
    #expect(!s.isEditing && s.editor.isEmpty)
    // Nothing left to close: still not a quit.
    #expect(App.update(&s, .key(.escape)) != .quit)
  }

  /// Alt-x and its like are keys of their own: nothing is typed, nothing quits.
  @Test(arguments: sizes)
  func altChordsAreIgnored(size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: true)
    _ = App.update(&s, .key(.character("f")))
    for c in "xq[f" {
      #expect(App.update(&s, .key(.alt(c))) != .quit)
    }
    #expect(!s.isEditing && s.editor.isEmpty)
    #expect(s.screen == .freePlay)
    _ = App.update(&s, .key(.character(":")))
    _ = App.update(&s, .key(.alt("x")))
    #expect(s.isEditing && s.editor.isEmpty)
  }
}
