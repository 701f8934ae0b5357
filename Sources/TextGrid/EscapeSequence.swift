/// Decodes what follows an Escape that the terminal library handed over as a plain character.
///
/// ncurses turns only the sequences that the terminfo entry for `$TERM` lists into keys. Under a
/// `TERM` that does not match the terminal (xterm-256color inside tmux, which sends `ESC [ 1 ~`
/// for Home), or for chords terminfo has no name for (Alt-x is `ESC x`), it hands over Escape and
/// then the rest as text. Read that way, Escape would act on its own (it goes back, or closes
/// something) and `[1~` would be typed into the command line. The terminal loop therefore reads
/// what arrives right after an Escape and asks this decoder what it was: a key with a name, an
/// Alt chord, a sequence to ignore, or Escape alone.
///
/// Pure (characters in, a key out), so every sequence is testable without a terminal.
public enum EscapeSequence {
  /// What the characters after Escape amount to so far.
  public enum Step: Equatable, Sendable {
    /// A sequence has begun and is not finished: read another character (if one comes soon).
    case needMore
    /// The sequence is complete: this key, or nil for a sequence with no key the app knows
    /// (it is dropped whole rather than typed).
    case key(Key?)
  }

  /// The longest sequence read before it is given up as noise (real ones are under 12).
  public static let maximumLength = 16

  /// Decodes `following`, the characters read after Escape (not including it).
  public static func decode(_ following: [Character]) -> Step {
    guard let first = following.first else { return .needMore }
    if following.count > maximumLength { return .key(nil) }
    switch first {
    case "[": return controlSequence(following.dropFirst())
    case "O": return singleShift(following.dropFirst())
    // Escape twice is a hurried Escape, not a chord.
    case "\u{1B}": return .key(.escape)
    default:
      // Alt with a printable character; Alt with a control character has no use here.
      guard let scalar = first.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F
      else { return .key(nil) }
      return .key(.alt(first))
    }
  }

  /// What Escape and `following` mean when no more characters come: Escape alone, an Alt chord
  /// of `[` or `O`, or nil for a sequence cut short (dropped).
  public static func finish(_ following: [Character]) -> Key? {
    switch following {
    case []: return .escape
    case ["["], ["O"]: return .alt(following[0])
    default:
      if case .key(let key) = decode(following) { return key }
      return nil
    }
  }

  /// `ESC [ parameters final`: parameters are digits and `;` (0x30–0x3F), intermediates
  /// 0x20–0x2F, the final character 0x40–0x7E. Modifiers (`ESC [ 1 ; 5 A` for Ctrl-Up) are
  /// read past: the key is the same key.
  private static func controlSequence(_ rest: ArraySlice<Character>) -> Step {
    var parameters = ""
    for character in rest {
      guard let value = character.unicodeScalars.first?.value, character.unicodeScalars.count == 1
      else { return .key(nil) }
      switch value {
      case 0x20...0x3F: parameters.append(character)
      case 0x40...0x7E: return .key(controlKey(final: character, parameters: parameters))
      default: return .key(nil)
      }
    }
    return .needMore
  }

  private static func controlKey(final: Character, parameters: String) -> Key? {
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false)
      .map { Int($0) }
    let number = numbers.first ?? nil
    switch final {
    case "A": return .up
    case "B": return .down
    case "C": return .right
    case "D": return .left
    case "H": return .home
    case "F": return .end
    case "Z": return .backTab
    case "P", "Q", "R", "S": return functionKey(final)
    case "~":
      // VT220 and rxvt numbering: Home is 1 or 7, End 4 or 8 (xterm sends these under
      // tmux/screen terminfo).
      switch number {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case .some(let n) where (11...15).contains(n): return .function(n - 10)
      case .some(let n) where (17...21).contains(n): return .function(n - 11)
      case .some(let n) where (23...24).contains(n): return .function(n - 12)
      default: return nil
      }
    default: return nil
    }
  }

  /// `ESC O final` (keypad application mode), possibly with a modifier digit before the final.
  private static func singleShift(_ rest: ArraySlice<Character>) -> Step {
    for character in rest {
      if character.isASCII, character.isNumber || character == ";" { continue }
      switch character {
      case "A": return .key(.up)
      case "B": return .key(.down)
      case "C": return .key(.right)
      case "D": return .key(.left)
      case "H": return .key(.home)
      case "F": return .key(.end)
      case "M": return .key(.enter)
      case "P", "Q", "R", "S": return .key(functionKey(character))
      default: return .key(nil)
      }
    }
    return .needMore
  }

  private static func functionKey(_ final: Character) -> Key? {
    switch final {
    case "P": return .function(1)
    case "Q": return .function(2)
    case "R": return .function(3)
    case "S": return .function(4)
    default: return nil
    }
  }
}
