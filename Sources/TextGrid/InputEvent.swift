/// What a user does to the app, independent of how the terminal reports it.
///
/// Lives beside `TextGrid` so that the pure app (which turns events into new state) and the
/// ncurses edge (which produces them) agree on one vocabulary without depending on each other.
public enum InputEvent: Equatable, Sendable {
  case key(Key)
  /// The terminal now has this many columns and rows.
  case resize(width: Int, height: Int)
  /// Time passed while the app asked to keep working (e.g. a long training run).
  case tick
}

/// A key press, already decoded.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// A control chord, e.g. `.control("c")` for Ctrl-C, `.control("u")` for Ctrl-U.
  case control(Character)
  case enter, tab, backTab, backspace, delete, escape
  case left, right, up, down, home, end, pageUp, pageDown
  case function(Int)
  /// Alt (Meta) held with a character: the terminal sends Escape and the character. A key of
  /// its own so that it never reads as Escape followed by typing.
  case alt(Character)
}

/// What the run loop should do after the app has handled an event.
public enum LoopControl: Equatable, Sendable {
  /// Redraw and wait for the next key.
  case wait
  /// Redraw, then deliver `.tick` after this many milliseconds unless a key arrives first.
  case tick(milliseconds: Int)
  /// Leave the loop and restore the terminal.
  case quit
}
