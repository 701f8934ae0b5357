/// Finds the word someone probably meant, for "did you mean" in messages.
enum Spelling {
  static func closest(to word: String, among candidates: [String]) -> String? {
    let w = word.lowercased()
    let scored = candidates.map { ($0, distance($0, w)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, w.count / 3) else { return nil }
    return best.0
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// Label names: letters, digits, `-` and `_`.
  static func isLabel(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
  }
}
