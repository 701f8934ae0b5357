import BackpropCommands
import TextGrid

/// Every key and command, in a box over the screen.
enum HelpOverlay {
  static let keys: [(String, String)] = [
    ("space / n", "next micro-step (in a lesson: next page)"),
    ("s", "next micro-step"),
    ("f  b  u", "finish the forward / backward pass, update"),
    ("e", "run to the end of the epoch"),
    ("t", "train 100 epochs (any key interrupts)"),
    ("z  y", "undo / redo"),
    ("p  h", "lesson: previous page / hint"),
    (":", "type a command (Tab completes, ↑↓ history)"),
    ("m", "back to the lesson menu"),
    ("?  F1", "this help"),
    ("q  Ctrl-C", "quit"),
  ]

  static func render(_ state: AppState) -> TextGrid {
    let g = state.glyphs
    let w = min(state.width - 4, 96)
    let h = min(state.height - 2, 40)
    var box = TextGrid(width: w, height: h)
    box.fill(" ", x: 0, y: 0, width: w, height: h)
    box.box(
      x: 0, y: 0, width: w, height: h, glyphs: g, title: "Help (any key closes)", style: .bold)
    var lines: [(String, CellStyle)] = [("Keys", .bold)]
    for (k, v) in keys { lines.append((g.text(k.padded(to: 12) + v), .plain)) }
    lines.append(("", .plain))
    lines.append(("Commands (type : first; `help COMMAND` for details)", .bold))
    let columns = w >= 90 ? 2 : 1
    let specs = CommandSpec.all.map { g.text($0.name.padded(to: 10) + $0.summary) }
    let colWidth = (w - 4) / columns
    let rows = (specs.count + columns - 1) / columns
    if lines.count + rows <= h - 2 {
      for r in 0..<rows {
        var text = ""
        for c in 0..<columns {
          let k = c * rows + r
          guard k < specs.count else { continue }
          var s = specs[k]
          if s.displayWidth > colWidth - 1 { s = String(s.prefix(colWidth - 2)) + g.text("…") }
          text += s.padded(to: colWidth)
        }
        lines.append((text, .plain))
      }
    } else {
      // Not enough rows for a line each: the names, wrapped.
      let names = CommandSpec.all.map(\.name).joined(separator: "  ")
      for piece in TextWrap.wrap(names, width: w - 4) { lines.append((piece, .plain)) }
    }
    for (k, line) in lines.prefix(h - 2).enumerated() {
      box.put(line.0, x: 2, y: 1 + k, style: line.1, maxWidth: w - 4)
    }
    return box
  }
}
