import BackpropEngine

/// What a successful command answers: lines of text for people, and the same facts as JSON for
/// scripts. The micro-steps it ran are listed so the TUI can highlight what they touched.
public struct CommandOutput: Sendable {
  public var lines: [String]
  /// Extra fields for the JSON answer (besides "ok", "command" and "output").
  public var data: [(String, JSONValue)]
  public var steps: [MicroStep]
  /// A file the command still needs (`save`, `load`): the command is finished by
  /// `Session.complete(_:with:)` once the caller has carried it out.
  public var file: FileRequest?

  public init(lines: [String] = [], data: [(String, JSONValue)] = [], steps: [MicroStep] = []) {
    self.lines = lines
    self.data = data
    self.steps = steps
  }

  public var text: String { lines.joined(separator: "\n") }
}

extension Explanation {
  /// The explanation as a JSON object: symbol, rule, formula, substituted, value, text.
  public var json: JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("symbol", .string(symbol)), ("rule", .string(rule)), ("formula", .string(formula)),
      ("substituted", .string(substituted)), ("value", .number(value)), ("text", .string(line)),
    ]
    if let note { pairs.append(("note", .string(note))) }
    return .object(pairs)
  }
}
