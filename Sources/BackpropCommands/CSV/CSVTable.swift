import FoundationEssentials

/// A CSV file read for `data load`: a header row and records, each record with the line it starts
/// on, so that every later complaint can say `file.csv:17:3:`.
///
/// Written here rather than taken from a package (the mirror has SwiftCSV and CSV.swift) because
/// neither reports the line a record starts on, skips `#` comment lines, or refuses invalid UTF-8
/// with its position, and those are what make a bad file's message useful. The dialect is RFC 4180
/// with two relaxations: the separator may be `;` (chosen from the header row: `;` when it has
/// more semicolons than commas outside quotes), and lines whose first character is `#` are
/// comments. Blank lines are skipped. Quoted fields may hold separators, `""` for a quote, and line
/// breaks. A UTF-8 byte order mark is dropped.
public struct CSVTable: Equatable, Sendable {
  /// Files larger than this are refused before they are parsed (ten megabytes: some hundred
  /// thousand samples, more than a terminal tutor trains on).
  public static let byteLimit = 10_000_000

  public struct Record: Equatable, Sendable {
    /// The 1-based line the record starts on.
    public var line: Int
    public var fields: [String]
  }

  public var header: [String]
  /// The header's line.
  public var headerLine: Int
  public var records: [Record]
  public var separator: Character

  /// Where and why a file is not a CSV table.
  public struct Failure: Error, Equatable, Sendable {
    /// 1-based line and column (the column is the field number, or 1 for the whole line);
    /// both 0 for faults of the whole file (empty, too big).
    public var line: Int
    public var column: Int
    public var message: String
  }

  /// Parses a file's bytes.
  public static func parse(_ data: Data) throws(Failure) -> CSVTable {
    guard data.count <= byteLimit else {
      throw Failure(
        line: 0, column: 0,
        message:
          "the file has \(data.count) bytes, more than the limit of \(byteLimit) (10 MB)")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let text = try decode(bytes)
    let records = try split(text)
    guard let first = records.first else {
      throw Failure(line: 0, column: 0, message: "the file has no header row and no data")
    }
    let header = first.fields.map { $0.trimmed() }
    return CSVTable(
      header: header, headerLine: first.line,
      records: records.dropFirst().map { Record(line: $0.line, fields: $0.fields) },
      separator: first.separator)
  }

  /// The text, or the line and column of the first byte that is not UTF-8.
  static func decode(_ bytes: [UInt8]) throws(Failure) -> String {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var scalars = String.UnicodeScalarView()
    var line = 1
    var column = 1
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput: break loop
      case .error:
        throw Failure(
          line: line, column: column,
          message: "the file is not valid UTF-8 here (character \(column))")
      }
    }
    return String(scalars)
  }

  private struct RawRecord {
    var line: Int
    var fields: [String]
    var separator: Character
  }

  /// Splits the text into records; the separator is decided on the first record.
  private static func split(_ text: String) throws(Failure) -> [RawRecord] {
    let characters = Array(text)
    var records: [RawRecord] = []
    var separator: Character?
    var k = 0
    var line = 1
    while k < characters.count {
      // At the start of a line: skip blank lines and comments.
      if characters[k] == "\n" || characters[k] == "\r\n" || characters[k] == "\r" {
        line += 1
        k += 1
        continue
      }
      if characters[k] == "#" {
        while k < characters.count, !isBreak(characters[k]) { k += 1 }
        continue
      }
      let sep = separator ?? guessSeparator(characters, from: k)
      separator = sep
      let start = line
      var fields: [String] = []
      var field = ""
      var quoted = false  // the current field was quoted
      var inQuotes = false
      var column = 1
      var quoteLine = line
      while k < characters.count {
        let c = characters[k]
        if inQuotes {
          if c == "\"" {
            if k + 1 < characters.count, characters[k + 1] == "\"" {
              field.append("\"")
              k += 2
              continue
            }
            inQuotes = false
            k += 1
            continue
          }
          if isBreak(c) { line += 1 }
          field.append(contentsOf: c == "\r\n" ? "\n" : String(c))
          k += 1
          continue
        }
        if c == sep {
          fields.append(field)
          field = ""
          quoted = false
          column += 1
          k += 1
          continue
        }
        if isBreak(c) { break }
        if c == "\"" {
          guard field.allSatisfy(\.isWhitespace), !quoted else {
            throw Failure(
              line: line, column: column,
              message: "a quote inside a field that does not start with one")
          }
          field = ""
          quoted = true
          inQuotes = true
          quoteLine = line
          k += 1
          continue
        }
        if quoted, !c.isWhitespace {
          throw Failure(
            line: line, column: column,
            message: "`\(c)` after the closing quote; expected `\(sep)` or the end of the line")
        }
        if !quoted { field.append(c) }
        k += 1
      }
      if inQuotes {
        throw Failure(
          line: quoteLine, column: column, message: "a quoted field is never closed")
      }
      fields.append(field)
      records.append(RawRecord(line: start, fields: fields, separator: sep))
    }
    return records
  }

  private static func isBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }

  /// `;` when the first record has more semicolons than commas outside quotes, else `,`.
  private static func guessSeparator(_ characters: [Character], from start: Int) -> Character {
    var commas = 0
    var semicolons = 0
    var inQuotes = false
    var k = start
    while k < characters.count, inQuotes || !isBreak(characters[k]) {
      switch characters[k] {
      case "\"": inQuotes.toggle()
      case "," where !inQuotes: commas += 1
      case ";" where !inQuotes: semicolons += 1
      default: break
      }
      k += 1
    }
    return semicolons > commas ? ";" : ","
  }
}
