/// The characters a view draws with, in two sets: Unicode for UTF-8 terminals and plain ASCII
/// for terminals (or locales) that cannot show δ, η, φ, Σ or box drawing.
public struct GlyphSet: Equatable, Sendable {
  public var isUnicode: Bool
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// Density ramp from empty to full, for shaded plots.
  public var shades: [Character]

  public static let unicode = GlyphSet(
    isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
    bottomLeft: "└", bottomRight: "┘", shades: [" ", "░", "▒", "▓", "█"])

  public static let ascii = GlyphSet(
    isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
    bottomLeft: "+", bottomRight: "+",
    shades: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"])

  /// Rewrites the article's Unicode notation into ASCII when this is the ASCII set
  /// (δ_5 → d_5, η → eta, φ → phi, Σ → sum, ∂ → d, − → -, · → *, …).
  public func text(_ s: String) -> String {
    isUnicode ? s : ASCIIFallback.transliterate(s)
  }
}

/// The ASCII spelling of the symbols backprop uses.
public enum ASCIIFallback {
  public static let table: [Character: String] = [
    "δ": "d", "η": "eta", "φ": "phi", "Σ": "sum", "∂": "d", "−": "-", "·": "*", "×": "x",
    "∘": ".*", "≈": "~", "≤": "<=", "≥": ">=", "→": "->", "←": "<-", "²": "^2", "ℓ": "l",
    "∇": "grad", "…": "...", "’": "'", "‘": "'", "“": "\"", "”": "\"", "–": "-", "—": "--",
    "±": "+-", "√": "sqrt", "∞": "inf", "ε": "eps", "σ": "sigma", "α": "alpha", "λ": "lambda",
    "μ": "mu", "θ": "theta", "Δ": "D", "▶": ">", "●": "o", "○": "o", "•": "*", "✓": "ok",
    "✗": "x", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
    "┬": "+", "┴": "+", "┼": "+", "░": ".", "▒": ":", "▓": "#", "█": "@", "ᵀ": "^T", "⁻": "^-",
    "¹": "1", "₁": "1", "₂": "2", "ₗ": "l", "ⱼ": "j", "ᵢ": "i", "⋯": "...", "∈": " in ",
    "≠": "!=", "³": "^3", "¼": "1/4", "½": "1/2", "¾": "3/4", "ᶻ": "^z", "‖": "||", "′": "'",
    "⁰": "^0", "⁴": "^4", "⁵": "^5", "⁶": "^6", "⁷": "^7", "⁸": "^8", "⁹": "^9", "₀": "0",
    "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9", "»": ">>", "«": "<<",
    "↑": "^", "↓": "v", "⇥": "->|", "⋱": ".", "⋰": ".", "┄": ".", "┆": ":", "∑": "sum",
    "∏": "prod", "≡": "==", "⊙": "o",
  ]

  public static func transliterate(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s {
      if c.isASCII {
        out.append(c)
      } else if let r = table[c] {
        out += r
      } else {
        out.append("?")
      }
    }
    return out
  }
}
