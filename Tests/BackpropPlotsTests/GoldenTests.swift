import BackpropPlots
import Testing
import TestSupport
import TextGrid

/// Every plot at a small and a large size, in both glyph sets, against files in `Golden/`
/// (characters and styles).
@Suite struct GoldenTests {
  static let sizes = [(40, 12), (80, 24)]
  static let glyphSets: [(String, GlyphSet)] = [("unicode", .unicode), ("ascii", .ascii)]

  private func checkAll(_ name: String, render: (Int, Int, GlyphSet) -> TextGrid) {
    for (width, height) in Self.sizes {
      for (glyphName, glyphs) in Self.glyphSets {
        Golden.check(
          render(width, height, glyphs), "\(name)-\(width)x\(height)-\(glyphName)",
          in: Golden.directory)
      }
    }
  }

  @Test func singleCaseSurface() {
    checkAll("surface-single-case") {
      Fixtures.singleCaseSurface.render(width: $0, height: $1, glyphs: $2)
    }
  }

  @Test func twoCasesSurface() {
    checkAll("surface-two-cases") {
      Fixtures.twoCasesSurface.render(width: $0, height: $1, glyphs: $2)
    }
  }

  @Test func brokenSurface() {
    checkAll("surface-non-finite") {
      Fixtures.brokenSurface.render(width: $0, height: $1, glyphs: $2)
    }
  }

  @Test func parabola() {
    checkAll("line-parabola") { Fixtures.parabola.render(width: $0, height: $1, glyphs: $2) }
  }

  @Test func loss() {
    checkAll("series-loss") { Fixtures.loss.render(width: $0, height: $1, glyphs: $2) }
  }

  @Test func logLoss() {
    checkAll("series-loss-log") { Fixtures.logLoss.render(width: $0, height: $1, glyphs: $2) }
  }

  @Test func longLogLoss() {
    checkAll("series-long-log") { Fixtures.longLogLoss.render(width: $0, height: $1, glyphs: $2) }
  }
}
