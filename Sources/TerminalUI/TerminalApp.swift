import TextGrid

/// An interactive program that the terminal loop drives.
///
/// The app never sees ncurses: it gets decoded `InputEvent`s and answers with a `TextGrid`. That
/// keeps every app testable headless (feed events, compare grids) and keeps the ncurses edge in one
/// small module.
public protocol TerminalApp {
  /// Handle one event; the loop redraws afterwards (unless the answer is `.quit`).
  mutating func handle(_ event: InputEvent) -> LoopControl
  /// Pure render of the current state at this size. A grid of another size is clipped (or left
  /// blank where it is too small), so an app that lags one resize behind still draws sanely.
  func render(width: Int, height: Int, glyphs: GlyphSet, colors: Bool) -> TextGrid
  /// Where the hardware cursor should be shown (e.g. in the command line), or nil to hide it.
  func cursorPosition(width: Int, height: Int) -> (x: Int, y: Int)?
}

extension TerminalApp {
  /// Most screens have no text entry, so by default the cursor is hidden.
  public func cursorPosition(width: Int, height: Int) -> (x: Int, y: Int)? { nil }
}

/// Why the full-screen interface could not start. Both cases leave the terminal untouched, and
/// both descriptions point at `--headless`, which works without a terminal.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// stdin or stdout is a pipe or file, so there is no screen to draw on or keyboard to read.
  case notATerminal
  /// ncurses has no description of this terminal type (`term` is `$TERM`, empty when unset).
  case cannotOpenTerminal(term: String)
  /// The terminal cannot move the cursor (`TERM=dumb` and the like), so a full screen cannot be
  /// drawn on it; refused like `notATerminal` rather than showing a blank screen.
  case noCursorAddressing(term: String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "The interactive interface needs a terminal, but standard input or output is not one"
        + " (a pipe or a file?). Use --headless to run commands without a terminal."
    case .cannotOpenTerminal(let term) where term.isEmpty:
      return "Cannot open the terminal: TERM is not set. Set TERM (e.g. TERM=xterm-256color)"
        + " or use --headless."
    case .cannotOpenTerminal(let term):
      return "Cannot open a terminal of type '\(term)' (no terminfo entry for it?). Set TERM to a"
        + " known type (e.g. TERM=xterm-256color) or use --headless."
    case .noCursorAddressing(let term):
      return "The interactive interface needs a terminal that can move the cursor, and TERM=\(term)"
        + " cannot. Use --headless to run commands without a terminal, or set TERM to a full"
        + " terminal type (e.g. TERM=xterm-256color)."
    }
  }
}
