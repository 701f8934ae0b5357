import TextGrid

/// Cutting lines by display columns, for lines shown as written (tables, plots, formulas) that
/// scroll sideways instead of wrapping.
enum Columns {
  /// The part of `text` from column `start` that fits in `width` columns, and whether anything
  /// is hidden on either side. A wide character that would straddle an edge is left out.
  static func slice(_ text: String, from start: Int, width: Int) -> (
    text: String, hiddenLeft: Bool, hiddenRight: Bool
  ) {
    var out = ""
    var column = 0
    var hiddenLeft = false
    var hiddenRight = false
    for c in text {
      let w = DisplayWidth.of(c)
      defer { column += w }
      if column < start {
        if c != " " { hiddenLeft = true }
        continue
      }
      if column + w > start + width {
        if c != " " {
          hiddenRight = true
          break
        }
        continue
      }
      out.append(c)
    }
    return (out, hiddenLeft, hiddenRight)
  }
}
