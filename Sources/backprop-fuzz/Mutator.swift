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

  /// One to three mutations of `text`: insert, delete, duplicate, swap in an oddity, truncate.
  mutating func mutate(_ text: String) -> String {
    var chars = Array(text)
    for _ in 0..<(1 + below(3)) {
      switch below(6) {
      case 0: chars.insert(contentsOf: pick(Self.oddities), at: below(chars.count + 1))
      case 1 where !chars.isEmpty: chars.remove(at: below(chars.count))
      case 2 where !chars.isEmpty:
        let start = below(chars.count)
        let end = min(chars.count, start + 1 + below(8))
        chars.insert(contentsOf: chars[start..<end], at: end)
      case 3 where !chars.isEmpty: chars[below(chars.count)] = pick(Array("0123456789.e-+ _x"))
      case 4 where !chars.isEmpty: chars.removeLast(below(chars.count))
      default: chars.append(contentsOf: " " + pick(Self.oddities))
      }
    }
    return String(chars)
  }
}
