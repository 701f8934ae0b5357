/// A JSON value with keys kept in the order they were written, so `--json` output is stable and
/// golden files stay readable. NaN and ±∞, which JSON cannot hold, are written as the strings
/// "NaN", "Infinity" and "-Infinity".
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

  /// Compact, one line.
  public func serialized() -> String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x):
      if x.isNaN {
        out += "\"NaN\""
      } else if x.isInfinite {
        out += x > 0 ? "\"Infinity\"" : "\"-Infinity\""
      } else if x == x.rounded(), abs(x) < 1e15 {
        out += String(Int64(x))
      } else {
        out += "\(x)"
      }
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (k, pair) in pairs.enumerated() {
        if k > 0 { out += "," }
        Self.quote(pair.0, into: &out)
        out += ":"
        pair.1.write(to: &out)
      }
      out += "}"
    }
  }

  private static func quote(_ s: String, into out: inout String) {
    out += "\""
    // Most strings need no escape: appended whole, not scalar by scalar. Escaping works on
    // bytes, since no byte of a multi-byte UTF-8 sequence is below 0x80.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out += s
    } else {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(s.utf8.count + 16)
      for byte in s.utf8 {
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case ..<0x20:
          let hex = Array("0123456789abcdef".utf8)
          bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
        default: bytes.append(byte)
        }
      }
      out += String(decoding: bytes, as: UTF8.self)
    }
    out += "\""
  }
}
