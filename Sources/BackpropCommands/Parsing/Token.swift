/// A word of a command line and the column (1-based, in characters) where it starts, so that
/// errors can point at it.
public struct Token: Equatable, Sendable {
  public var text: String
  public var column: Int

  public init(_ text: String, column: Int) {
    self.text = text
    self.column = column
  }
}

/// Splits a command line into words.
///
/// Forgiving of spacing: runs of spaces or tabs separate words, `key = value` is read as
/// `key=value`, and a `#` starts a comment. A quoted word ("my file.json") keeps its spaces.
public enum Tokenizer {
  public static func tokenize(_ line: String) throws(CommandError) -> [Token] {
    var tokens: [Token] = []
    var current = ""
    var start = 0
    var column = 0
    var quote: Character?
    var quoteColumn = 0
    for character in line {
      column += 1
      if let q = quote {
        if character == q {
          tokens.append(Token(current, column: start))
          current = ""
          quote = nil
        } else {
          current.append(character)
        }
        continue
      }
      if character == "#" && current.isEmpty { break }
      if character == " " || character == "\t" || character == "\r" || character == "\n" {
        if !current.isEmpty { tokens.append(Token(current, column: start)) }
        current = ""
        continue
      }
      if (character == "\"" || character == "'") && current.isEmpty {
        quote = character
        quoteColumn = column
        start = column + 1
        continue
      }
      if current.isEmpty { start = column }
      current.append(character)
    }
    if quote != nil {
      throw CommandError(
        column: quoteColumn, message: "this quote is never closed", expected: "a closing quote")
    }
    if !current.isEmpty { tokens.append(Token(current, column: start)) }
    return joinAssignments(tokens)
  }

  /// `loss = ce`, `loss= ce` and `loss =ce` become `loss=ce`.
  private static func joinAssignments(_ tokens: [Token]) -> [Token] {
    var result: [Token] = []
    var k = 0
    while k < tokens.count {
      var t = tokens[k]
      if t.text == "=", let previous = result.popLast() {
        t = Token(previous.text + "=", column: previous.column)
        if k + 1 < tokens.count {
          t.text += tokens[k + 1].text
          k += 1
        }
      } else if t.text.hasSuffix("="), t.text.count > 1, !t.text.hasPrefix("="),
        k + 1 < tokens.count
      {
        t.text += tokens[k + 1].text
        k += 1
      } else if t.text.hasPrefix("="), !t.text.hasPrefix("=>"), let previous = result.popLast() {
        t = Token(previous.text + t.text, column: previous.column)
      }
      result.append(t)
      k += 1
    }
    return result
  }
}
