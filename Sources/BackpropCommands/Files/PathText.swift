/// The parts of a slash-separated path, as NSString's path methods give them, without
/// Foundation (the product imports only FoundationEssentials; see `CFormat`).
public enum PathText {
  /// "a/b.json" → "b.json"; trailing slashes are ignored; "/" stays "/".
  public static func lastComponent(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// "a/b.json" → "a"; "b.json" → ""; "/b" → "/".
  public static func parent(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    return withoutTrailingSlashes(String(trimmed[..<slash]))
  }

  /// "a/b.lesson" → "a/b"; a leading dot ("a/.hidden") is not an extension.
  public static func deletingExtension(_ path: String) -> String {
    let name = lastComponent(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
    let extensionLength = name.distance(from: dot, to: name.endIndex)
    return String(withoutTrailingSlashes(path).dropLast(extensionLength))
  }

  /// "a" + "b" → "a/b", with exactly one slash between them.
  public static func appending(_ component: String, to path: String) -> String {
    if path.isEmpty { return component }
    return path.hasSuffix("/") ? path + component : path + "/" + component
  }

  /// "~/x" → "$HOME/x" and "~" → "$HOME"; any other path (including "~user") as it is.
  public static func expandingTilde(_ path: String, home: String?) -> String {
    guard let home, !home.isEmpty else { return path }
    if path == "~" { return home }
    if path.hasPrefix("~/") { return appending(String(path.dropFirst(2)), to: home) }
    return path
  }

  private static func withoutTrailingSlashes(_ path: String) -> String {
    var s = Substring(path)
    while s.count > 1, s.hasSuffix("/") { s = s.dropLast() }
    return String(s)
  }
}
