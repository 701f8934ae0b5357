import BackpropCommands
import TextGrid

/// Every key and command, in a box over the screen. It scrolls (PgUp/PgDn, ↑↓, Home/End) when
/// it is taller than the box; any other key closes it.
enum HelpOverlay {
  static let keys: [(String, String)] = [
    ("space n  s", "next micro-step (in a lesson space reads on, then turns the page; s steps)"),
    ("f b u e", "finish the forward / backward pass, update; e: to the end of the epoch"),
    ("t  z  y", "train 100 epochs (any key interrupts); undo / redo"),
    ("+  -", "autoplay (`play 2`): faster / slower; space pauses, a command stops it"),
    ("p", "demo (`source FILE`): space or n runs the next line, p takes it back"),
    ("p  h", "lesson: previous page / hint"),
    ("Tab", "focus the next pane (Shift-Tab: the previous one); its border is bold"),
    ("PgUp PgDn", "scroll the focused pane (Home / End: top / end; ← →: wide lines sideways)"),
    ("Z", "zoom: the focused pane fills the screen, Z or Esc goes back (`zoom PANE`)"),
    (":  Esc", "type a command (Tab completes, ↑↓ history); Esc leaves an answer line"),
    ("?  m  q", "this help (F1); the lesson menu; quit (also Ctrl-C)"),
  ]

  /// The box, centred over the screen: the layout of the overlay.
  /// The box, centred over the screen, or over the whole body when the screen is too narrow to
  /// leave a clear margin (pane borders peeking out beside it read as clutter).
  static func rect(_ state: AppState) -> Rect {
    if state.width < 96 + 16 {
      return Rect(x: 0, y: 1, width: state.width, height: max(0, state.height - 3))
    }
    let h = min(state.height - 2, 40)
    return Rect(x: (state.width - 96) / 2, y: max(0, (state.height - h) / 2), width: 96, height: h)
  }

  static func rows(_ state: AppState, width: Int) -> [(String, CellStyle)] {
    let g = state.glyphs
    var lines: [(String, CellStyle)] = [("Keys", .bold)]
    for (k, v) in keys {
      for (n, piece) in TextWrap.wrap(g.text(v), width: max(1, width - 12)).enumerated() {
        lines.append(((n == 0 ? g.text(k) : "").padded(to: 12) + piece, .plain))
      }
    }
    lines.append(("", .plain))
    lines.append(("Commands (type : first; `help COMMAND` for details)", .bold))
    // Each command on its own rows: the name, then its summary wrapped beside it, in one column
    // or two when the box is wide; nothing is cut.
    let columns = width >= 86 ? 2 : 1
    let colWidth = width / columns
    let entries: [[String]] = CommandSpec.all.map { spec in
      TextWrap.wrap(g.text(spec.summary), width: max(1, colWidth - 12)).enumerated().map {
        ($0.offset == 0 ? spec.name : "").padded(to: 10) + $0.element
      }
    }
    let perColumn = (entries.count + columns - 1) / columns
    let stacks: [[String]] = (0..<columns).map { c in
      entries.dropFirst(c * perColumn).prefix(perColumn).flatMap { $0 }
    }
    for r in 0..<(stacks.map(\.count).max() ?? 0) {
      var text = ""
      for stack in stacks { text += (r < stack.count ? stack[r] : "").padded(to: colWidth) }
      lines.append((text, .plain))
    }
    return lines
  }

  static func viewport(_ state: AppState) -> Viewport {
    let box = rect(state)
    return Viewport(
      total: rows(state, width: box.inner.width).count, height: box.inner.height,
      scroll: state.helpScroll, anchorAtEnd: false)
  }

  static func render(_ state: AppState) -> TextGrid {
    let box = rect(state)
    var grid = TextGrid(width: box.width, height: box.height)
    grid.fill(" ", x: 0, y: 0, width: box.width, height: box.height)
    let inner = box.inner
    let all = rows(state, width: inner.width)
    let view = viewport(state)
    var content = TextGrid(width: inner.width, height: inner.height)
    for (k, line) in all[view.range].enumerated() {
      content.put(line.0, x: 0, y: k, style: line.1, maxWidth: inner.width)
    }
    var body = PaneBody(content, viewport: view)
    body.grid = content
    Views.draw(
      body, in: Rect(x: 0, y: 0, width: box.width, height: box.height),
      title: "Help (any other key closes)", &grid, focused: true,
      glyphs: state.glyphs)
    return grid
  }
}
