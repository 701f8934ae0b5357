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

  /// Text rows drawn through a viewport: prose rows as they are, display rows (tables, plots,
  /// formulas) cut at the pane's edges after `shift` columns of sideways scrolling.
  init(rows: ArraySlice<PaneRow>, width: Int, height: Int, viewport: Viewport, shift: Int) {
    var grid = TextGrid(width: width, height: height)
    self.init(grid, viewport: viewport)
    for (k, row) in rows.enumerated() {
      if row.isDisplay {
        let piece = Columns.slice(row.text, from: shift, width: width)
        grid.put(piece.text, x: 0, y: k, style: row.style)
        hasMoreLeft = hasMoreLeft || piece.hiddenLeft
        hasMoreRight = hasMoreRight || piece.hiddenRight
      } else {
        grid.put(row.text, x: 0, y: k, style: row.style)
      }
    }
    self.grid = grid
  }
}

/// One row of a text pane.
struct PaneRow {
  var text: String
  var style: CellStyle
  /// Shown as written: clipped and scrolled sideways, never wrapped.
  var isDisplay: Bool
}
