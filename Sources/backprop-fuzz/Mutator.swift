import BackpropEngine

/// Seeded random choices and byte-level mutations: the same seed gives the same inputs, so a
/// finding is reproduced by its seed and number alone.
struct Mutator {
  var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  /// Odd characters people and attackers type: other scripts' digits, wide and combining
  /// characters, controls, quotes, the Unicode minus.
  static let oddities: [String] = [
    "３", "٣", "½", "Ⅻ", "−", "∞", "é", "\u{301}", "中", "🙂", "\u{0}", "\u{7}", "\u{1B}[2J", "\t",
    "\"", "'", "\\", "/", "..", "-", "_", ",", "(", ")", "=", "±", "#", "%", "\u{FEFF}", "\u{202E}",
  ]

  /// The oddities and the replacement characters as UTF-8, encoded once.
  static let odditiesUTF8: [[UInt8]] = oddities.map { Array($0.utf8) }
  static let digitsAndSigns = Array("0123456789.e-+ _x".utf8)

  /// One to three mutations of `text`: insert, delete, duplicate, swap in an oddity, truncate.
  ///
  /// They work on UTF-8 bytes, the way a careless paste or a corrupted file does: a cut or an
  /// insert inside a multi-byte character leaves bytes that decode as U+FFFD, which is input too.
  /// (An array of `Character`s cost a grapheme break per character of a network file: the
  /// mutator alone was a quarter of the fuzzer's time.)
  mutating func mutate(_ text: String) -> String {
    String(decoding: mutate(bytes: Array(text.utf8)), as: UTF8.self)
  }

  mutating func mutate(bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<(1 + below(3)) {
      switch below(6) {
      case 0: bytes.insert(contentsOf: pick(Self.odditiesUTF8), at: below(bytes.count + 1))
      case 1 where !bytes.isEmpty: bytes.remove(at: below(bytes.count))
      case 2 where !bytes.isEmpty:
        let start = below(bytes.count)
        let end = min(bytes.count, start + 1 + below(8))
        bytes.insert(contentsOf: bytes[start..<end], at: end)
      case 3 where !bytes.isEmpty: bytes[below(bytes.count)] = pick(Self.digitsAndSigns)
      case 4 where !bytes.isEmpty: bytes.removeLast(below(bytes.count))
      default:
        bytes.append(UInt8(ascii: " "))
        bytes += pick(Self.odditiesUTF8)
      }
    }
    return bytes
  }
}
