import BackpropEngine
import FoundationEssentials

/// `save` and `load`, within what `FileAccess` allows. Neither touches the disk: each answers a
/// `FileRequest` that the caller carries out and hands back to `Session.complete(_:with:)`.
extension Context {
  func save(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let t = try args.require("a file name")
    try args.finish(usage)
    let (path, folder) = try resolve(t)
    let data = NetworkFile(trainer: trainer).encoded()
    guard !data.isEmpty else {
      throw CommandError(column: t.column, message: "the network could not be written as JSON")
    }
    let count = trainer.samples.count
    let held = trainer.testSamples.count
    let test = held == 0 ? "" : " (and \(held) held out for testing)"
    let lines = [
      "saved \(trainer.network.shape.description) network and \(count) sample\(count == 1 ? "" : "s")\(test) to \(t.text)"
    ]
    var output = CommandOutput()
    output.file = FileRequest(
      operation: .write(path: path, contents: data, confinedTo: folder),
      command: .save(lines: lines), name: t.text, column: t.column)
    return output
  }

  func load(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    let t = try args.require("a file name")
    try args.finish(usage)
    let (path, folder) = try resolve(t)
    var output = CommandOutput()
    output.file = FileRequest(
      operation: .read(path: path, confinedTo: folder), command: .load, name: t.text,
      column: t.column)
    return output
  }

  /// The second half of `load`: the file's bytes, parsed and adopted.
  mutating func adopt(_ data: Data, from request: FileRequest) throws(CommandError)
    -> CommandOutput
  {
    do {
      trainer = try NetworkFile.decode(data).trainer()
    } catch {
      throw CommandError(column: request.column, message: "\(request.name): \(error.message)")
    }
    return CommandOutput(lines: [
      "loaded \(trainer.network.shape.description) network (\(Self.describe(trainer.network))) and \(counted(trainer.samples.count, "sample"))\(trainer.testSamples.isEmpty ? "" : " (and \(trainer.testSamples.count) held out for testing)") from \(request.name)"
    ])
  }

  /// The path a file argument names and the folder it must stay in, or an error if the session
  /// confines files and the name could leave the folder. Symbolic links are resolved by whoever
  /// carries out the request (see `LocalFiles`), since that needs the disk.
  func resolve(_ t: Token) throws(CommandError) -> (path: String, folder: String?) {
    switch fileAccess {
    case .unrestricted:
      return (
        PathText.expandingTilde(t.text, home: ProcessInfo.processInfo.environment["HOME"]), nil
      )
    case .confined(let directory):
      let parts = t.text.split(separator: "/")
      if t.text.hasPrefix("/") || t.text.hasPrefix("~") || parts.contains("..") || t.text.isEmpty {
        throw CommandError(
          column: t.column,
          message: "a lesson may only use files beside it, so `\(t.text)` is not allowed",
          expected: "a relative path without `..`")
      }
      return (directory + "/" + t.text, directory)
    }
  }
}

extension FileRequest {
  /// The command's error for a failed operation, worded as before the disk moved to the edge.
  public func error(_ failure: FileError) -> CommandError {
    switch (failure, command) {
    case (.outsideFolder, _):
      return CommandError(
        column: column, message: "`\(name)` leads outside the lesson's folder",
        expected: "a file beside the lesson")
    case (.cannotReplace(let reason), .save):
      return CommandError(column: column, message: "cannot write \(name): \(reason)")
    case (_, .save):
      return CommandError(
        column: column, message: "cannot write \(name)", expected: "a writable path")
    case (_, .load):
      return CommandError(
        column: column, message: "cannot read \(name)",
        expected: "an existing file written by `save`")
    case (_, .loadData):
      return CommandError(
        column: column, message: "cannot read \(name)", expected: "an existing CSV file")
    }
  }
}
