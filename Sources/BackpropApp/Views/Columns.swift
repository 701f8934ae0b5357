import TextGrid

/// Cutting lines by display columns, for lines shown as written (tables, plots, formulas) that
/// scroll sideways instead of wrapping.
enum Columns {
  /// The part of `text` from column `start` that fits in `width` columns, and whether anything
  /// is hidden on either side. A word or number that would straddle an edge is left out whole
  /// (blank), so a sideways-scrolled table never shows a cut number.
  static func slice(_ text: String, from start: Int, width: Int) -> (
    text: String, hiddenLeft: Bool, hiddenRight: Bool
  ) {
    let end = start + width
    var out = ""
    var hiddenLeft = false
    var hiddenRight = false
    var column = 0
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == " " {
        if column >= start && column < end { out.append(" ") }
        column += 1
        index = text.index(after: index)
        continue
      }
      // A token: a run of characters up to the next space.
      var tokenEnd = index
      var tokenWidth = 0
      while tokenEnd < text.endIndex, text[tokenEnd] != " " {
        tokenWidth += DisplayWidth.of(text[tokenEnd])
        tokenEnd = text.index(after: tokenEnd)
      }
      let first = column
      let last = column + tokenWidth
      if first >= start && last <= end {
        out += text[index..<tokenEnd]
      } else {
        if first < start { hiddenLeft = true }
        if last > end { hiddenRight = true }
        // Blank whatever part of the token falls inside the window.
        let shown = max(0, min(last, end) - max(first, start))
        out += String(repeating: " ", count: shown)
      }
      column = last
      index = tokenEnd
      if column >= end {
        if text[index...].contains(where: { $0 != " " }) { hiddenRight = true }
        break
      }
    }
    return (out, hiddenLeft, hiddenRight)
  }
}
