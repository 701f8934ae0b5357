import TextGrid

/// The plot chosen with `plot`, drawn by BackpropPlots.
enum PlotPane {
  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    TextGrid(width: width, height: height)
  }
}
