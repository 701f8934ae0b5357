import TextGrid

/// Large letters for a projector: each character drawn 3 cells wide and 5 rows high from full
/// blocks (`█`, or `#` in ASCII), with a column of space after it. Subscripts (`_5`, `_13`) are
/// drawn in ordinary size on the bottom row, as they would be set in print, so `δ_5` stays
/// short. A character the font lacks is drawn in ordinary size, centred, so nothing is lost.
///
/// Wrapping is by tokens (the spaces of the equation), like `TextWrap.wrapEquation`: a line
/// breaks between terms, never inside one unless a single term is wider than the pane.
public enum BlockFont {
  public static let height = 5
  static let advance = 4

  /// The rows of each glyph; `#` is ink.
  static let glyphs: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
    "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", " # ", " # ", " # "],
    "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
    ".": ["   ", "   ", "   ", "   ", " # "], ",": ["   ", "   ", "   ", " # ", "#  "],
    "=": ["   ", "###", "   ", "###", "   "], "+": ["   ", " # ", "###", " # ", "   "],
    "−": ["   ", "   ", "###", "   ", "   "], "-": ["   ", "   ", "###", "   ", "   "],
    "·": ["   ", "   ", " # ", "   ", "   "], "(": ["  #", " # ", " # ", " # ", "  #"],
    ")": ["#  ", " # ", " # ", " # ", "#  "], "/": ["  #", "  #", " # ", "#  ", "#  "],
    "'": [" # ", " # ", "   ", "   ", "   "], "′": [" # ", " # ", "   ", "   ", "   "],
    "^": [" # ", "# #", "   ", "   ", "   "], "Σ": ["###", "#  ", " # ", "#  ", "###"],
    "δ": [" ##", "#  ", "###", "# #", "###"], "η": ["   ", "## ", "# #", "# #", "  #"],
    "φ": [" # ", "###", "# #", "###", " # "], "∂": [" ##", "  #", "###", "# #", "###"],
    "Δ": ["   ", " # ", "# #", "# #", "###"], "∘": ["   ", "   ", "###", "# #", "###"],
    "a": ["   ", "## ", " ##", "# #", "###"], "b": ["#  ", "#  ", "###", "# #", "###"],
    "c": ["   ", "   ", "###", "#  ", "###"], "d": ["  #", "  #", "###", "# #", "###"],
    "e": ["   ", "###", "###", "#  ", "###"], "f": [" ##", "#  ", "## ", "#  ", "#  "],
    "g": ["   ", "###", "# #", " ##", "###"], "h": ["#  ", "#  ", "###", "# #", "# #"],
    "i": [" # ", "   ", " # ", " # ", " # "], "j": ["  #", "   ", "  #", "# #", "###"],
    "k": ["#  ", "# #", "## ", "# #", "# #"], "l": ["## ", " # ", " # ", " # ", "###"],
    "m": ["   ", "# #", "###", "# #", "# #"], "n": ["   ", "   ", "###", "# #", "# #"],
    "o": ["   ", "   ", "###", "# #", "###"], "p": ["   ", "###", "# #", "###", "#  "],
    "q": ["   ", "###", "# #", "###", "  #"], "r": ["   ", "   ", "###", "#  ", "#  "],
    "s": ["   ", " ##", "## ", "  #", "## "], "t": [" # ", "###", " # ", " # ", " ##"],
    "u": ["   ", "   ", "# #", "# #", "###"], "v": ["   ", "   ", "# #", "# #", " # "],
    "w": ["   ", "   ", "# #", "###", "# #"], "x": ["   ", "   ", "# #", " # ", "# #"],
    "y": ["   ", "# #", "###", "  #", "###"], "z": ["   ", "###", " ##", "## ", "###"],
    "E": ["###", "#  ", "###", "#  ", "###"], "W": ["# #", "# #", "# #", "###", "# #"],
    "L": ["#  ", "#  ", "#  ", "#  ", "###"], "T": ["###", " # ", " # ", " # ", " # "],
    " ": ["   ", "   ", "   ", "   ", "   "],
  ]

  /// One piece of a big line: a character drawn large, or a run drawn small (a subscript, or a
  /// character the font lacks).
  enum Piece: Equatable {
    case big(Character)
    case small(String, baseline: Bool)

    var width: Int {
      switch self {
      case .big: return BlockFont.advance
      case .small(let s, _): return s.displayWidth + 1
      }
    }
  }

  /// `text` as pieces: `_` starts a subscript that runs to the next character that is not a
  /// letter or digit (or comma inside `w_1,3`).
  static func pieces(_ text: String) -> [Piece] {
    var out: [Piece] = []
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if c == "_" {
        var sub = ""
        while let n = chars.first, n.isLetter || n.isNumber || n == "," {
          sub.append(n)
          chars.removeFirst()
        }
        if !sub.isEmpty { out.append(.small(sub, baseline: true)) }
        continue
      }
      let key: Character = glyphs[c] != nil ? c : Character(c.lowercased())
      if glyphs[key] != nil {
        out.append(.big(key))
      } else {
        out.append(.small(String(c), baseline: false))
      }
    }
    return out
  }

  /// The width of `text` drawn large.
  public static func width(of text: String) -> Int {
    max(0, pieces(text).map(\.width).reduce(0, +) - 1)
  }

  /// `text` broken into lines no wider than `width` when drawn large, at spaces; a term wider
  /// than the line is cut between characters.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for token in text.split(separator: " ").map(String.init) {
      let candidate = current.isEmpty ? token : current + " " + token
      if Self.width(of: candidate) <= width {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = ""
      // A term wider than the line: cut it where it fills the line.
      var rest = token
      while Self.width(of: rest) > width {
        var cut = ""
        for c in rest {
          if Self.width(of: cut + String(c)) > width { break }
          cut.append(c)
        }
        if cut.isEmpty { cut = String(rest.first!) }
        lines.append(cut)
        rest = String(rest.dropFirst(cut.count))
      }
      current = rest
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Draws one line of `text` large with its top-left corner at (x, y).
  public static func draw(
    _ text: String, into grid: inout TextGrid, x: Int, y: Int, glyphs g: GlyphSet,
    style: CellStyle
  ) {
    let ink: Character = g.isUnicode ? "█" : "#"
    var column = x
    for piece in pieces(text) {
      switch piece {
      case .big(let c):
        for (row, bits) in glyphs[c]!.enumerated() {
          for (k, bit) in bits.enumerated() where bit == "#" {
            grid[column + k, y + row] = Cell(character: ink, style: style)
          }
        }
      case .small(let s, let baseline):
        grid.put(g.text(s), x: column, y: y + (baseline ? height - 1 : height / 2), style: style)
      }
      column += piece.width
    }
  }
}
