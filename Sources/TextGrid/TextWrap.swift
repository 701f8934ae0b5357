/// Word wrapping by display width, for prose and long equations: one implementation for the
/// TUI's panes and the headless lesson transcript.
public enum TextWrap {
  /// Wraps `text` into lines of at most `width` columns, the first starting with `first` and
  /// the rest with `rest` (e.g. "? " and "  " for a question), breaking at spaces.
  public static func wrap(_ text: String, width: Int, first: String, rest: String = "") -> [String]
  {
    let inner = max(1, width - max(first.displayWidth, rest.displayWidth))
    let words = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    return wrap(words, width: inner).enumerated().map {
      ($0.offset == 0 ? first : rest) + $0.element
    }
  }

  /// Wraps `text` to `width` columns, breaking at spaces; words longer than a line are cut.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    if text.isEmpty { return [""] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      let w = word.displayWidth
      if currentWidth > 0 && currentWidth + 1 + w > width {
        lines.append(current)
        current = ""
        currentWidth = 0
      }
      var word = word
      var ww = w
      while ww > width {
        // Cut an over-long word.
        var head = ""
        var hw = 0
        for c in word {
          let cw = DisplayWidth.of(c)
          if hw + cw > width - currentWidth - (currentWidth > 0 ? 1 : 0) { break }
          head.append(c)
          hw += cw
        }
        if head.isEmpty {
          lines.append(current)
          current = ""
          currentWidth = 0
          continue
        }
        current += (currentWidth > 0 ? " " : "") + head
        lines.append(current)
        current = ""
        currentWidth = 0
        word = String(word.dropFirst(head.count))
        ww = word.displayWidth
      }
      if currentWidth > 0 {
        current += " "
        currentWidth += 1
      }
      current += word
      currentWidth += ww
    }
    lines.append(current)
    return lines
  }

  /// Breaks an equation "a = b = c = d" at its " = " signs so each line fits, indenting the
  /// continuation lines; falls back to word wrapping.
  public static func wrapEquation(_ text: String, width: Int) -> [String] {
    if text.displayWidth <= width { return [text] }
    let parts = text.components(separatedBy: " = ")
    var lines: [String] = []
    var current = ""
    for (k, part) in parts.enumerated() {
      let piece = k == 0 ? part : "= " + part
      if current.isEmpty {
        current = k == 0 ? piece : "    " + piece
      } else if (current + " " + piece).displayWidth <= width {
        current += " " + piece
      } else {
        lines.append(current)
        current = "    " + piece
      }
    }
    lines.append(current)
    return lines.flatMap { $0.displayWidth <= width ? [$0] : wrap($0, width: width) }
  }
}

extension String {
  /// Splits on a separator and returns the pieces (Foundation-free).
  func components(separatedBy separator: String) -> [String] {
    var result: [String] = []
    var rest = Substring(self)
    while let r = rest.range(of: separator) {
      result.append(String(rest[..<r.lowerBound]))
      rest = rest[r.upperBound...]
    }
    result.append(String(rest))
    return result
  }
}

extension Substring {
  func range(of needle: String) -> Range<Substring.Index>? {
    guard !needle.isEmpty else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(needle) { return i..<(index(i, offsetBy: needle.count)) }
      i = index(after: i)
    }
    return nil
  }
}
