import BackpropPlots
import Testing

@Suite struct RangeChooserTests {
  @Test func coversThePathAndTheMinimumWithMargin() {
    let path = Fixtures.twoCasesPath
    let (x, y) = PlotRangeChooser.covering(points: path, including: PlotPoint(1, -1))
    for point in path + [PlotPoint(1, -1)] {
      #expect(x.lower < point.x && point.x < x.upper)
      #expect(y.lower < point.y && point.y < y.upper)
    }
    // The minimum keeps room around it on every side.
    #expect(x.upper - 1 >= 0.2 * x.span && 1 - x.lower >= 0.2 * x.span)
    #expect(y.upper + 1 >= 0.2 * y.span && -1 - y.lower >= 0.2 * y.span)
  }

  @Test func singlePointAndNoPointsGetAWindow() {
    let (x, y) = PlotRangeChooser.covering(points: [PlotPoint(3, 3)])
    #expect(x.contains(3) && x.span >= 1 && y.contains(3) && y.span >= 1)
    let empty = PlotRangeChooser.covering(points: [])
    #expect(empty.x.span > 0 && empty.y.span > 0)
  }

  @Test func nonFinitePointsAreIgnored() {
    let (x, y) = PlotRangeChooser.covering(
      points: [PlotPoint(0, 0), PlotPoint(.nan, 1), PlotPoint(1, .infinity), PlotPoint(1, 1)])
    #expect(x.lower.isFinite && x.upper.isFinite && y.lower.isFinite && y.upper.isFinite)
    #expect(x.contains(0) && x.contains(1) && y.contains(0) && y.contains(1))
    #expect(y.upper < 10)
  }

  @Test func rangesAreNormalized() {
    #expect(PlotRange(2, 1).normalized == PlotRange(1, 2))
    #expect(PlotRange(.nan, 1).normalized == PlotRange(-1, 1))
    #expect(PlotRange(4, 4).normalized.span > 0)
  }
}
