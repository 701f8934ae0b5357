import BackpropCommands
import FoundationEssentials

/// Turns the bytes of a lesson file into text, refusing what a lesson cannot be: too large,
/// empty, or not UTF-8. A lesson shared by someone else must never crash or hang the program.
public enum LessonSource {
  /// Lessons are prose and a few commands; a file of 1 MiB or more is a mistake (or a trap).
  public static let sizeLimit = 1 << 20

  /// Reads at most `sizeLimit + 1` bytes of a regular file (see `RegularFile`), so a FIFO, a
  /// device or an endless file is safe to name.
  public static func read(path: String) throws(LessonParseFailure) -> String {
    let data: Data
    switch RegularFile.read(path, limit: sizeLimit) {
    case .success(let bytes): data = bytes
    case .failure(.folder): throw failure(path, 1, 1, "this is a folder, not a lesson file")
    case .failure(let problem): throw failure(path, 1, 1, problem.message)
    }
    return try decode(data, file: path)
  }

  /// The text of `data`, without a byte order mark, or a diagnostic at the first bad byte.
  public static func decode(_ data: Data, file: String) throws(LessonParseFailure) -> String {
    if data.count >= sizeLimit {
      throw failure(
        file, 1, 1,
        "the file is larger than \(sizeLimit) bytes (1 MiB); a lesson must be smaller (split it into several lessons)"
      )
    }
    let bytes = [UInt8](data)
    if let bad = firstInvalidUTF8Offset(bytes) {
      let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
      throw failure(
        file, line, column,
        "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8 (expected a UTF-8 text file)"
      )
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if text.allSatisfy({ $0.isWhitespace }) {
      throw failure(file, 1, 1, "the file is empty (expected @title, @section and some pages)")
    }
    return text
  }

  /// Byte offset of the first byte that does not start or continue a valid UTF-8 sequence.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error: return offset
      case .emptyInput: return nil
      }
    }
  }

  /// `path` made absolute against the working directory, so confinement survives a `cd`.
  static func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
  }

  private static func failure(_ file: String, _ line: Int, _ column: Int, _ message: String)
    -> LessonParseFailure
  {
    LessonParseFailure(diagnostics: [
      LessonDiagnostic(file: file, line: line, column: column, message: message)
    ])
  }
}
