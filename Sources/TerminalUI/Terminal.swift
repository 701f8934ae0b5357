import CNCursesw
import TextGrid

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The full-screen terminal: sets ncurses up, runs a `TerminalApp`, and restores the terminal.
public enum Terminal {
  /// Runs `app` full-screen until it answers `.quit` or input ends.
  ///
  /// Sets up the locale, opens the terminal with `newterm` (which fails softly on an unknown `TERM`,
  /// where `initscr` would print and exit), and switches to raw input: Ctrl-C arrives as
  /// `.key(.control("c"))` and the app decides what it means. Colours are used when the terminal
  /// has them and `NO_COLOR` is unset or empty. The first event is always `.resize` with the
  /// current size; after each event the app is re-rendered.
  ///
  /// The terminal is restored (`endwin`) on return, on a throw, and — through signal handlers — on
  /// SIGTERM, SIGHUP, SIGINT, SIGQUIT and crashes (traps, aborts, faults), which then still end the
  /// process as they would have.
  ///
  /// - Throws: `TerminalError.notATerminal` when stdin or stdout is not a terminal,
  ///   `.cannotOpenTerminal` when ncurses does not know `$TERM`. Nothing has been changed then.
  /// - Parameter forceUTF8: draw Unicode even when the locale's character set is not UTF-8 (the
  ///   `--utf8` flag, for terminals that show UTF-8 under a C locale); the character type is then
  ///   switched to C.UTF-8 so ncurses can write multibyte characters.
  public static func run<App: TerminalApp>(_ app: inout App, forceUTF8: Bool = false)
    throws(TerminalError)
  {
    guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    if cncurses_has_cursor_addressing(1) == 0 { throw .noCursorAddressing(term: term) }
    let unicode = forceUTF8 ? switchToUTF8() : localeSupportsUTF8

    // The OS's idea of the size wins over exported LINES/COLUMNS, which would otherwise pin the
    // screen at a stale size and break resizing.
    use_tioctl(true)
    TerminalRestorer.installHandlers()
    guard let screen = newterm(nil, cncurses_stdout(), cncurses_stdin()),
      let window = cncurses_stdscr()
    else {
      TerminalRestorer.removeHandlers()
      throw .cannotOpenTerminal(term: term)
    }
    TerminalRestorer.captureStderr()
    defer {
      endwin()
      TerminalRestorer.replayStderr()
      TerminalRestorer.removeHandlers()
      delscreen(screen)
    }

    raw()
    noecho()
    keypad(window, true)
    // Escape alone should feel immediate; the default waits a full second for a sequence.
    set_escdelay(25)
    let colors = setUpColors()
    let painter = ScreenPainter(window: window, colors: colors, unicode: unicode)
    let glyphs: GlyphSet = unicode ? .unicode : .ascii

    var control = app.handle(.resize(width: Int(getmaxx(window)), height: Int(getmaxy(window))))
    while control != .quit {
      let width = Int(getmaxx(window))
      let height = Int(getmaxy(window))
      painter.draw(
        app.render(width: width, height: height, glyphs: glyphs, colors: colors),
        cursor: app.cursorPosition(width: width, height: height))
      var deadline: ContinuousClock.Instant? = nil
      if case .tick(let milliseconds) = control {
        deadline = .now + .milliseconds(max(0, milliseconds))
      }
      guard let event = nextEvent(window, deadline: deadline) else { break }
      control = app.handle(event)
      // Keys already waiting (a paste, a held key) are handled before the next frame, for up to
      // 50 ms: a frame per character made a 10 kB paste take half a minute.
      let batchEnd = ContinuousClock.now + .milliseconds(50)
      while control != .quit, ContinuousClock.now < batchEnd,
        let more = nextEvent(window, deadline: .now), more != .tick
      {
        control = app.handle(more)
      }
    }
  }

