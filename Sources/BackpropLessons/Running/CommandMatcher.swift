import BackpropCommands

/// Decides whether a typed command is the one a question asks for.
///
/// Commands are compared the way the language reads them, not as text: spacing does not matter,
/// aliases count as their command (`fw` is `forward`), quantity names as their canonical name
/// (`delta_5` is `δ_5`), and numbers by value (`.5` is `0.5`).
public enum CommandMatcher {
  /// The command as comparable words, or nil when it is not a command of the language.
  public static func normalized(_ line: String) -> [String]? {
    guard let tokens = try? Tokenizer.tokenize(line), let first = tokens.first,
      let command = CommandSpec.named(first.text)
    else { return nil }
    return [command.rawValue] + tokens.dropFirst().map { canonical($0.text) }
  }

  public static func matches(_ typed: String, _ expected: String) -> Bool {
    guard let a = normalized(typed), let b = normalized(expected) else { return false }
    return a == b
  }

  static func canonical(_ word: String) -> String {
    if let n = NumberParser.parse(word) { return "number:\(n)" }
    if let q = QuantityName.parse(word) { return "quantity:\(q.name)" }
    return word.lowercased()
  }
}
