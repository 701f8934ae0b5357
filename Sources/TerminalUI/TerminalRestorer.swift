import CNCursesw

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts the terminal back the way it was, whatever ends the process.
///
/// A clean return runs `Terminal.run`'s cleanup, but a Swift trap (SIGILL/SIGTRAP), an abort, a
/// fault, or a SIGTERM/SIGHUP/SIGINT from outside would skip it and leave the user's shell raw, with
/// no echo and on the alternate screen. So while the interface is up, these signals get a handler
/// that calls `endwin()`, puts back the handler that was there before (the default action, or the
/// Swift runtime's backtracer) and raises the signal again, so the process still dies the way it
/// would have and with the same exit status.
///
/// It also holds back stderr while ncurses owns the screen: anything written there (a Swift
/// "Fatal error" message, a warning) would be drawn over the interface and then wiped when the
/// alternate screen closes. It goes to a temporary file instead and is replayed once the terminal
/// is restored, from the signal handler too.
enum TerminalRestorer {
  /// Signals that end the process by default. SIGTSTP and SIGWINCH are left to ncurses.
  static let signals: [Int32] = [
    SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGTERM, SIGHUP, SIGINT, SIGQUIT,
  ]

  /// Installs the handlers. Call before `newterm`, so that ncurses sees non-default handlers and
  /// does not install its own SIGINT/SIGTERM cleanup, which would `exit(1)` instead of dying by the
  /// signal.
  static func installHandlers() {
    let table = previousActionTable()
    // Touch what the handler reads, so no lazy global initialisation can happen inside it.
    _ = capture
    _ = replayBuffer
    // Read here, not in the handler (getenv is not async-signal-safe).
    passCrashesOn = getenv("SWIFT_BACKTRACE") != nil
    for signal in signals {
      var current = sigaction()
      guard sigaction(signal, nil, &current) == 0 else { continue }
      // Someone (nohup, a parent shell) asked to ignore this signal: keep ignoring it.
      if handlerIsIgnore(current) { continue }
      table[Int(signal)] = current
      installed[Int(signal)] = true
      var action = sigaction()
      setHandler(&action, restoreTerminalAndReraise)
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(SA_SIGINFO)
      sigaction(signal, &action, nil)
    }
  }

  /// Puts back the handlers that were there before `installHandlers`.
  static func removeHandlers() {
    guard let table = previousActions else { return }
    for signal in signals where installed[Int(signal)] {
      sigaction(signal, table + Int(signal), nil)
      installed[Int(signal)] = false
    }
  }

  /// Sends fd 2 to an unlinked temporary file until `replayStderr`, when stderr is a terminal
  /// (when it is redirected it cannot disturb the screen, so it is left alone).
  static func captureStderr() {
    guard isatty(2) == 1, capture.saved < 0 else { return }
    var template = Array("/tmp/backprop-stderr-XXXXXX".utf8CString)
    let temporary = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard temporary >= 0 else { return }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    let saved = dup(2)
    guard saved >= 0 else {
      close(temporary)
      return
    }
    if replayBuffer == nil {
      replayBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
    }
    capture = (saved: saved, temporary: temporary)
    dup2(temporary, 2)
  }

  /// Points fd 2 back at the terminal and copies out what was written meanwhile. Uses only
  /// async-signal-safe calls, because the signal handler calls it too.
  static func replayStderr() {
    let (saved, temporary) = capture
    guard saved >= 0 else { return }
    capture = (saved: -1, temporary: -1)
    dup2(saved, 2)
    close(saved)
    if let buffer = replayBuffer {
      lseek(temporary, 0, SEEK_SET)
      while true {
        let count = read(temporary, buffer, 4096)
        if count <= 0 { break }
        var written = 0
        while written < count {
          let n = write(2, buffer + written, count - written)
          if n <= 0 { break }
          written += n
        }
        if written < count { break }
      }
    }
    close(temporary)
  }

  // MARK: - State read by the signal handler
  //
  // Globals touched from a signal handler must not allocate or take locks. Each is first written
  // by `installHandlers`/`captureStderr` on the main thread, before any handler can run, so its
  // lazy initialisation has already happened when the handler reads it.