  /// The glyph set that the current locale supports: Unicode if the user's locale encodes UTF-8,
  /// else ASCII. A C, POSIX or ISO-8859 locale means the terminal may not show UTF-8, so it gets
  /// ASCII glyphs; `--utf8` (`forceUTF8`) overrides that.
  ///
  /// Sets the process locale on first use, which ncurses needs before `newterm` to read and draw
  /// multibyte characters. Evaluated once (a `static let` is initialised exactly once,
  /// thread-safely).
  private static let localeSupportsUTF8: Bool = {
    setlocale(LC_ALL, "")
    return codesetIsUTF8()
  }()

  /// For `--utf8`: keeps a UTF-8 locale, else switches the character type to C.UTF-8 (or
  /// en_US.UTF-8), which changes only how bytes map to characters, not messages or numbers.
  /// Returns whether a UTF-8 character type is now in force.
  private static func switchToUTF8() -> Bool {
    if localeSupportsUTF8 { return true }
    for name in ["C.UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
      if codesetIsUTF8() { return true }
    }
    setlocale(LC_ALL, "")
    return false
  }

  private static func codesetIsUTF8() -> Bool {
    guard let codeset = cncurses_codeset() else { return false }
    let name = String(cString: codeset).lowercased().filter { $0 != "-" && $0 != "_" }
    return name == "utf8"
  }

  /// Starts colour and defines pairs 1...6 (red, green, blue, yellow, cyan, magenta, in
  /// `ScreenPainter.colorOrder`) on the terminal's own background. Returns whether colours are on.
  private static func setUpColors() -> Bool {
    // https://no-color.org: present and not empty means no colour.
    if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
    guard has_colors(), start_color() == OK, cncurses_color_pairs() > 6 else { return false }
    // -1 means "the default background", so coloured text does not paint black boxes on a light
    // terminal; without use_default_colors fall back to black.
    let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
    let foregrounds: [Int32] = [
      COLOR_RED, COLOR_GREEN, COLOR_BLUE, COLOR_YELLOW, COLOR_CYAN, COLOR_MAGENTA,
    ]
    for (index, foreground) in foregrounds.enumerated() {
      init_pair(Int16(index + 1), Int16(foreground), background)
    }
    return true
  }

  /// Waits for the next event: a key, a resize, or `.tick` once `deadline` passes. Keys the app has
  /// no name for are skipped. Returns nil when input has ended (stdin closed or not readable), so
  /// the loop stops instead of spinning on ERR.
  ///
  /// Input comes first: even when the deadline has already passed (a job asks for `.tick(0)`, the
  /// next slice at once), pending input is read without waiting before the tick is given out.
  /// Otherwise a job that keeps the deadline in the past would never let a key through, and "any
  /// key stops" would only act once the job had run to its end.
  private static func nextEvent(
    _ window: UnsafeMutablePointer<WINDOW>, deadline: ContinuousClock.Instant?
  )
    -> InputEvent?
  {
    var prematureErrors = 0
    while true {
      var timeout: Int32 = -1
      if let deadline {
        let remaining = deadline - .now
        let (seconds, attoseconds) = remaining.components
        // Round up, so the wait never ends just before the deadline and loops on a 0 ms timeout.
        let milliseconds =
          seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        // Zero once the deadline has passed: a poll, which answers ERR at once without input.
        timeout = remaining <= .zero ? 0 : Int32(clamping: max(1, milliseconds))
      }
      wtimeout(window, timeout)
      var code: wint_t = 0
      errno = 0
      let result = wget_wch(window, &code)
      if result == KEY_CODE_YES {
        if Int32(code) == KEY_RESIZE {
          return .resize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        }
        if let key = KeyDecoder.functionKey(Int32(code)) { return .key(key) }
        continue
      }
      if result == OK {
        guard let key = KeyDecoder.character(UInt32(code)) else { continue }
        if key != .escape { return .key(key) }
        if let key = EscapeReader.key(after: window) { return .key(key) }
        continue
      }
      // ERR: a signal interrupted the read, the timeout passed, or input has ended.
      if errno == EINTR { continue }
      guard let deadline else { return nil }
      if timeout == 0 || deadline - .now <= .milliseconds(1) { return .tick }
      // ERR well before the deadline means the read failed rather than timed out (end of file).
      prematureErrors += 1
      if prematureErrors >= 3 { return nil }
    }
  }
}
