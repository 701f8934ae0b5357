import BackpropEngine

/// Reads the words after a command name one at a time, turning each mistake into a
/// `CommandError` that points at the word (or at the end of the line when a word is missing).
struct Arguments {
  let tokens: [Token]
  let endColumn: Int
  private(set) var index = 0

  init(_ tokens: [Token], lineLength: Int) {
    self.tokens = tokens
    endColumn = lineLength + 1
  }

  var isAtEnd: Bool { index >= tokens.count }
  var remaining: [Token] { Array(tokens[index...]) }
  var peek: Token? { isAtEnd ? nil : tokens[index] }

  mutating func next() -> Token? {
    guard !isAtEnd else { return nil }
    defer { index += 1 }
    return tokens[index]
  }

  mutating func require(_ what: String) throws(CommandError) -> Token {
    guard let t = next() else {
      throw CommandError(column: endColumn, message: "missing \(what)", expected: what)
    }
    return t
  }

  mutating func number(_ what: String) throws(CommandError) -> Double {
    let t = try require(what)
    return try Self.number(t, what)
  }

  static func number(_ t: Token, _ what: String) throws(CommandError) -> Double {
    guard let v = NumberParser.parse(t.text) else {
      throw CommandError(column: t.column, message: "`\(t.text)` is not a number", expected: what)
    }
    // One rule for every value a command stores (weights, inputs, targets, η, digits): a NaN or
    // an infinity typed in would only poison every number computed from it.
    guard v.isFinite else {
      throw CommandError(
        column: t.column, message: "`\(t.text)` is not a finite number", expected: what)
    }
    return v
  }

  mutating func integer(_ what: String, in range: ClosedRange<Int>? = nil) throws(CommandError)
    -> Int
  {
    let t = try require(what)
    return try Self.integer(t, what, in: range)
  }

  static func integer(_ t: Token, _ what: String, in range: ClosedRange<Int>? = nil)
    throws(CommandError) -> Int
  {
    try wholeNumber(t, what, in: range ?? Int.min...Int.max)
  }

  /// A seed: any whole number from 0 to 2⁶⁴ − 1.
  static func seed(_ t: Token) throws(CommandError) -> UInt64 {
    try wholeNumber(t, "a seed from 0", in: 0...UInt64.max)
  }

  /// The one rule for every whole-number argument: digits (with `_` between them and a sign)
  /// are a whole number; one that does not fit the type is "too large" (or "too small"), naming
  /// the largest (smallest) allowed, instead of "not a whole number" (`train
  /// 99999999999999999999` was); a number outside `range` is out of range.
  static func wholeNumber<T: FixedWidthInteger>(
    _ t: Token, _ what: String, in range: ClosedRange<T>
  ) throws(CommandError) -> T {
    let text = t.text.replacing("_", with: "").replacing("−", with: "-")
    guard let v = T(text) else {
      let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : text[...]
      if !unsigned.isEmpty, unsigned.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        let negative = text.hasPrefix("-")
        throw CommandError(
          column: t.column,
          message:
            "`\(t.text)` is too \(negative ? "small" : "large"); the \(negative ? "smallest" : "largest") allowed is \(negative ? range.lowerBound : range.upperBound)",
          expected: "\(what) from \(range.lowerBound) to \(range.upperBound)")
      }
      throw CommandError(
        column: t.column, message: "`\(t.text)` is not a whole number", expected: what)
    }
    if !range.contains(v) {
      throw CommandError(
        column: t.column, message: "\(v) is out of range",
        expected: "\(what) from \(range.lowerBound) to \(range.upperBound)")
    }
    return v
  }

  /// Fails if anything is left on the line.
  func finish(_ usage: String) throws(CommandError) {
    if let t = peek {
      throw CommandError(
        column: t.column, message: "unexpected `\(t.text)`",
        expected: "end of line; usage: \(usage)")
    }
  }
}

/// Numbers as people type them: 0.5, .5, -1, −1 (Unicode minus), 1e-3, 3.5e+2.
public enum NumberParser {
  public static func parse(_ text: String) -> Double? {
    var s = text.replacing("−", with: "-").replacing("_", with: "")
    if s.hasPrefix("+") { s.removeFirst() }
    switch s.lowercased() {
    case "inf", "+inf", "infinity", "∞": return .infinity
    case "-inf", "-infinity", "-∞": return -.infinity
    case "nan": return .nan
    default: break
    }
    guard !s.isEmpty, s.allSatisfy({ "0123456789.-+eE".contains($0) }) else { return nil }
    return Double(s)
  }
}
