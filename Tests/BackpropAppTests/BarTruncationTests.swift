@testable import BackpropApp
import Testing
import TextGrid

/// The title bar and the status line are lists of items joined by " · ". When the terminal is
/// narrow they lose whole items from the end, never half of one: "E =…" without its number, or
/// "Z…" without what Z does, was what 80 and 100 columns showed before.
@Suite struct BarTruncationTests {
  static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]

  /// Free play after a forward pass (the title bar is long), and zoomed on the network.
  static func states(width: Int, height: Int, glyphs: GlyphSet) -> [AppState] {
    var state = AppState(width: width, height: height, glyphs: glyphs, startScreen: false)
    for command in ["example mazur", "forward"] { App.submit(command, &state) }
    var zoomed = state
    App.submit("zoom network", &zoomed)
    return [state, zoomed]
  }

  /// The top and bottom rows of the screen, without the padding.
  static func bars(_ state: AppState) -> (title: String, status: String) {
    let lines = Views.render(state).lines.map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    return (lines.first ?? "", lines.last ?? "")
  }

  @Test(arguments: sizes, [GlyphSet.unicode, .ascii])
  func barsLoseWholeItems(_ size: (Int, Int), glyphs: GlyphSet) {
    let separator = glyphs.text(" · ")
    let ellipsis = glyphs.text("…")
    for narrow in Self.states(width: size.0, height: size.1, glyphs: glyphs) {
      // The same screen wide enough to show both bars whole.
      var wide = narrow
      wide.width = 400
      let full = Self.bars(wide)
      let shown = Self.bars(narrow)
      for (whole, cut) in [(full.title, shown.title), (full.status, shown.status)] {
        #expect(cut.displayWidth <= size.0)
        if cut == whole { continue }
        #expect(cut.hasSuffix(separator + ellipsis), "cut mid-item at \(size): \(cut)")
        let kept = String(cut.dropLast((separator + ellipsis).count))
        #expect(whole.hasPrefix(kept + separator), "not whole items of \(whole): \(cut)")
      }
    }
  }
}
