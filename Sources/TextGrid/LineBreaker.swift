/// The greedy line breaker behind `TextWrap`.
///
/// The text is held once as an array of characters with running totals of their display widths,
/// so the width of any slice is one subtraction and the furthest point a line can reach is a
/// binary search. Each line is then one search, never a rescan from the start: the earlier
/// implementation measured and re-sliced the remaining string per word, which made a 200 kB word
/// take seconds and a pasted page freeze the terminal.
struct LineBreaker {
  /// A place where a line may end (`end`, exclusive) and where the next line then starts (`next`,
  /// past the spaces dropped at the break).
  struct Break {
    var end: Int
    var next: Int
  }

  let characters: [Character]
  /// `columns[i]` is the display width of `characters[..<i]`.
  let columns: [Int]

  init(_ text: String) {
    characters = Array(text)
    var columns = [Int]()
    columns.reserveCapacity(characters.count + 1)
    var total = 0
    columns.append(0)
    for character in characters {
      total += DisplayWidth.of(character)
      columns.append(total)
    }
    self.columns = columns
  }

  var count: Int { characters.count }

  /// Display width of `characters[range]`.
  func displayWidth(of range: Range<Int>) -> Int {
    columns[range.upperBound] - columns[range.lowerBound]
  }

  /// Number of spaces the text starts with.
  var leadingSpaces: Int {
    var k = 0
    while k < count && characters[k] == " " { k += 1 }
    return k
  }

  /// The largest `end` such that `characters[start..<end]` takes at most `budget` columns.
  func reach(from start: Int, budget: Int) -> Int {
    let limit = columns[start] + budget
    var low = start
    var high = count
    while low < high {
      let mid = (low + high + 1) / 2
      if columns[mid] <= limit { low = mid } else { high = mid - 1 }
    }
    return low
  }

  // MARK: - Break points

  /// One break per run of spaces: the line ends before the run, the next starts after it.
  func spaceBreaks() -> [Break] {
    var breaks: [Break] = []
    var i = 0
    while i < count {
      guard characters[i] == " " else {
        i += 1
        continue
      }
      let start = i
      while i < count && characters[i] == " " { i += 1 }
      breaks.append(Break(end: start, next: i))
    }
    return breaks
  }

  /// Breaks before each `operator` that has spaces on both sides: the line ends before the spaces,
  /// the next starts with the operator (so a continuation line reads "= …" or "+ …").
  func breaks(before operators: Set<Character>) -> [Break] {
    var breaks: [Break] = []
    var runStart = 0
    for i in 0..<count {
      if characters[i] == " " {
        if i == 0 || characters[i - 1] != " " { runStart = i }
      } else if i > 0, i + 1 < count, characters[i - 1] == " ", characters[i + 1] == " ",
        operators.contains(characters[i])
      {
        breaks.append(Break(end: runStart, next: i))
      }
    }
    return breaks
  }

  /// Breaks after each `symbol` (e.g. the product dot), dropping any spaces that follow it.
  func breaks(after symbol: Character) -> [Break] {
    var breaks: [Break] = []
    var i = 0
    while i < count {
      guard characters[i] == symbol else {
        i += 1
        continue
      }
      var next = i + 1
      while next < count && characters[next] == " " { next += 1 }
      if next < count { breaks.append(Break(end: i + 1, next: next)) }
      i = next
    }
    return breaks
  }

  /// Breaks right before each `symbol`, as a last resort before cutting: a token that fits a line
  /// but not together with the product dot that follows it goes alone, the dot starting the next.
  func breaks(before symbol: Character) -> [Break] {
    var breaks: [Break] = []
    var runStart = 0
    for i in 0..<count {
      if characters[i] == " " {
        if i == 0 || characters[i - 1] != " " { runStart = i }
      } else if characters[i] == symbol, i > 0 {
        breaks.append(Break(end: characters[i - 1] == " " ? runStart : i, next: i))
      }
    }
    return breaks
  }

  // MARK: - Breaking

  /// Breaks `characters[start...]` into lines of at most `width` columns, the first prefixed by
  /// `firstIndent` spaces and the others by `restIndent`.
  ///
  /// `levels` lists the break points from most to least preferred, each sorted by `end`: a line
  /// ends at the furthest break of the most preferred level within reach. When no break is within
  /// reach, the piece up to the next break is wider than a line by itself and only then is it cut,
  /// ending with `ellipsis` so the reader sees something is missing.
  func lines(
    from start: Int, width: Int, firstIndent: Int, restIndent: Int, levels: [[Break]],
    ellipsis: String
  ) -> [String] {
    var lines: [String] = []
    var s = start
    var indent = firstIndent
    while true {
      let budget = width - indent
      let pad = String(repeating: " ", count: indent)
      if displayWidth(of: s..<count) <= budget {
        lines.append(pad + String(characters[s..<count]))
        break
      }
      let reachable = reach(from: s, budget: budget)
      if let cut = preferredBreak(in: levels, after: s, upTo: reachable) {
        lines.append(pad + String(characters[s..<cut.end]))
        s = cut.next
      } else {
        let piece = nextBreak(in: levels, after: s)
        lines.append(pad + shortened(s..<piece.end, budget: budget, ellipsis: ellipsis))
        s = piece.next
      }
      indent = restIndent
      if s >= count { break }
    }
    return lines
  }

  /// The furthest break with `start < end <= limit` in the first level that has one.
  private func preferredBreak(in levels: [[Break]], after start: Int, upTo limit: Int) -> Break? {
    for breaks in levels {
      // Last break with end <= limit.
      var low = 0
      var high = breaks.count
      while low < high {
        let mid = (low + high) / 2
        if breaks[mid].end <= limit { low = mid + 1 } else { high = mid }
      }
      if low > 0, breaks[low - 1].end > start { return breaks[low - 1] }
    }
    return nil
  }

  /// The nearest break with `end > start` in any level, or the end of the text.
  private func nextBreak(in levels: [[Break]], after start: Int) -> Break {
    var nearest = Break(end: count, next: count)
    for breaks in levels {
      var low = 0
      var high = breaks.count
      while low < high {
        let mid = (low + high) / 2
        if breaks[mid].end <= start { low = mid + 1 } else { high = mid }
      }
      if low < breaks.count, breaks[low].end < nearest.end { nearest = breaks[low] }
    }
    return nearest
  }

  /// `characters[range]` cut to `budget` columns including the ellipsis.
  func shortened(_ range: Range<Int>, budget: Int, ellipsis: String) -> String {
    let mark = LineBreaker.prefix(of: ellipsis, columns: budget)
    let end = min(
      range.upperBound, reach(from: range.lowerBound, budget: budget - mark.displayWidth))
    return String(characters[range.lowerBound..<end]) + mark
  }

  /// The longest prefix of a short string (an ellipsis) that fits `columns`.
  static func prefix(of text: String, columns: Int) -> String {
    var result = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > columns { break }
      result.append(character)
      used += w
    }
    return result
  }
}
