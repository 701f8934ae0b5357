/// Finds the word someone probably meant, for "did you mean" in messages.
enum Spelling {
  static func closest(to word: String, among candidates: [String]) -> String? {
    let w = word.lowercased()
    let scored = candidates.map { ($0, distance($0, w)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, w.count / 3) else {
      return nil
    }
    return best.0
  }

  /// Edit distance where swapping two neighbouring letters counts as one edit (a typo like
  /// `@pasue` is one slip, not two).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  /// Label names: letters, digits, `-` and `_`.
  static func isLabel(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
  }
}
