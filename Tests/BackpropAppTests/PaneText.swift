@testable import BackpropApp

/// The inside of a pane on the rendered screen, one string per row without trailing spaces:
/// what a person reads in that pane.
func paneText(_ s: AppState, _ pane: PaneID) -> [String] {
  let grid = Views.render(s)
  guard let inner = s.layout[pane]?.inner else { return [] }
  return (inner.y..<inner.maxY).map { y in
    var line = ""
    for x in inner.x..<inner.maxX where !grid[x, y].isContinuation {
      line.append(grid[x, y].character)
    }
    while line.last == " " { line.removeLast() }
    return line
  }
}
