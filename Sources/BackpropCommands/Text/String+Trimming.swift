/// Trimming without Foundation: the product imports only FoundationEssentials, which keeps
/// start-up small (see `CFormat`), and the standard library trims only from one end.
extension StringProtocol {
  /// The text without the leading and trailing characters for which `isTrimmed` holds
  /// (by default whitespace, as a typed line or a `@title` header needs).
  public func trimmed(where isTrimmed: (Character) -> Bool = \.isWhitespace) -> String {
    guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
    let last = lastIndex(where: { !isTrimmed($0) })!
    return String(self[first...last])
  }

  /// The text without leading and trailing characters that appear in `characters`.
  public func trimmed(of characters: String) -> String {
    trimmed(where: { characters.contains($0) })
  }
}
