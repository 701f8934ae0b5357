import BackpropCommands
import FoundationEssentials
import TextGrid

/// Runs lines of the command language without a terminal and says what a person would read:
/// each command echoed after `> `, then its answer; errors as `file:line:column: error: …`.
/// With `json`, one JSON object per command instead.
///
/// It is an edge of the app: the files a command needs are read and written (by `effects`)
/// before its answer is printed, so a script sees `save` and `load` answer as they always have.
public struct HeadlessRunner {
  public var state: AppState
  public let json: Bool
  public let source: String
  public var effects: EffectRunner
  public private(set) var failures = 0
  public private(set) var wantsQuit = false
  /// Whether the last line failed: its answer lines after the echo are diagnostics, which the
  /// executable writes to standard error in text mode.
  public private(set) var lastFailed = false

  public init(
    state: AppState = AppState(startScreen: false), json: Bool = false, source: String = "<stdin>",
    effects: EffectRunner = EffectRunner()
  ) {
    self.state = state
    self.json = json
    self.source = source
    self.effects = effects
  }

  /// The output for one input line (1-based `lineNumber`, for error positions).
  public mutating func run(_ line: String, lineNumber: Int) -> [String] {
    let trimmed = line.trimmingCharacters(in: " ")
    lastFailed = false
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return [] }
    state.lessons.now = Date()
    var result = App.submit(line, &state, echo: false)
    let (control, answers) = effects.settle(result.effect, &state)
    for answer in answers where !answer.lines.isEmpty || !answer.json.isEmpty {
      result.lines += answer.lines
      result.isError = result.isError || answer.isError
      if !answer.json.isEmpty { result.json = answer.json }
    }
    if control == .quit { wantsQuit = true }
    if result.isError { failures += 1 }
    lastFailed = result.isError
    if json {
      if result.isError {
        let position =
          "{\"ok\":false,\"source\":\(JSONValue.string(source).serialized()),\"line\":\(lineNumber),"
        return [position + result.json.dropFirst("{\"ok\":false,".count)]
      }
      return [result.json.isEmpty ? "{\"ok\":true}" : result.json]
    }
    var out = ["> " + line]
    if result.isError {
      out += result.lines.map { text in
        // "error: column 5: message" → "file:line:5: error: message"
        var rest = text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text
        var column = 1
        if rest.hasPrefix("column "), let colon = rest.firstIndex(of: ":") {
          column = Int(rest[rest.index(rest.startIndex, offsetBy: 7)..<colon]) ?? 1
          rest = String(rest[rest.index(after: colon)...]).trimmingCharacters(in: " ")
        }
        return "\(source):\(lineNumber):\(column): error: \(rest)"
      }
    } else {
      out += result.lines
    }
    return out
  }

  /// The output for one input line as raw bytes, from a script or stdin alike: a line that is
  /// not valid UTF-8 is not run (nor silently repaired) but answered with an error pointing at
  /// the first bad byte, and counts as a failure.
  public mutating func run(bytes: [UInt8], lineNumber: Int) -> [String] {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    var column = 1
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
        column += 1
        continue
      case .emptyInput:
        return run(String(decoding: bytes, as: UTF8.self), lineNumber: lineNumber)
      case .error:
        failures += 1
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        let message = "byte 0x\(byte) is not valid UTF-8; the line was not run"
        if json {
          return [
            JSONValue.object([
              ("ok", .bool(false)), ("source", .string(source)),
              ("line", .number(Double(lineNumber))), ("column", .number(Double(column))),
              ("message", .string(message)),
            ]).serialized()
          ]
        }
        return ["\(source):\(lineNumber):\(column): error: \(message)"]
      }
    }
  }

  /// Runs every line and returns the whole transcript.
  public mutating func run(lines: [String]) -> [String] {
    var out: [String] = []
    for (k, line) in lines.enumerated() {
      out += run(line, lineNumber: k + 1)
      if wantsQuit { break }
    }
    return out
  }
}
