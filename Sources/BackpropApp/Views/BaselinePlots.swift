import BackpropEngine
import BackpropPlots
import TextGrid

/// The plots with baselines (`baseline save`): the loss curves of the current run and each kept
/// run in one plot, and the kept descent trails over the surface. Each run has its own mark
/// (`ComparisonPlot.marks`), the same in the loss plot and on the surface.
enum BaselinePlots {
  static func loss(_ state: AppState, width: Int, height: Int) -> TextGrid {
    let marks = ComparisonPlot.marks
    var series = [
      ComparisonPlot.Series(
        name: "now", values: state.session.trainer.lossHistory,
        epochsPerValue: state.session.trainer.losses.epochsPerBucket, mark: marks[0])
    ]
    for (k, b) in state.baselines.enumerated() {
      series.append(
        .init(
          name: b.name, values: b.losses.means, epochsPerValue: b.losses.epochsPerBucket,
          mark: marks[min(k + 1, marks.count - 1)]))
    }
    let plot = ComparisonPlot(
      title: "mean E per epoch, \(series.count) runs", series: series,
      scale: state.plot.logScale ? .logarithmic : .linear)
    return plot.render(width: width, height: height, glyphs: state.glyphs)
  }

  /// Draws the baselines' trails (same network shape only) over a rendered surface plot.
  static func overlayTrails(
    _ state: AppState, on grid: inout TextGrid, frame: PlotFrame?, weights: (Int, Int)
  ) {
    guard let frame else { return }
    let marks = ComparisonPlot.marks
    let shape = state.session.trainer.network.shape.description
    var legend: [String] = []
    for (k, b) in state.baselines.enumerated() where b.shape == shape {
      let mark = marks[min(k + 1, marks.count - 1)]
      for point in b.trail where point.count > max(weights.0, weights.1) {
        guard let cell = frame.cell(for: PlotPoint(point[weights.0], point[weights.1])) else {
          continue
        }
        grid[cell.x, cell.y] = Cell(character: mark, style: .bold)
      }
      legend.append("\(mark) \(b.name)")
    }
    guard !legend.isEmpty else { return }
    let text = legend.joined(separator: "  ")
    grid.put(text, x: max(0, grid.width - text.displayWidth), y: 0, style: .bold)
  }
}