  nonisolated(unsafe) fileprivate static var previousActions: UnsafeMutablePointer<sigaction>? =
    nil
  nonisolated(unsafe) fileprivate static var installed = [Bool](repeating: false, count: 65)
  nonisolated(unsafe) fileprivate static var capture: (saved: Int32, temporary: Int32) = (-1, -1)
  nonisolated(unsafe) fileprivate static var replayBuffer: UnsafeMutableRawPointer? = nil
  /// Whether a crash of ours goes on to the handler that was there before (the Swift runtime's
  /// backtracer): only when `SWIFT_BACKTRACE` is set, i.e. someone configured it on purpose.
  /// Otherwise the backtracer's default on a terminal is an interactive prompt, which waited
  /// 30 seconds on a screen the student could not make sense of; we write a short report and
  /// die by the signal instead. Deciding this needs no re-exec and costs nothing at start-up.
  nonisolated(unsafe) fileprivate static var passCrashesOn = false

  private static func previousActionTable() -> UnsafeMutablePointer<sigaction> {
    if let table = previousActions { return table }
    let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    table.initialize(repeating: sigaction(), count: 65)
    previousActions = table
    return table
  }

  private static func handlerIsIgnore(_ action: sigaction) -> Bool {
    #if os(Linux)
      return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
        && action.sa_flags & Int32(SA_SIGINFO) == 0
    #else
      return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
        && action.sa_flags & Int32(SA_SIGINFO) == 0
    #endif
  }

  private static func setHandler(
    _ action: inout sigaction,
    _ handler:
      @escaping @convention(c) (
        Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?
      ) -> Void
  ) {
    #if os(Linux)
      action.__sigaction_handler.sa_sigaction = handler
    #else
      action.__sigaction_u.__sa_sigaction = handler
    #endif
  }
}

/// The handler itself: restore, put the old handler back, re-raise. The signal stays blocked until
/// this returns, so the re-raised copy is delivered (to the old handler) right after.
///
/// A signal sent from outside (`kill -ABRT`, `kill -SEGV`, `kill -QUIT`: `si_code` ≤ 0) is not a
/// crash of ours, so it does not go to the Swift runtime's crash reporter, which stopped for an
/// interactive 30-second prompt and then let the process go on (a training job kept running on
/// the alternate screen, or the program exited with status 0). It gets the default action
/// instead: the process dies by that signal (status 128 + n) right after the terminal is back,
/// with one line on stderr saying which. A real fault in our own code (`si_code` > 0: a failed
/// precondition is SIGILL on x86_64, SIGTRAP on arm64) gets a short crash report after the
/// runtime's own "Fatal error" line (held back and replayed here), then the same death by the
/// signal; it goes on to the previous handler only when `SWIFT_BACKTRACE` asks for it.
private func restoreTerminalAndReraise(
  _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
  endwin()
  TerminalRestorer.replayStderr()
  let sentFromOutside = info.map { $0.pointee.si_code <= 0 } ?? true
  if !sentFromOutside {
    reportCrash(signal)
    if TerminalRestorer.passCrashesOn, let table = TerminalRestorer.previousActions {
      sigaction(signal, table + Int(signal), nil)
    } else {
      var action = sigaction()
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
  } else {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    if signal != SIGINT && signal != SIGTERM && signal != SIGHUP {
      reportSignal(signal)
    }
  }
  raise(signal)
}

/// The short crash report: which signal, that it is a bug in backprop and the terminal is back,
/// and how to get a full backtrace. Async-signal-safe calls only.
private func reportCrash(_ signal: Int32) {
  let first: StaticString = "backprop: crashed (signal "
  let second: StaticString =
    "), a bug in backprop; the terminal has been restored.\nbackprop: please report it with the lines above.\nbackprop: SWIFT_BACKTRACE=enable=yes,interactive=no adds a backtrace.\n"
  _ = write(2, first.utf8Start, first.utf8CodeUnitCount)
  writeNumber(signal)
  _ = write(2, second.utf8Start, second.utf8CodeUnitCount)
}

/// Writes a small non-negative number to stderr without allocating.
private func writeNumber(_ value: Int32) {
  var text: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
  withUnsafeMutableBytes(of: &text) { digits in
    var n = Int(value)
    var count = 0
    repeat {
      digits[7 - count] = UInt8(48 + n % 10)
      n /= 10
      count += 1
    } while n > 0 && count < 8
    _ = write(2, digits.baseAddress! + (8 - count), count)
  }
}

/// "backprop: ended by signal 6 from another process" on stderr, with async-signal-safe calls only.
private func reportSignal(_ signal: Int32) {
  let prefix: StaticString = "backprop: ended by signal "
  let suffix: StaticString = " from another process\n"
  _ = write(2, prefix.utf8Start, prefix.utf8CodeUnitCount)
  writeNumber(signal)
  _ = write(2, suffix.utf8Start, suffix.utf8CodeUnitCount)
}
