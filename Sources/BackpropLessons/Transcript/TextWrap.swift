/// Word wrapping for the plain-text transcript (the TUI wraps with its own display widths).
public enum TextWrap {
  /// Breaks `text` at spaces into lines of at most `width` characters, the first starting with
  /// `first` and the rest with `rest`. A word longer than a line is kept whole rather than cut.
  public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "")
    -> [String]
  {
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if lineHasWord && line.count + 1 + word.count > width {
        lines.append(line)
        line = rest
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines
  }
}
