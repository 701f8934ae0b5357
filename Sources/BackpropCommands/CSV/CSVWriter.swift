import FoundationEssentials

/// Writes CSV for the `export` commands: RFC 4180, comma-separated, CRLF-free (`\n` line ends),
/// fields quoted only when they hold a comma, a quote or a line break.
///
/// Numbers are written with Swift's shortest round-trip spelling (`0.1`, `1e-05`, `nan`, `inf`),
/// which reads back to the very same `Double` (`Double(text)` or `NumberParser`), so an exported
/// curve can be compared bit for bit.
public enum CSVWriter {
  /// One line (with its `\n`).
  public static func line(_ fields: [String]) -> String {
    fields.map(quote).joined(separator: ",") + "\n"
  }

  /// A number as the shortest text that reads back to it exactly.
  public static func number(_ x: Double) -> String { "\(x)" }

  /// The whole table: a header, then the rows.
  public static func table(header: [String], rows: [[String]]) -> String {
    line(header) + rows.map(line).joined()
  }

  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }
}
