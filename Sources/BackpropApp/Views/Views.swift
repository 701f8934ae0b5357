import BackpropCommands
import BackpropEngine
import TextGrid

/// The whole screen as a pure function of the state: `render(state)` → `TextGrid`.
///
/// The layout grows with the terminal: at 80×24 every pane is there in its smallest useful
/// form; wider and taller terminals give the diagram room for labels, the tables more rows and
/// the lesson and plot more lines.
public enum Views {
  public static let minimumWidth = Layout.minimumWidth
  public static let minimumHeight = Layout.minimumHeight

  public static func render(_ state: AppState) -> TextGrid {
    let w = state.width
    let h = state.height
    guard w >= minimumWidth, h >= minimumHeight else { return tooSmall(state) }
    var grid: TextGrid
    switch state.screen {
    case .start(let selected): grid = StartScreen.render(state, selected: selected)
    case .freePlay, .lesson: grid = main(state)
    }
    switch state.overlay {
    case .help:
      let rect = HelpOverlay.rect(state)
      grid.blit(HelpOverlay.render(state), x: rect.x, y: rect.y)
    case .confirmQuit:
      let box = confirmQuit(state)
      grid.blit(box, x: (w - box.width) / 2, y: max(0, (h - box.height) / 2))
    case nil: break
    }
    return grid
  }

  /// Where the terminal cursor goes: in the command line while typing.
  public static func cursor(_ state: AppState) -> (x: Int, y: Int)? {
    guard state.width >= minimumWidth, state.height >= minimumHeight, state.overlay == nil else {
      return nil
    }
    if case .start = state.screen, !state.isEditing { return nil }
    guard state.isEditing || (state.screen == .lesson && state.lessons.capturesKeys) else {
      return nil
    }
    let prompt = promptText(state)
    let before = String(state.editor.text.prefix(state.editor.cursor))
    return (min(state.width - 1, prompt.displayWidth + before.displayWidth), state.height - 2)
  }

  static func tooSmall(_ state: AppState) -> TextGrid {
    var grid = TextGrid(width: state.width, height: state.height)
    let lines = [
      "backprop needs at least \(minimumWidth)×\(minimumHeight);",
      "this terminal is \(state.width)×\(state.height).",
      "Please enlarge it (or use --headless).",
    ].map { state.glyphs.text($0) }
    let top = max(0, (state.height - lines.count) / 2)
    for (k, line) in lines.enumerated() {
      let wrapped = TextWrap.wrap(line, width: max(1, state.width))
      for (m, piece) in wrapped.enumerated() {
        grid.put(
          piece, x: max(0, (state.width - piece.displayWidth) / 2), y: top + k + m,
          style: k == 0 ? .bold : .plain)
      }
    }
    return grid
  }

  static func confirmQuit(_ state: AppState) -> TextGrid {
    var box = TextGrid(width: 44, height: 5)
    box.fill(" ", x: 0, y: 0, width: 44, height: 5)
    box.box(x: 0, y: 0, width: 44, height: 5, glyphs: state.glyphs, title: "Quit?", style: .bold)
    box.put("The lesson is not finished; your place is", x: 2, y: 1)
    box.put("saved. Quit backprop?  y: yes   n: no", x: 2, y: 2)
    box.put(state.glyphs.text("(any other key goes back)"), x: 2, y: 3, style: .dim)
    return box
  }

  // MARK: - The main screen

  static func main(_ state: AppState) -> TextGrid {
    let w = state.width
    let h = state.height
    let g = state.glyphs
    var grid = TextGrid(width: w, height: h)
    let t = state.session.trainer
    let layout = state.layout

    // Title bar.
    var mode = state.screen == .lesson ? (state.lessons.activeTitle ?? "lesson") : "free play"
    if state.presenter { mode = "presenter · " + mode }
    let title =
      " backprop · \(mode) · \(t.network.shape.description) · "
      + ValuesTable.summary(t, digits: state.session.digits)
    grid.put(
      fittedItems(g.text(title), width: w, glyphs: g).padded(to: w), x: 0, y: layout.titleBar.y,
      style: .reverse, maxWidth: w)

    let focused = state.focusedPane
    for (pane, rect) in layout.panes {
      let body = Self.body(of: pane, state, width: rect.inner.width, height: rect.inner.height)
      draw(
        body, in: rect, title: paneTitle(pane, state, note: body.titleNote), &grid,
        focused: pane == focused,
        glyphs: g)
    }

    // Command line and status line.
    let prompt = promptText(state)
    var line = prompt + String(state.editor.text)
    if !state.isEditing && !(state.screen == .lesson && state.lessons.capturesKeys)
      && state.editor.isEmpty
    {
      line = prompt + g.text("(press : to type a command, ? for help)")
    }
    grid.put(
      g.text(line), x: 0, y: layout.commandLine.y, style: state.isEditing ? .bold : .dim,
      maxWidth: w)
    grid.put(
      fittedItems(g.text(StatusLine.text(state)), width: w, glyphs: g).padded(to: w), x: 0,
      y: layout.statusLine.y, style: .reverse, maxWidth: w)
    // Presenter mode is for a projector: no dim text anywhere, which a room cannot read.
    if state.presenter { grid.removeStyle(.dim) }
    return grid
  }

