/// One command of the language: its spellings, usage, help, completion words and handler.
///
/// Each `Command` case has one (`Command.spec`); the table is the single source for `help`, the
/// help overlay, Tab completion, the lesson prompt and the README's command list, and it includes
/// the commands that the app (TUI and headless) handles itself, so that every surface documents
/// the one language.
public struct CommandSpec: Sendable {
  /// The layer that carries a command out.
  public enum Handler: Sendable {
    /// Carried out by `Session` (the engine and its undo history).
    case session
    /// Carried out by the app around the session (screen, plot, zoom, quit).
    case app
    /// Carried out by the app's lesson controller (opening, steering and answering lessons).
    case lesson
  }

  public let command: Command
  public let aliases: [String]
  public let usage: String
  public let summary: String
  public let details: String
  public let example: String
  public let handler: Handler
  public let topic: String
  /// Words that may follow the name (`show weights`, `plot surface`), for Tab completion.
  public let keywords: [String]
  /// Whether the network's quantity names (w_35, o_5, δ_5, …) may follow the name, for Tab
  /// completion.
  public let completesQuantities: Bool
  /// Whether the command still works while a lesson question waits for a typed answer; any
  /// other line is taken as the answer, so that an answer such as `forward` reaches the question.
  public let steersLesson: Bool
  /// Whether a lesson file may run the command on a `>` line. Commands that steer the lesson
  /// (`next`, `hint`, …) or leave it (`quit`) may not.
  public let inLessonFiles: Bool

  public var name: String { command.rawValue }
  public var allNames: [String] { [name] + aliases }

  init(
    _ command: Command, aliases: [String], usage: String, summary: String, details: String,
    example: String, handler: Handler, topic: String, keywords: [String] = [],
    completesQuantities: Bool = false, steersLesson: Bool = false, inLessonFiles: Bool = true
  ) {
    self.command = command
    self.aliases = aliases
    self.usage = usage
    self.summary = summary
    self.details = details
    self.example = example
    self.handler = handler
    self.topic = topic
    self.keywords = keywords
    self.completesQuantities = completesQuantities
    self.steersLesson = steersLesson
    self.inLessonFiles = inLessonFiles
  }

  /// Every command, grouped by topic in this order.
  public static let all: [CommandSpec] = Command.allCases.map(\.spec)

  /// The command a word names, by its name or an alias, in any case.
  public static func named(_ word: String) -> Command? {
    byName[word] ?? byName[word.lowercased()]
  }

  /// Every spelling (name or alias, lower case) and its command: every line typed is looked up
  /// here, so a lookup is one hash rather than a walk over every spec's names.
  private static let byName: [String: Command] = Dictionary(
    all.flatMap { spec in spec.allNames.map { ($0.lowercased(), spec.command) } },
    uniquingKeysWith: { first, _ in first })

  /// Every spelling with its Unicode scalars, for the edit distance of "did you mean".
  private static let spellings: [(name: String, scalars: [Unicode.Scalar])] = all.flatMap {
    $0.allNames.map { ($0, Array($0.unicodeScalars)) }
  }

  /// Commands whose name starts with `prefix` (for completion and "did you mean").
  public static func completions(of prefix: String) -> [String] {
    let p = prefix.lowercased()
    return all.map(\.name).filter { $0.hasPrefix(p) }
  }

  /// The closest command name to a mistyped word, if one is close.
  public static func suggestion(for word: String) -> String? {
    // Only a word of about a command's length can be a mistyped command; the edit distance is
    // quadratic, and a megabyte-long word took 26 s to compare.
    guard word.utf8.count <= 32 else { return nil }
    let w = word.lowercased()
    let typed = Array(w.unicodeScalars)
    let limit = max(2, w.count / 3)
    var best: (name: String, distance: Int)?
    for spelling in spellings {
      // The distance is at least the difference in length: a name that cannot beat the best so
      // far (or the limit) is not compared at all.
      let floor = abs(spelling.scalars.count - typed.count)
      guard floor <= min(limit, (best?.distance ?? .max) - 1) else { continue }
      let d = editDistance(spelling.scalars, typed)
      if d < (best?.distance ?? .max) { best = (spelling.name, d) }
    }
    guard let best, best.distance <= limit, w.count >= 3 || best.distance <= 1 else {
      return completions(of: w).first
    }
    return named(best.name)?.rawValue
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  /// Levenshtein distance over Unicode scalars, keeping two rows.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// The help text for this command.
  public var helpText: String {
    var lines = ["\(usage)", "  \(summary)"]
    if !details.isEmpty { lines.append("  " + details) }
    if !aliases.isEmpty { lines.append("  also: " + aliases.joined(separator: ", ")) }
    lines.append("  example: \(example)")
    return lines.joined(separator: "\n")
  }
}
