/// One line of a lesson file as characters, so every column reported is a column a person counts
/// in an editor (δ and η are one column each, like in the command language's errors).
struct SourceLine {
  let number: Int
  let characters: [Character]

  init(number: Int, text: Substring) {
    self.number = number
    var chars = Array(text)
    if chars.last == "\r" { chars.removeLast() }
    characters = chars
  }

  /// Index of the first character that is not a space or tab, or nil for a blank line.
  var firstNonBlank: Int? { characters.firstIndex { $0 != " " && $0 != "\t" } }

  /// Whether the line starts with two spaces or a tab (a display line, when it is prose).
  var isIndented: Bool {
    characters.first == "\t"
      || (characters.count >= 2 && characters[0] == " " && characters[1] == " ")
  }

  /// The text from `index` on, without surrounding blanks, with the 1-based column where it
  /// starts (the end of the line when there is nothing).
  func rest(from index: Int) -> (text: String, column: Int) {
    var start = index
    while start < characters.count, characters[start] == " " || characters[start] == "\t" {
      start += 1
    }
    var end = characters.count
    while end > start, characters[end - 1] == " " || characters[end - 1] == "\t" { end -= 1 }
    return (String(characters[start..<end]), start + 1)
  }

  /// Words separated by blanks from `index` on, each with its 1-based column.
  func words(from index: Int) -> [(text: String, column: Int)] {
    var result: [(String, Int)] = []
    var current = ""
    var start = 0
    for k in index..<characters.count {
      let c = characters[k]
      if c == " " || c == "\t" {
        if !current.isEmpty { result.append((current, start)) }
        current = ""
      } else {
        if current.isEmpty { start = k + 1 }
        current.append(c)
      }
    }
    if !current.isEmpty { result.append((current, start)) }
    return result
  }
}
