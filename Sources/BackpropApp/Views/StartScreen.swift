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
    // Each row: the title, the progress (always in view, whatever the width), the section.
    var entries: [(title: String, progress: String, section: String)] = []
    for entry in catalog {
      let number: String = entry.number.map { String(format2: $0) + "  " } ?? "    "
      entries.append((number + entry.title, entry.progress, entry.section))
    }
    entries.append(("    Free play", "", "just the network and the command line"))
    var start = 0
    if selected >= visible { start = selected - visible + 1 }
    let rowWidth = w - 4
    let progressWidth = max(12, (entries.map { $0.progress.displayWidth }.max() ?? 0) + 2)
    let titleWidth = min(
      max(30, (entries.map { $0.title.displayWidth }.max() ?? 30) + 2),
      rowWidth - 2 - progressWidth - 12)
    let ellipsis = g.text("…")
    for (k, entry) in entries.enumerated().dropFirst(start).prefix(visible) {
      let isSelected = k == selected
      let marker = isSelected ? g.text("▶ ") : "  "
      let title = TextWrap.truncate(g.text(entry.title), width: titleWidth - 1, ellipsis: ellipsis)
      let section = wordsThatFit(
        g.text(entry.section), width: max(1, rowWidth - 2 - titleWidth - progressWidth),
        ellipsis: ellipsis)
      let text =
        marker + title.padded(to: titleWidth) + g.text(entry.progress).padded(to: progressWidth)
        + section
      grid.put(
        text.padded(to: rowWidth), x: 2, y: y, style: isSelected ? [.reverse, .bold] : .plain,
        maxWidth: rowWidth)
      y += 1
    }
    if catalog.isEmpty {
      grid.put(g.text("(no lessons found: use --lessons DIR)"), x: 4, y: y + 1, style: .dim)
    }
    if state.isEditing {
      grid.put(
        g.text(Views.promptText(state) + state.editor.line), x: 0, y: h - 2, style: .bold,
        maxWidth: w)
    }
    if let warning = state.lessons.warning, !state.isEditing {
      grid.put(
        TextWrap.truncate(g.text(warning), width: w - 4, ellipsis: g.text("…")), x: 2, y: h - 3,
        style: .dim, maxWidth: w - 4)
    }
    grid.put(
      Views.fittedItems(g.text(StatusLine.text(state)), width: w, glyphs: g).padded(to: w), x: 0,
      y: h - 1, style: .reverse, maxWidth: w)
    return grid
  }
}

/// The whole words of `text` that fit in `width` columns, with an ellipsis when some are left
/// out (a single word too wide is cut with the ellipsis).
func wordsThatFit(_ text: String, width: Int, ellipsis: String) -> String {
  if text.displayWidth <= width { return text }
  let lines = TextWrap.wrap(text, width: max(1, width - ellipsis.displayWidth), ellipsis: ellipsis)
  guard let first = lines.first else { return "" }
  return first.hasSuffix(ellipsis) ? first : first + ellipsis
}

extension String {
  /// Two-digit lesson numbers: 01, 02, … 12.
  init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