  /// A pane's title: its name, what it is about, and whatever its view adds.
  static func paneTitle(_ pane: PaneID, _ state: AppState, note: String?) -> String {
    var title: String
    switch pane {
    case .network: title = "Network \(state.session.trainer.network.shape.description)"
    case .values: title = "Values"
    case .equation: title = "Equation"
    case .lesson: title = "Lesson" + (state.lessons.progressText.map { " · \($0)" } ?? "")
    case .output: title = "Output"
    case .plot: title = "Plot: \(state.plot.kind.rawValue)"
    }
    if let note { title += " · " + note }
    if state.zoomed == pane { title += " · zoomed (Z or `zoom off` to go back)" }
    return title
  }

  /// Text shortened to `width` columns at a word boundary, with an ellipsis.
  static func fitted(_ text: String, width: Int, glyphs: GlyphSet) -> String {
    TextWrap.truncate(text, width: width, ellipsis: glyphs.text("…"))
  }

  /// A line of items joined by " · " (the title bar, the status line), shortened to `width`
  /// columns by dropping whole items from the end, with an ellipsis. Cut at a word instead, the
  /// title bar showed "E =…" without its number and the status line "Z…" without what Z does.
  /// A first item too wide on its own is cut at a word.
  static func fittedItems(_ text: String, width: Int, glyphs: GlyphSet) -> String {
    guard text.displayWidth > width else { return text }
    let separator = glyphs.text(" · ")
    let ellipsis = glyphs.text("…")
    var items = text.split(separator: separator, omittingEmptySubsequences: false)
    while items.count > 1 {
      items.removeLast()
      let shortened = items.joined(separator: separator) + separator + ellipsis
      if shortened.displayWidth <= width { return shortened }
    }
    return fitted(text, width: width, glyphs: glyphs)
  }

  /// Draws a pane's box, its title, its content and its scroll markers. The markers sit on the
  /// border (how much is above on the top edge, below on the bottom edge), so they never cover
  /// text. The focused pane's border is bold.
  static func draw(
    _ body: PaneBody, in rect: Rect, title: String, _ grid: inout TextGrid, focused: Bool,
    glyphs g: GlyphSet
  ) {
    guard rect.width >= 4, rect.height >= 3 else { return }
    let style: CellStyle = focused ? .bold : .plain
    var markerTop = ""
    var markerBottom = ""
    if body.above > 0 { markerTop = g.text("↑ \(body.above) more") }
    var bottom: [String] = []
    if body.below > 0 { bottom.append(g.text("↓ \(body.below) more")) }
    if body.hasMoreLeft || body.hasMoreRight {
      bottom.append(g.text((body.hasMoreLeft ? "←" : "") + (body.hasMoreRight ? "→" : "")))
    }
    if !bottom.isEmpty {
      let sideways = body.hasMoreLeft || body.hasMoreRight
      let keys =
        focused
        ? [body.below > 0 ? "PgDn" : "", sideways ? "←→" : ""].filter { !$0.isEmpty }.joined(
          separator: " ") : "Tab"
      markerBottom = g.text(bottom.joined(separator: " ") + (keys.isEmpty ? "" : " · " + keys))
    }
    let room = rect.width - 4
    let topWidth = markerTop.isEmpty ? 0 : markerTop.displayWidth + 3
    let shownTitle = fitted(g.text(title), width: max(1, room - topWidth - 2), glyphs: g)
    grid.box(
      x: rect.x, y: rect.y, width: rect.width, height: rect.height, glyphs: g, title: shownTitle,
      style: style)
    if !markerTop.isEmpty, markerTop.displayWidth + 2 <= room {
      grid.put(
        " \(markerTop) ", x: rect.maxX - 2 - markerTop.displayWidth - 2, y: rect.y,
        style: style.union(.reverse))
    }
    if !markerBottom.isEmpty, markerBottom.displayWidth + 2 <= room {
      grid.put(
        " \(markerBottom) ", x: rect.maxX - 2 - markerBottom.displayWidth - 2, y: rect.maxY - 1,
        style: style.union(.reverse))
    }
    let inner = rect.inner
    grid.blit(body.grid, x: inner.x, y: inner.y)
  }

  /// What pane `pane` shows inside its border at this size: the one place that picks each
  /// pane's view (the frame draws it; `update` asks it whether ←/→ has anywhere to go).
  static func body(of pane: PaneID, _ state: AppState, width: Int, height: Int) -> PaneBody {
    switch pane {
    case .network: return PaneBody(NetworkDiagram.render(state, width: width, height: height))
    case .values: return ValuesPane.render(state, width: width, height: height)
    case .equation:
      return PaneBody(
        state.presenter
          ? PresenterEquation.render(state, width: width, height: height)
          : EquationPane.render(state, width: width, height: height))
    case .lesson: return LessonPane.render(state, width: width, height: height)
    case .output: return OutputPane.render(state, width: width, height: height)
    case .plot: return PlotPane.body(state, width: width, height: height)
    }
  }

  static func promptText(_ state: AppState) -> String {
    state.lessons.capturesKeys && state.screen == .lesson ? "answer> " : "> "
  }
}
