import BackpropPlots
import Testing
import TextGrid

@Test func preview() {
  for (w, h) in [(60, 20), (40, 12), (80, 24)] {
    for g in [GlyphSet.unicode, .ascii] {
      print(Fixtures.singleCaseSurface.render(width: w, height: h, glyphs: g).text)
      print(Fixtures.twoCasesSurface.render(width: w, height: h, glyphs: g).text)
    }
  }
}
