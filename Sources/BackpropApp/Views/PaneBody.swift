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

  /// The rows of one line of printed output (a command's answer in the output or lesson pane):
  /// as it is when it fits; shown as written when it is laid out in columns (a table or a plot:
  /// a run of two spaces after the indent, or drawing characters), since re-flowing would scramble
  /// it; an equation broken at `=`, `+`, `·`; anything else wrapped by words. Numbers and names
  /// are never split.
  static func printed(_ text: String, style: CellStyle, width: Int, glyphs: GlyphSet) -> [PaneRow] {
    // No character is wider than its UTF-8 bytes, so a short line fits without measuring it.
    if text.utf8.count <= width || text.displayWidth <= width {
      return [PaneRow(text: text, style: style, isDisplay: false)]
    }
    if isLaidOut(text) { return [PaneRow(text: text, style: style, isDisplay: true)] }
    let ellipsis = glyphs.text("…")
    if isEquation(text) {
      return TextWrap.wrapEquation(text, width: width, ellipsis: ellipsis).map {
        PaneRow(text: $0, style: style, isDisplay: false)
      }
    }
    // In prose, `=` stays with the word before it (a no-break space while wrapping), so no row
    // starts with `=` and reads as a formula's continuation.
    let glued = text.contains(" = ") ? text.replacing(" = ", with: "\u{A0}= ") : text
    return TextWrap.wrap(glued, width: width, ellipsis: ellipsis).map {
      PaneRow(text: $0.replacing("\u{A0}", with: " "), style: style, isDisplay: false)
    }
  }

  /// A line that starts like an equation: a quantity (`δ_5`, `∂E/∂w_35`, `mean E`, at most two
  /// words) and then ` = `, or a continuation that starts with `= `. Prose that merely contains
  /// ` = ` (`a) at y = 1, where the neuron is now`) wraps by words: broken at its `=` it read as
  /// `a) at y` / `    = 1, where…`.
  static func isEquation(_ text: String) -> Bool {
    let body = text.drop { $0 == " " }
    if body.hasPrefix("= ") { return true }
    guard let sign = body.firstRange(of: " = ") else { return false }
    let words = body[..<sign.lowerBound].split(separator: " ").count
    return words >= 1 && words <= 2
  }

  /// A table or a plot: columns made with runs of spaces, or drawing characters.
  static func isLaidOut(_ text: String) -> Bool {
    let body = text.drop { $0 == " " }
    if body.contains("  ") { return true }
    return body.unicodeScalars.contains { (0x2500...0x28FF).contains($0.value) || $0 == "|" }
  }
}
