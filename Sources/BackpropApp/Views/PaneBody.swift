import TextGrid

/// What a pane's view draws inside the pane's box, and what the box's border should say about it:
/// how many rows are hidden above and below, whether lines go on to the left or right, and a
/// note for the title (e.g. the columns a narrow table leaves out).
struct PaneBody {
  var grid: TextGrid
  var above = 0
  var below = 0
  var hasMoreLeft = false
  var hasMoreRight = false
  var titleNote: String?

  init(_ grid: TextGrid) { self.grid = grid }

  init(_ grid: TextGrid, viewport: Viewport) {
    self.grid = grid
    above = viewport.above
    below = viewport.below
  }
}
