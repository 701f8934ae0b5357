import BackpropApp
import FoundationEssentials
import Glibc
import TerminalUI
import TextGrid

/// Connects the pure app to the terminal loop: events become messages, the state renders, and
/// the effects `update` asks for (files, the clock) are carried out here.
struct InterfaceProgram: TerminalApp {
  var state: AppState
  /// `--ascii`: draw with ASCII even when the terminal could show Unicode.
  var forceASCII = false
  /// For the end-to-end test of a crash in our own code (`CrashReportTUITests`): with the
  /// environment variable `BACKPROP_DEBUG_CRASH=1`, the key `!` fails a precondition. Without
  /// it, which no student sets by accident, `!` is an ordinary key.
  var debugCrash = getenv("BACKPROP_DEBUG_CRASH").map { String(cString: $0) == "1" } ?? false

  mutating func handle(_ event: InputEvent) -> LoopControl {
    if debugCrash, case .key(.character("!")) = event {
      fatalError("backprop crashed on purpose (BACKPROP_DEBUG_CRASH=1)")
    }
    let message: AppMessage
    switch event {
    case .key(let key): message = .key(key)
    case .resize(let w, let h): message = .resize(width: w, height: h)
    case .tick: message = .tick
    }
    state.lessons.now = Date()
    let started = ContinuousClock.now
    let effect = App.update(&state, message)
    if message == .tick, state.job != nil {
      // The slice just run sizes the next one (see `App.adaptPace`).
      _ = App.update(&state, .jobSliceTook(.now - started))
    }
    switch EffectRunner().settle(effect, &state).control {
    case .tick(let ms): return .tick(milliseconds: ms)
    case .quit: return .quit
    default: return .wait
    }
  }

  func render(width: Int, height: Int, glyphs: GlyphSet, colors: Bool) -> TextGrid {
    var s = state
    s.width = width
    s.height = height
    s.glyphs = glyphs.isUnicode && !forceASCII ? .unicode : .ascii
    s.colors = colors
    return Views.render(s)
  }

  func cursorPosition(width: Int, height: Int) -> (x: Int, y: Int)? {
    var s = state
    s.width = width
    s.height = height
    return Views.cursor(s)
  }
}
