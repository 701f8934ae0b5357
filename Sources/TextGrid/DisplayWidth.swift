/// Terminal column widths of characters, computed in pure Swift.
///
/// `wcwidth` depends on the process locale (and Glibc's Swift module does not export it), so layout
/// and golden files would differ between machines. This table covers what backprop draws: ASCII,
/// Greek and math symbols, box drawing, blocks, braille (all width 1), combining marks (width 0)
/// and the East Asian wide ranges (width 2).
public enum DisplayWidth {
  public static func of(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    return of(scalar)
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v == 0 { return 0 }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    // Combining marks and zero-width characters.
    if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0x20D0...0x20FF).contains(v)
      || (0xFE00...0xFE0F).contains(v)
    {
      return 0
    }
    // Wide: CJK, Hangul, fullwidth forms, emoji.
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
      || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  /// Columns taken by a whole string.
  public static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }
}

extension String {
  /// Terminal columns this string occupies.
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// Pads with spaces on the right to `width` columns (never truncates).
  public func padded(to width: Int) -> String {
    let w = displayWidth
    return w >= width ? self : self + String(repeating: " ", count: width - w)
  }

  /// Pads with spaces on the left to `width` columns (never truncates).
  public func leftPadded(to width: Int) -> String {
    let w = displayWidth
    return w >= width ? self : String(repeating: " ", count: width - w) + self
  }
}
