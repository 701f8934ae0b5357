@testable import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing
import TestSupport
import TextGrid

/// Plot titles end at a whole word with an ellipsis when they do not fit, and the test E of
/// `data split` is named in the legend row. Before, the label `× test E 0.135` was written over
/// the title (`mean E_x before up× test E 0.135` at 80×24) and titles were cut mid-word
/// (`decision boundary: o_35 over x_1, x_`).
@Suite struct PlotTitleTests {
  static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]
  static let split = [
    "data spiral n=40 seed=1", "data split 0.25 seed=3", "train 5000", "plot loss",
  ]

  static func state(_ commands: [String], _ size: (Int, Int), glyphs: GlyphSet = .unicode)
    -> AppState
  {
    var state = AppState(width: size.0, height: size.1, glyphs: glyphs, startScreen: false)
    for c in commands { App.submit(c, &state) }
    return state
  }

  /// The title row's text with the y-axis name left out: what the title shows.
  static func title(_ s: AppState) -> String {
    let row = paneText(s, .plot)[0]
    return String(row.drop { $0 == " " }.drop { $0 != " " }).trimmingCharacters(in: " ")
  }

  /// `shown` is `full`, or a prefix of it that ends where a word ends, followed by `ellipsis`.
  static func isWholeWordPrefix(_ shown: String, of full: String, ellipsis: String = "…") -> Bool {
    if shown == full { return true }
    guard shown.hasSuffix(ellipsis) else { return false }
    let kept = String(shown.dropLast(ellipsis.count))
    guard full.hasPrefix(kept), !kept.isEmpty else { return false }
    let next = full.dropFirst(kept.count).first
    return next == " " || kept.last == " " || kept.last == ","
  }

  @Test(arguments: sizes)
  func theTestELabelIsInTheLegendAndNotOnTheTitle(_ size: (Int, Int)) {
    let s = Self.state(Self.split, size)
    let rows = paneText(s, .plot)
    let title = Self.title(s)
    #expect(!title.contains("test E"), "\(title)")
    #expect(
      Self.isWholeWordPrefix(title, of: "mean E_x before update, per 2 epochs"), "\(title)")
    let legend = rows.last { !$0.isEmpty } ?? ""
    let testE = NumberFormat.format(s.session.trainer.testLosses.last!, digits: 3)
    #expect(legend.contains("× test E \(testE)") || legend.contains("× \(testE)"), "\(legend)")
    #expect(legend.hasPrefix("last "))
    Golden.check(
      Views.render(s), "screens/loss-with-test-\(size.0)x\(size.1)", in: Golden.directory)
  }

  @Test(arguments: sizes)
  func longTitlesEndAtAWord(_ size: (Int, Int)) {
    let online = Self.state(["example xor", "train 9000", "plot loss"], size)
    #expect(
      Self.isWholeWordPrefix(Self.title(online), of: "mean E_x before update, per 4 epochs"),
      "\(Self.title(online))")
    let boundary = Self.state(
      ["network 2-16-16-1 logistic seed=1", "data spiral n=40 seed=1", "plot boundary"], size,
      glyphs: .ascii)
    let title = Self.title(boundary)
    #expect(title.hasPrefix("decision boundary"), "\(title)")
    #expect(
      Self.isWholeWordPrefix(title, of: "decision boundary: o_35 over x_1, x_2", ellipsis: "..."),
      "\(title)")
    Golden.check(
      Views.render(boundary), "screens/boundary-ascii-\(size.0)x\(size.1)", in: Golden.directory)
  }
}
