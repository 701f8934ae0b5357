import BackpropCommands

/// The command line's text, cursor and history, edited by keys.
///
/// Pure value: the update function feeds it keys; the view draws `text` and puts the terminal
/// cursor at `cursor`.
public struct LineEditor: Equatable, Sendable {
  public private(set) var text: [Character] = []
  /// Index into `text` (0…count).
  public private(set) var cursor = 0
  public private(set) var history: [String] = []
  /// Position while browsing history with up/down (nil: editing a new line).
  private var historyIndex: Int?
  private var draft: [Character] = []

  public init() {}

  public var line: String { String(text) }
  public var isEmpty: Bool { text.isEmpty }

  /// Keys past `Session.maximumLineLength` characters are dropped: a huge paste stops there
  /// rather than freezing the interface (the session would refuse the line anyway).
  public mutating func insert(_ c: Character) {
    guard text.count < Session.maximumLineLength else { return }
    text.insert(c, at: cursor)
    cursor += 1
  }

  public mutating func insert(_ s: String) { for c in s { insert(c) } }

  public mutating func backspace() {
    guard cursor > 0 else { return }
    text.remove(at: cursor - 1)
    cursor -= 1
  }

  public mutating func delete() {
    guard cursor < text.count else { return }
    text.remove(at: cursor)
  }

  public mutating func left() { cursor = max(0, cursor - 1) }
  public mutating func right() { cursor = min(text.count, cursor + 1) }
  public mutating func home() { cursor = 0 }
  public mutating func end() { cursor = text.count }
  /// Ctrl-U: clear the line before the cursor.
  public mutating func killToStart() {
    text.removeFirst(cursor)
    cursor = 0
  }

  public mutating func clear() {
    text = []
    cursor = 0
    historyIndex = nil
  }

  public mutating func set(_ s: String) {
    text = Array(s)
    cursor = text.count
  }

  /// Takes the line, remembers it in history, and clears the editor.
  public mutating func submit() -> String {
    let s = line
    if !s.trimmingCharacters(in: " ").isEmpty, history.last != s { history.append(s) }
    if history.count > 500 { history.removeFirst(history.count - 500) }
    clear()
    return s
  }

  public mutating func historyUp() {
    guard !history.isEmpty else { return }
    if historyIndex == nil {
      draft = text
      historyIndex = history.count - 1
    } else if historyIndex! > 0 {
      historyIndex! -= 1
    }
    set(history[historyIndex!])
  }

  public mutating func historyDown() {
    guard let k = historyIndex else { return }
    if k + 1 < history.count {
      historyIndex = k + 1
      set(history[k + 1])
    } else {
      historyIndex = nil
      text = draft
      cursor = text.count
    }
  }

  /// Tab: completes the word before the cursor from `candidates` (longest common prefix), and
  /// returns the candidates when more than one fits, for the view to list.
  public mutating func complete(from candidates: [String]) -> [String] {
    var start = cursor
    while start > 0 && text[start - 1] != " " { start -= 1 }
    let word = String(text[start..<cursor]).lowercased()
    let matches = Array(Set(candidates.filter { $0.lowercased().hasPrefix(word) })).sorted()
    guard !matches.isEmpty else { return [] }
    var common = matches[0]
    for m in matches.dropFirst() {
      while !m.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
    }
    let addition = Array(common.dropFirst(word.count))
    text.insert(contentsOf: addition, at: cursor)
    cursor += addition.count
    if matches.count == 1 {
      if cursor == text.count || text[cursor] != " " {
        text.insert(" ", at: cursor)
      }
      cursor += 1
      return []
    }
    return matches
  }

  /// The word being typed is the first on the line (so a command name is expected).
  public var isCompletingCommand: Bool { !text[..<cursor].contains(" ") }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
