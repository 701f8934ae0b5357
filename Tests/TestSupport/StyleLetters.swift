import TextGrid

/// One character per style combination, for the styles section of a grid's golden file.
///
/// Common combinations have fixed letters, so a screen's bold title reads `b` in every golden
/// file and a reviewer learns the alphabet once; any other combination takes the next free
/// letter in order of first appearance (row by row, left to right), so the same grid always
/// gets the same letters. `.` is plain.
public struct StyleLetters: Sendable {
  /// Letters that never change meaning, whatever else the grid holds.
  public static let fixed: [(style: CellStyle, letter: Character)] = [
    (.bold, "b"),
    (.reverse, "r"),
    ([.bold, .reverse], "B"),
    (.dim, "d"),
    (.underline, "u"),
    ([.bold, .underline], "U"),
    ([.dim, .reverse], "D"),
    (.red, "R"),
    (.green, "G"),
    (.blue, "L"),
    (.yellow, "Y"),
    (.cyan, "C"),
    (.magenta, "M"),
  ]

  /// The letters (then digits) handed out to other combinations, in this order.
  static let spare: [Character] = {
    let taken = Set(fixed.map(\.letter))
    let all = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return all.filter { !taken.contains($0) }
  }()

  /// Shown for combinations beyond the spare letters; the legend says so.
  static let overflow: Character = "*"

  private var letters: [CellStyle: Character] = [:]
  private var nextSpare = 0
  /// The combinations seen so far, in order of first appearance.
  public private(set) var used: [CellStyle] = []

  public init() {}

  /// The letter for `style`, assigning one on first sight.
  public mutating func letter(for style: CellStyle) -> Character {
    if style == .plain { return "." }
    if let known = letters[style] { return known }
    let letter: Character
    if let fixed = Self.fixed.first(where: { $0.style == style }) {
      letter = fixed.letter
    } else if nextSpare < Self.spare.count {
      letter = Self.spare[Self.spare.index(Self.spare.startIndex, offsetBy: nextSpare)]
      nextSpare += 1
    } else {
      letter = Self.overflow
    }
    letters[style] = letter
    used.append(style)
    return letter
  }

  /// `. = plain`, then one `letter = name` line per combination used, in order of first appearance.
  public var legend: [String] {
    var lines = [". = plain"]
    var overflowed = false
    for style in used {
      let letter = letters[style] ?? Self.overflow
      if letter == Self.overflow {
        if !overflowed { lines.append("\(letter) = any other combination") }
        overflowed = true
      } else {
        lines.append("\(letter) = \(Self.name(of: style))")
      }
    }
    return lines
  }

  /// The style's parts joined by `+`, attributes before colours: `bold+reverse+cyan`.
  public static func name(of style: CellStyle) -> String {
    let parts: [(CellStyle, String)] = [
      (.bold, "bold"), (.reverse, "reverse"), (.underline, "underline"), (.dim, "dim"),
      (.red, "red"), (.green, "green"), (.blue, "blue"), (.yellow, "yellow"), (.cyan, "cyan"),
      (.magenta, "magenta"),
    ]
    var names = parts.filter { style.contains($0.0) }.map(\.1)
    let unknown = style.subtracting(CellStyle(parts.map(\.0)))
    if !unknown.isEmpty { names.append("0x" + String(unknown.rawValue, radix: 16)) }
    return names.isEmpty ? "plain" : names.joined(separator: "+")
  }
}
