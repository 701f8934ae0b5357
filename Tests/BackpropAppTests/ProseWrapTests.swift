@testable import BackpropApp
import Testing
import TextGrid

/// Prose that contains ` = ` wraps by words; only a line that starts like an equation breaks
/// at its `=`. Before, the 80×24 output pane showed `a) at y` / `    = 1, where the neuron is
/// now` and `seed 1, η` / `    = 0.5`.
@Suite struct ProseWrapTests {
  static func rows(_ text: String, width: Int) -> [String] {
    PaneRow.printed(text, style: .plain, width: width, glyphs: .unicode).map(\.text)
  }

  @Test(arguments: [
    "a) at y = 1, where the neuron is now, and b) at y = 0, where it should be",
    "example linear: the linear neuron y = x1 w1 + x2 w2 on the article's linear-neuron case (1, 1, 0), w = (0.5, 0.5), η = 0.1",
    "example xor: a 2-2-1 logistic network on exclusive or: 1 when exactly one input is 1, seed 1, η = 0.5",
  ])
  func proseWrapsByWords(_ text: String) {
    for width in [20, 36, 38, 50, 78] {
      let rows = Self.rows(text, width: width)
      #expect(rows.allSatisfy { $0.displayWidth <= width })
      #expect(
        !rows.contains { $0.drop { $0 == " " }.hasPrefix("=") },
        "width \(width): \(rows)")
      // Wrapped by words: the rows put back together are the text.
      #expect(rows.joined(separator: " ") == text, "width \(width): \(rows)")
    }
  }

  @Test func equationsStillBreakAtEquals() {
    let line = "δ_5 = (o_5 − t_5)·o_5(1 − o_5) = (0.75137 − 0.01)·0.75137·0.24863 = 0.13850"
    let rows = Self.rows(line, width: 40)
    #expect(rows.count > 1)
    #expect(rows.dropFirst().allSatisfy { $0.drop { $0 == " " }.hasPrefix("=") }, "\(rows)")
    #expect(PaneRow.isEquation("∂E/∂w_35 = ∂E/∂o_5 · ∂o_5/∂net_5 = 0.082167"))
    #expect(PaneRow.isEquation("mean E = 0.5"))
    #expect(PaneRow.isEquation("    = 0.13850"))
    #expect(!PaneRow.isEquation("a) at y = 1, where the neuron is now"))
    #expect(!PaneRow.isEquation("no sign here"))
  }

  /// The output pane at 80×24 after `example linear`: its answer reads as a sentence.
  @Test func theOutputPaneAtEightyByTwentyFour() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    App.submit("example linear", &s)
    let rows = paneText(s, .output)
    #expect(!rows.contains { $0.drop { $0 == " " }.hasPrefix("= ") }, "\(rows)")
    #expect(rows.contains { $0.contains("the linear neuron y =") }, "\(rows)")
  }
}
