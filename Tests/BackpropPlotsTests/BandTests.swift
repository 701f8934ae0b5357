import BackpropPlots
import Testing
import TextGrid

/// A bucketed loss curve is drawn through each bucket's range, so a spike inside one bucket is
/// still seen, and the x axis keeps counting epochs.
@Suite struct BandTests {
  /// 100 buckets of 50 epochs, flat at 1 except one bucket whose epochs reached 5.
  static func plot(band: Bool) -> SeriesPlot {
    let means = Array(repeating: 1.0, count: 100)
    var highs = means
    highs[60] = 5
    return SeriesPlot(
      title: "band", values: means, firstEpoch: 1, epochsPerValue: 50,
      band: band ? SeriesPlot.Band(lows: means, highs: highs) : nil)
  }

  /// Rows of the plot area holding curve dots (Braille cells other than blank).
  static func curveRows(_ grid: TextGrid) -> Set<Int> {
    var rows = Set<Int>()
    for y in 0..<grid.height {
      for x in 0..<grid.width {
        let scalar = grid[x, y].character.unicodeScalars.first!.value
        if scalar > 0x2800 && scalar <= 0x28FF { rows.insert(y) }
      }
    }
    return rows
  }

  @Test func aSpikeInsideABucketIsDrawn() {
    let flat = Self.curveRows(Self.plot(band: false).render(width: 80, height: 20))
    let banded = Self.curveRows(Self.plot(band: true).render(width: 80, height: 20))
    #expect(flat.count == 1)
    // The band reaches up from the flat line to 5, the top of the value axis.
    #expect(banded.count > 10)
    #expect(banded.isSuperset(of: flat))
  }

  @Test func theAxisCountsEpochs() {
    let plot = Self.plot(band: true)
    #expect(plot.epochRange == PlotRange(1, 5_000))
    #expect(plot.epoch(ofValue: 60) == 3_001)
    let text = plot.render(width: 80, height: 20).lines.joined(separator: "\n")
    #expect(text.contains("5000"))
  }
}
