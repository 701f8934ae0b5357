import BackpropEngine
import BackpropPlots
import TextGrid

/// The loss plot with the test curve of `data split` on top: the training curve is drawn by
/// `SeriesPlot` as always, on a value range that covers both curves, and the test E is marked
/// once per data column (`×`, ASCII `x`) at the epoch under the column's centre. Kept out of
/// `SeriesPlot` so that plot stays one series; the legend names it (`× test E 0.274`).
enum LossTestOverlay {
  /// `plot` draws the training curve, one value per bucket of `losses` from epoch 1; `history`
  /// is the test curve on the same bucket grid (its bucket b is the plot's value
  /// `history.firstBucket + b`).
  static func render(
    _ plot: SeriesPlot, test history: LossHistory, width: Int, height: Int, glyphs: GlyphSet
  ) -> TextGrid {
    let test = history.means
    guard !test.isEmpty, plot.yRange == nil,
      history.epochsPerBucket == plot.epochsPerValue, plot.firstEpoch == 1
    else {
      return plot.render(width: width, height: height, glyphs: glyphs)
    }
    var both = plot
    let marker: Character = glyphs.isUnicode ? "×" : "x"
    let last = NumberFormat.format(history.last ?? test[test.count - 1], digits: 3)
    both.overlay = SeriesPlot.OverlayLegend(
      marker: String(marker), style: [.bold, .cyan], spellings: ["test E " + last, last])
    let drawable = (plot.values + test).filter {
      $0.isFinite && (plot.scale == .linear || $0 > 0)
    }
    if let low = drawable.min(), let high = drawable.max() {
      let range = high > low ? PlotRange(low, high) : PlotRange(low - 0.5, high + 0.5)
      both.yRange = plot.scale == .linear ? range.padded(by: 0.05) : range
    }
    var grid = both.render(width: width, height: height, glyphs: glyphs)
    guard let frame = both.frame(width: width, height: height, glyphs: glyphs) else { return grid }
    for column in frame.dataColumns {
      let epoch = Int(frame.xCenter(ofColumn: column).rounded())
      let index = (epoch - plot.firstEpoch) / plot.epochsPerValue - history.firstBucket
      guard index >= 0, index < test.count, let position = plot.scale.position(of: test[index]),
        let cell = frame.cell(for: PlotPoint(Double(epoch), position))
      else { continue }
      grid[cell.x, cell.y] = Cell(character: marker, style: [.bold, .cyan])
    }
    return grid
  }
}
