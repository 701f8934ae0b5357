// A tiny full-screen app for checking the TerminalUI edge by hand and from the end-to-end tests,
// before (and independently of) the real backprop app. Keys: q or Ctrl-C quits, t toggles a
// 100 ms tick, ! crashes on purpose (to see the terminal restored after a trap).
import TerminalUI
import TextGrid

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Demo: TerminalApp {
  var width = 0
  var height = 0
  var lastKey = "none"
  var ticking = false
  var ticks = 0
  var resizes = 0

  mutating func handle(_ event: InputEvent) -> LoopControl {
    switch event {
    case .resize(let w, let h):
      width = w
      height = h
      resizes += 1
    case .tick:
      ticks += 1
    case .key(let key):
      lastKey = describe(key)
      switch key {
      case .character("q"), .control("c"): return .quit
      case .character("t"): ticking.toggle()
      case .character("!"): fatalError("terminal-demo crashed on purpose")
      default: break
      }
    }
    return ticking ? .tick(milliseconds: 100) : .wait
  }

  func render(width: Int, height: Int, glyphs: GlyphSet, colors: Bool) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    grid.box(x: 0, y: 0, width: width, height: height, glyphs: glyphs, title: "terminal-demo")
    grid.put("demo", x: 2, y: 1, style: .bold)
    grid.put(glyphs.text("δ = η · φ′ Σ"), x: 8, y: 1, style: colors ? .green : .plain)
    grid.put("size: \(width)x\(height)", x: 2, y: 2)
    grid.put("last key: \(lastKey)", x: 2, y: 3, style: .reverse)
    grid.put("ticks: \(ticks)  resizes: \(resizes)", x: 2, y: 4, style: .dim)
    grid.put("glyphs: \(glyphs.isUnicode ? "unicode" : "ascii")  colors: \(colors)", x: 2, y: 5)
    grid.put("> ", x: 2, y: 7, style: colors ? .cyan : .bold)
    grid.put("q quits, t ticks, ! crashes", x: 2, y: max(8, height - 2), style: .underline)
    return grid
  }

  func cursorPosition(width: Int, height: Int) -> (x: Int, y: Int)? { (4, 7) }

  private func describe(_ key: Key) -> String {
    switch key {
    case .character(let c): return "'\(c)'"
    case .control(let c): return "Ctrl-\(c.uppercased())"
    case .function(let n): return "F\(n)"
    default: return "\(key)"
    }
  }
}

var demo = Demo()
do {
  try Terminal.run(&demo)
  print("terminal-demo: bye")
} catch {
  // To stderr with write(2): Glibc's `stderr` global is not concurrency-safe in Swift 6.
  let message = Array("terminal-demo: \(error)\n".utf8)
  _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  exit(2)
}
