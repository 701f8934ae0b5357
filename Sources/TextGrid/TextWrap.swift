/// Word wrapping by display width, for prose and long equations: one implementation for the
/// TUI's panes and the headless lesson transcript.
///
/// Lines break only between tokens, so a number (`-0.038098`, `1.1856e-44`), a name (`∂E/∂w_35`)
/// or a word is never split across lines: a student copying a value must see all of it. Only a
/// token wider than a whole line is cut, and it then ends with an ellipsis so the cut is visible.
/// Every function here is linear in its input (see `LineBreaker`).
public enum TextWrap {
  /// Wraps `text` into lines of at most `width` columns, the first starting with `first` and
  /// the rest with `rest` (e.g. "? " and "  " for a question), breaking at spaces.
  ///
  /// The text is prose here, so runs of spaces (and leading spaces) are collapsed to one.
  public static func wrap(
    _ text: String, width: Int, first: String, rest: String = "", ellipsis: String = "…"
  ) -> [String] {
    let inner = max(1, width - max(first.displayWidth, rest.displayWidth))
    let words = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    return wrap(words, width: inner, ellipsis: ellipsis).enumerated().map {
      ($0.offset == 0 ? first : rest) + $0.element
    }
  }

  /// Wraps `text` to `width` columns, breaking only at spaces.
  ///
  /// Text that fits is returned unchanged. Otherwise the leading spaces are kept on the first line
  /// and repeated on the others (a hanging indent, so indented output stays aligned), up to half
  /// the width so some text always fits; the spaces at each break are dropped. A token wider than
  /// the room left after the indent is cut and ends with `ellipsis` ("..." on ASCII screens).
  public static func wrap(_ text: String, width: Int, ellipsis: String = "…") -> [String] {
    guard let (breaker, leading, indent) = needsBreaking(text, width: width) else {
      return width > 0 ? [text] : []
    }
    return breaker.lines(
      from: leading, width: width, firstIndent: indent, restIndent: indent,
      levels: [breaker.spaceBreaks()], ellipsis: ellipsis)
  }

  /// The breaker for `text`, its leading spaces and the indent kept (at most half the width), or
  /// nil when the text fits in `width` as it is (or `width` leaves no room at all).
  private static func needsBreaking(_ text: String, width: Int) -> (
    LineBreaker, leading: Int, indent: Int
  )? {
    guard width > 0 else { return nil }
    let breaker = LineBreaker(text)
    if breaker.displayWidth(of: 0..<breaker.count) <= width { return nil }
    let leading = breaker.leadingSpaces
    return (breaker, leading, min(leading, width / 2))
  }

  /// Wraps an equation such as `δ_3 = (w_35 δ_5 + w_36 δ_6)·o_3(1 − o_3) = … = 0.0087714`.
  ///
  /// A line breaks preferably before ` = `, then before a binary ` + `, ` − ` or ` - `, then after
  /// a product `·`, and only then at another space (or, last of all, before a `·`), so each line
  /// holds whole steps of the derivation. Continuation lines are indented by 4 more spaces (less
  /// on a very narrow pane); names and numbers are never split, and only a token wider than a line
  /// is cut with `ellipsis`.
  public static func wrapEquation(_ text: String, width: Int, ellipsis: String = "…") -> [String] {
    guard let (breaker, leading, indent) = needsBreaking(text, width: width) else {
      return width > 0 ? [text] : []
    }
    return breaker.lines(
      from: leading, width: width, firstIndent: indent,
      restIndent: min(indent + 4, max(indent, width / 2)),
      levels: [
        breaker.breaks(before: ["="]), breaker.breaks(before: ["+", "−", "-"]),
        breaker.breaks(after: "·"), breaker.spaceBreaks(), breaker.breaks(before: "·"),
      ],
      ellipsis: ellipsis)
  }

  /// Shortens `text` to at most `width` columns for a status line or a menu entry: text that fits
  /// is unchanged; otherwise it is cut, at a space when one falls in the last half of what is
  /// kept (so the last word shown is whole), and `ellipsis` is added.
  public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    let mark = LineBreaker.prefix(of: ellipsis, columns: width)
    let budget = width - mark.displayWidth
    // One walk forward, stopping as soon as the text is known not to fit.
    var kept: [Character] = []
    var following: Character?  // the first character that did not fit in `budget`
    var lastSpace: (index: Int, columns: Int)?  // in `kept`, with the columns before it
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let w = DisplayWidth.of(character)
      if used + w > width {
        if following == nil { following = character }
        break
      }
      if following == nil {
        if used + w <= budget {
          if character == " " { lastSpace = (kept.count, used) }
          kept.append(character)
        } else {
          following = character
        }
      }
      used += w
      index = text.index(after: index)
    }
    if index == text.endIndex { return text }
    // Back up to the last space unless the cut already falls on one or that would lose too much.
    if following != " ", let space = lastSpace, space.columns * 2 >= budget {
      kept.removeSubrange(space.index...)
    }
    while kept.last == " " { kept.removeLast() }
    return String(kept) + mark
  }
}
