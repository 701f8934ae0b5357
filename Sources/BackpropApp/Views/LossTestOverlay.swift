import BackpropEngine
import BackpropPlots
import TextGrid

/// The loss plot with the test curve of `data split` on top: the training curve is drawn by
/// `SeriesPlot` as always, on a value range that covers both curves, and the test E is marked
/// once per data column (`×`, ASCII `x`) at the epoch under the column's centre. Kept out of
/// `SeriesPlot` so that plot stays one series.
enum LossTestOverlay {
  /// `test` holds the test E of the last `test.count` epochs of `plot.values`.
  static func render(
    _ plot: SeriesPlot, test: [Double], width: Int, height: Int, glyphs: GlyphSet
  ) -> TextGrid {
    guard !test.isEmpty, plot.yRange == nil else {
      return plot.render(width: width, height: height, glyphs: glyphs)
    }
    var both = plot
    let drawable = (plot.values + test).filter {
      $0.isFinite && (plot.scale == .linear || $0 > 0)
    }
    if let low = drawable.min(), let high = drawable.max() {
      let range = high > low ? PlotRange(low, high) : PlotRange(low - 0.5, high + 0.5)
      both.yRange = plot.scale == .linear ? range.padded(by: 0.05) : range
    }
    var grid = both.render(width: width, height: height, glyphs: glyphs)
    guard let frame = both.frame(width: width, height: height, glyphs: glyphs) else { return grid }
    let offset = plot.values.count - test.count
    let marker: Character = glyphs.isUnicode ? "×" : "x"
    for column in frame.dataColumns {
      let epoch = Int(frame.xCenter(ofColumn: column).rounded())
      let index = epoch - plot.firstEpoch - offset
      guard index >= 0, index < test.count, let position = plot.scale.position(of: test[index]),
        let cell = frame.cell(for: PlotPoint(Double(epoch), position))
      else { continue }
      grid[cell.x, cell.y] = Cell(character: marker, style: [.bold, .cyan])
    }
    let label = "\(marker) test E " + NumberFormat.format(test[test.count - 1], digits: 3)
    let x = width - label.count
    if x > 0 { grid.put(label, x: x, y: 0, style: [.cyan], maxWidth: label.count) }
    return grid
  }
}
