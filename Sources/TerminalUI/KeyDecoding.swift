import CNCursesw
import TextGrid

/// Turns what `wget_wch` reports into the app's `Key` vocabulary.
///
/// `wget_wch` says *how* to read the value (`KEY_CODE_YES` for a keypad/function key, `OK` for a
/// character), and the two ranges overlap (KEY_F(1) is 265, also 'ĉ'), so the decoder takes both.
enum KeyDecoder {
  /// Decodes a character read with `OK`. Returns nil for values that are not Unicode scalars.
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 10, 13: return .enter
    case 9: return .tab
    case 8, 127: return .backspace
    case 27: return .escape
    case 0: return .control("@")
    case 1...26:
      // raw() turns Ctrl-C, Ctrl-Z, Ctrl-S, ... into plain bytes; the app decides what they mean.
      return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    case 28...31:
      return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// Decodes a key read with `KEY_CODE_YES` (other than KEY_RESIZE, which is an event, not a key).
  /// Returns nil for keys the app has no name for, so they are ignored rather than misread.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    // Some terminals (VT220 keypads, the Linux console) report Home/End as Find/Select.
    case KEY_HOME, KEY_FIND: return .home
    case KEY_END, KEY_SELECT: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_DC: return .delete
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case cncurses_key_f(1)...cncurses_key_f(63): return .function(Int(code - cncurses_key_f(0)))
    default: return nil
    }
  }
}
