import BackpropEngine
import Foundation

/// `save` and `load`, within what `FileAccess` allows.
extension Context {
  mutating func save(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let t = try args.require("a file name")
    try args.finish(usage)
    let path = try resolve(t)
    let data = NetworkFile(trainer: trainer).encoded()
    guard !data.isEmpty else {
      throw CommandError(column: t.column, message: "the network could not be written as JSON")
    }
    let tmp = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: tmp, contents: data) else {
      throw CommandError(
        column: t.column, message: "cannot write \(t.text)", expected: "a writable path")
    }
    if rename(tmp, path) != 0 {
      unlink(tmp)
      throw CommandError(
        column: t.column, message: "cannot write \(t.text): \(String(cString: strerror(errno)))")
    }
    let count = trainer.samples.count
    return CommandOutput(lines: [
      "saved \(trainer.network.shape.description) network and \(count) sample\(count == 1 ? "" : "s") to \(t.text)"
    ])
  }

  mutating func load(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let t = try args.require("a file name")
    try args.finish(usage)
    let path = try resolve(t)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(
        column: t.column, message: "cannot read \(t.text)",
        expected: "an existing file written by `save`")
    }
    do {
      trainer = try NetworkFile.decode(data).trainer()
    } catch {
      throw CommandError(column: t.column, message: "\(t.text): \(error.message)")
    }
    return CommandOutput(lines: [
      "loaded \(trainer.network.shape.description) network (\(Self.describe(trainer.network))) and \(trainer.samples.count) samples from \(t.text)"
    ])
  }

  /// The path a file argument may reach, or an error if the session confines files.
  func resolve(_ t: Token) throws(CommandError) -> String {
    switch fileAccess {
    case .unrestricted: return (t.text as NSString).expandingTildeInPath
    case .confined(let directory):
      let parts = t.text.split(separator: "/")
      if t.text.hasPrefix("/") || t.text.hasPrefix("~") || parts.contains("..") || t.text.isEmpty {
        throw CommandError(
          column: t.column,
          message: "a lesson may only use files beside it, so `\(t.text)` is not allowed",
          expected: "a relative path without `..`")
      }
      // Resolve symbolic links so a link inside the folder cannot lead outside it.
      let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
      let target = URL(fileURLWithPath: directory + "/" + t.text).resolvingSymlinksInPath().path
      guard target.hasPrefix(base + "/") else {
        throw CommandError(
          column: t.column, message: "`\(t.text)` leads outside the lesson's folder",
          expected: "a file beside the lesson")
      }
      return target
    }
  }
}
