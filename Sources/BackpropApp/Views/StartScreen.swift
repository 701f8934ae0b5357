import TextGrid

/// The lesson menu: each lesson's title, article section and progress, and free play.
enum StartScreen {
  static func render(_ state: AppState, selected: Int) -> TextGrid {
    let w = state.width
    let h = state.height
    let g = state.glyphs
    var grid = TextGrid(width: w, height: h)
    grid.put(
      g.text(" backprop · learn backpropagation one neuron at a time").padded(to: w), x: 0, y: 0,
      style: .reverse)
    let intro =
      "Step through the algorithm exactly as the Wikipedia article “Backpropagation” derives it: every net_j, o_j, δ_j and ∂E/∂w_ij with its formula and its numbers. Choose a lesson, or free play."
    var y = 2
    for line in TextWrap.wrap(g.text(intro), width: w - 4) {
      grid.put(line, x: 2, y: y)
      y += 1
    }
    y += 1
    let catalog = state.lessons.catalog
    let listTop = y
    let visible = max(1, h - listTop - 3)
    var entries: [(String, String)] = []
    for entry in catalog {
      let number: String = entry.number.map { String(format2: $0) + "  " } ?? "    "
      let detail: String = entry.section + " · " + entry.progress
      entries.append((number + entry.title, detail))
    }
    entries.append(("    Free play", "just the network and the command line"))
    var start = 0
    if selected >= visible { start = selected - visible + 1 }
    let titleWidth = min(max(30, (entries.map { $0.0.displayWidth }.max() ?? 30) + 2), w * 55 / 100)
    for (k, entry) in entries.enumerated().dropFirst(start).prefix(visible) {
      let isSelected = k == selected
      let marker = isSelected ? g.text("▶ ") : "  "
      var title = entry.0
      if title.displayWidth > titleWidth - 1 {
        title = String(title.prefix(titleWidth - 2)) + g.text("…")
      }
      let text = marker + g.text(title).padded(to: titleWidth) + g.text(entry.1)
      grid.put(
        text.padded(to: w - 4), x: 2, y: y, style: isSelected ? [.reverse, .bold] : .plain,
        maxWidth: w - 4)
      y += 1
    }
    if catalog.isEmpty {
      grid.put(g.text("(no lessons found: use --lessons DIR)"), x: 4, y: y + 1, style: .dim)
    }
    if let warning = state.lessons.warning {
      grid.put(g.text(warning), x: 2, y: h - 3, style: .dim, maxWidth: w - 4)
    }
    grid.put(
      g.text(StatusLine.text(state)).padded(to: w), x: 0, y: h - 1, style: .reverse, maxWidth: w)
    return grid
  }
}

extension String {
  /// Two-digit lesson numbers: 01, 02, … 12.
  init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
