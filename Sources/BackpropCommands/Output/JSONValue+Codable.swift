import FoundationEssentials

/// Reading and rewriting JSON whose schema is not ours to fix: merging one lesson's progress
/// into a progress file another instance may have written (`LocalFiles.merge`).
/// FoundationEssentials has Codable but not `JSONSerialization`. An object read from a file
/// keeps its keys sorted, since a dictionary in a file has no order to keep.
extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    if let container = try? decoder.container(keyedBy: Key.self) {
      self = .object(
        try container.allKeys.map {
          ($0.stringValue, try container.decode(JSONValue.self, forKey: $0))
        }
        .sorted { $0.0 < $1.0 })
    } else if var container = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !container.isAtEnd { items.append(try container.decode(JSONValue.self)) }
      self = .array(items)
    } else {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let value = try? container.decode(Bool.self) {
        self = .bool(value)
      } else if let value = try? container.decode(Double.self) {
        self = .number(value)
      } else {
        self = .string(try container.decode(String.self))
      }
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .object(let pairs):
      var container = encoder.container(keyedBy: Key.self)
      for (key, value) in pairs { try container.encode(value, forKey: Key(key)) }
    case .array(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .number(let value):
      var container = encoder.singleValueContainer()
      if value == value.rounded(), abs(value) < 1e15 {
        try container.encode(Int64(value))
      } else {
        try container.encode(value)
      }
    case .string(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    }
  }

  /// The value of `key` in an object; nil for a missing key or any other value.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// This object with `key` set to `value` (added if missing, removed if `value` is nil).
  public func setting(_ key: String, to value: JSONValue?) -> JSONValue? {
    guard case .object(var pairs) = self else { return nil }
    pairs.removeAll { $0.0 == key }
    if let value { pairs.append((key, value)) }
    return .object(pairs)
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
  }
}
