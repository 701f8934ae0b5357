import BackpropCommands
import BackpropEngine
import TextGrid

/// The whole screen as a pure function of the state: `render(state)` → `TextGrid`.
///
/// The layout grows with the terminal: at 80×24 every pane is there in its smallest useful
/// form; wider and taller terminals give the diagram room for labels, the tables more rows and
/// the lesson and plot more lines.
public enum Views {
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public static func render(_ state: AppState) -> TextGrid {
    let w = state.width
    let h = state.height
    guard w >= minimumWidth, h >= minimumHeight else { return tooSmall(state) }
    var grid: TextGrid
    switch state.screen {
    case .start(let selected): grid = StartScreen.render(state, selected: selected)
    case .freePlay, .lesson: grid = main(state)
    }
    if let overlay = state.overlay {
      let box = overlay == .help ? HelpOverlay.render(state) : confirmQuit(state)
      grid.blit(box, x: (w - box.width) / 2, y: max(0, (h - box.height) / 2))
    }
    return grid
  }

  /// Where the terminal cursor goes: in the command line while typing.
  public static func cursor(_ state: AppState) -> (x: Int, y: Int)? {
    guard state.width >= minimumWidth, state.height >= minimumHeight, state.overlay == nil else {
      return nil
    }
    if case .start = state.screen { return nil }
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

    // Title bar.
    let mode = state.screen == .lesson ? (state.lessons.activeTitle ?? "lesson") : "free play"
    let title =
      " backprop · \(mode) · \(t.network.shape.description) · "
      + ValuesTable.summary(t, digits: state.session.digits)
    grid.put(g.text(title).padded(to: w), x: 0, y: 0, style: .reverse, maxWidth: w)

    let bodyTop = 1
    let bodyHeight = h - 3
    let lessonMode = state.screen == .lesson
    let plotShown = state.plot.kind != .none
    // A plot needs 10 rows inside its box: on short terminals the equation and the top panes
    // give up rows for it.
    let cramped = plotShown && bodyHeight - 5 - 9 < 12
    let equationHeight = h >= 40 ? 6 : (cramped ? 4 : 5)
    let bottomHeight: Int
    if cramped {
      bottomHeight = max(12, bodyHeight - equationHeight - 5)
    } else if lessonMode || plotShown {
      bottomHeight = max(lessonMode ? 9 : 12, bodyHeight * 42 / 100)
    } else {
      bottomHeight = max(5, bodyHeight * 25 / 100)
    }
    let topHeight = bodyHeight - equationHeight - bottomHeight

    // Top: diagram | values.
    let diagramWidth = w >= 160 ? w / 2 : w * 45 / 100
    pane(
      &grid, x: 0, y: bodyTop, width: diagramWidth, height: topHeight,
      title: "Network \(t.network.shape.description)", glyphs: g
    ) {
      NetworkDiagram.render(state, width: $0, height: $1)
    }
    pane(
      &grid, x: diagramWidth, y: bodyTop, width: w - diagramWidth, height: topHeight,
      title: "Values", glyphs: g
    ) {
      ValuesPane.render(state, width: $0, height: $1)
    }
    // Equation.
    pane(
      &grid, x: 0, y: bodyTop + topHeight, width: w, height: equationHeight, title: "Equation",
      glyphs: g
    ) {
      EquationPane.render(state, width: $0, height: $1)
    }
    // Bottom: lesson and/or output, and the plot.
    let bottomY = bodyTop + topHeight + equationHeight
    let leftWidth = plotShown ? max(30, w - max(42, w * 45 / 100)) : w
    if lessonMode {
      let progress = state.lessons.progressText.map { " · \($0)" } ?? ""
      pane(
        &grid, x: 0, y: bottomY, width: leftWidth, height: bottomHeight, title: "Lesson\(progress)",
        glyphs: g
      ) {
        LessonPane.render(state, width: $0, height: $1)
      }
    } else {
      pane(
        &grid, x: 0, y: bottomY, width: leftWidth, height: bottomHeight, title: "Output", glyphs: g
      ) {
        OutputPane.render(state, width: $0, height: $1)
      }
    }
    if plotShown {
      pane(
        &grid, x: leftWidth, y: bottomY, width: w - leftWidth, height: bottomHeight,
        title: "Plot: \(state.plot.kind.rawValue)", glyphs: g
      ) {
        PlotPane.render(state, width: $0, height: $1)
      }
    }

    // Command line and status line.
    let prompt = promptText(state)
    var line = prompt + String(state.editor.text)
    if !state.isEditing && !(state.screen == .lesson && state.lessons.capturesKeys)
      && state.editor.isEmpty
    {
      line = prompt + g.text("(press : to type a command, ? for help)")
    }
    grid.put(g.text(line), x: 0, y: h - 2, style: state.isEditing ? .bold : .dim, maxWidth: w)
    if !state.completions.isEmpty {
      grid.put(
        g.text("  ⇥ " + state.completions.joined(separator: " ")), x: 0, y: h - 3, style: .dim,
        maxWidth: w)
    }
    grid.put(
      g.text(StatusLine.text(state)).padded(to: w), x: 0, y: h - 1, style: .reverse, maxWidth: w)
    return grid
  }

  static func promptText(_ state: AppState) -> String {
    state.lessons.capturesKeys && state.screen == .lesson ? "answer> " : "> "
  }

  /// Draws a titled box and the content a closure renders for its inside.
  static func pane(
    _ grid: inout TextGrid, x: Int, y: Int, width: Int, height: Int, title: String,
    glyphs: GlyphSet,
    content: (Int, Int) -> TextGrid
  ) {
    guard width >= 4, height >= 3 else { return }
    grid.box(
      x: x, y: y, width: width, height: height, glyphs: glyphs, title: glyphs.text(title),
      style: .plain)
    let inner = content(width - 4, height - 2)
    grid.blit(inner, x: x + 2, y: y + 1)
  }
}
