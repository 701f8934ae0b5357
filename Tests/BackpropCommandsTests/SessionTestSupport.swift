import BackpropEngine
import Foundation
import Testing

@testable import BackpropCommands

/// Small helpers so each test reads as the commands a student would type.
extension Session {
  /// A session that starts somewhere other than Mazur's example, so that `example mazur` is a
  /// real change (an unchanged state records no undo entry).
  static func startingOnLinear() -> Session {
    Session(trainer: Example.linear.trainer())
  }

  /// Runs a line that must succeed (files are read and written on disk at once); records an issue naming the line if it fails.
  @discardableResult
  mutating func run(_ line: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> CommandOutput
  {
    switch executeOnDisk(line) {
    case .success(let output):
      return output
    case .failure(let error):
      Issue.record("`\(line)` failed: \(error)", sourceLocation: sourceLocation)
      return CommandOutput()
    }
  }

  /// Runs several lines that must all succeed.
  mutating func run(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    for line in lines { run(line, sourceLocation: sourceLocation) }
  }

  /// Runs a line that must fail, and returns its error (nil, with an issue, if it succeeded).
  mutating func fail(_ line: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> CommandError?
  {
    switch executeOnDisk(line) {
    case .success(let output):
      Issue.record(
        "`\(line)` should have failed but said: \(output.text)", sourceLocation: sourceLocation)
      return nil
    case .failure(let error):
      return error
    }
  }
}

/// Everything a failed command must leave alone, captured so it can be compared afterwards.
struct SessionSnapshot: Equatable {
  let trainer: Trainer
  let digits: Int
  let canUndo: Bool
  let canRedo: Bool
  let undoCount: Int
  let redoCount: Int
  let lastSteps: [MicroStep]

  init(_ s: Session) {
    trainer = s.trainer
    digits = s.digits
    canUndo = s.canUndo
    canRedo = s.canRedo
    undoCount = s.undoStack.count
    redoCount = s.redoStack.count
    lastSteps = s.lastSteps
  }
}

/// |a − b| ≤ tolerance · max(|a|, |b|), or exact equality (which also covers 0 = 0).
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
  a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
}

/// The 1-based column of the first occurrence of `word` in `line` (in characters), for stating
/// expected error positions without counting by hand.
func column(of word: String, in line: String) -> Int {
  guard let range = line.range(of: word) else { return -1 }
  return line.distance(from: line.startIndex, to: range.lowerBound) + 1
}

extension CommandOutput {
  /// The JSON field `key` of the answer, if present.
  func field(_ key: String) -> JSONValue? {
    data.first { $0.0 == key }?.1
  }
}

extension JSONValue {
  var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  subscript(key: String) -> JSONValue? {
    if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
    return nil
  }

  var numberValue: Double? {
    if case .number(let x) = self { return x }
    return nil
  }

  var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }
}

/// A fresh directory under the system's temporary directory, for `save` and `load`.
func makeTemporaryDirectory() throws -> String {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("backprop-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url.path
}
