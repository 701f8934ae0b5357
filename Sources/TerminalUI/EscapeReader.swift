import CNCursesw
import TextGrid

/// Reads the rest of an escape sequence that ncurses did not recognise, so that Home under a
/// mismatched `TERM` (`ESC [ 1 ~`) or Alt-x (`ESC x`) reaches the app as one key and not as
/// Escape followed by text. `EscapeSequence` (in TextGrid) decides what the characters mean.
enum EscapeReader {
  /// How long to wait for each further character. ncurses has already waited its escape delay
  /// before giving up on the sequence, so what belongs to it is normally buffered already.
  static let followTimeout: Int32 = 10

  /// Called right after `wget_wch` returned Escape as a character. Returns the key the sequence
  /// stands for, `.escape` when nothing followed, or nil for a sequence to ignore. Changes the
  /// window's read timeout; the loop sets it again before each read.
  static func key(after window: UnsafeMutablePointer<WINDOW>) -> Key? {
    var following: [Character] = []
    while true {
      wtimeout(window, following.isEmpty ? 0 : followTimeout)
      var code: wint_t = 0
      let result = wget_wch(window, &code)
      guard result == OK, let scalar = Unicode.Scalar(UInt32(code)) else {
        // Nothing more (or a key ncurses did decode, which then ends the sequence: it is
        // pushed back so that it is not lost).
        if result == KEY_CODE_YES { ungetch(Int32(code)) }
        return EscapeSequence.finish(following)
      }
      following.append(Character(scalar))
      if case .key(let key) = EscapeSequence.decode(following) { return key }
    }
  }
}
