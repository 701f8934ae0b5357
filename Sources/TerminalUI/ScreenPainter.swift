import CNCursesw
import TextGrid

/// Copies a `TextGrid` onto an ncurses window.
///
/// Rows are drawn as runs of equally styled cells with one `mvwaddstr` each, because per-cell calls
/// are what makes curses drawing slow. ncurses then diffs against the last frame itself, so the
/// whole grid is redrawn every frame and only the changes reach the terminal.
struct ScreenPainter {
  let window: UnsafeMutablePointer<WINDOW>
  /// Colour pairs 1...6 are set up (see `Terminal.setUpColors`) and may be used.
  let colors: Bool
  /// The locale can encode any character; when false everything is drawn as ASCII so that a
  /// non-UTF-8 terminal never receives bytes it would show as garbage or as the wrong width.
  let unicode: Bool

  private let bold = cncurses_a_bold()
  private let reverse = cncurses_a_reverse()
  private let underline = cncurses_a_underline()
  private let dim = cncurses_a_dim()
  private let normal = cncurses_a_normal()

  init(window: UnsafeMutablePointer<WINDOW>, colors: Bool, unicode: Bool) {
    self.window = window
    self.colors = colors
    self.unicode = unicode
  }

  /// The colour pair numbers, in the order `Terminal` initialises them.
  static let colorOrder: [CellStyle] = [.red, .green, .blue, .yellow, .cyan, .magenta]

  func draw(_ grid: TextGrid, cursor: (x: Int, y: Int)?) {
    werase(window)
    let width = min(grid.width, Int(getmaxx(window)))
    let height = min(grid.height, Int(getmaxy(window)))
    for y in 0..<max(0, height) {
      drawRow(grid, y: y, width: width)
    }
    wattr_set(window, normal, 0, nil)
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < Int(getmaxx(window)),
      cursor.y < Int(getmaxy(window))
    {
      curs_set(1)
      wmove(window, Int32(cursor.y), Int32(cursor.x))
    } else {
      curs_set(0)
    }
    wnoutrefresh(window)
    doupdate()
  }

  private func drawRow(_ grid: TextGrid, y: Int, width: Int) {
    var run = ""
    var runStart = 0
    var runStyle = CellStyle.plain
    var x = 0
    while x < width {
      let cell = grid[x, y]
      if cell.isContinuation {
        x += 1
        continue
      }
      let character = drawable(cell.character)
      // Start a new run on a style change, and after every wide character: if the terminal's idea
      // of its width differs from `DisplayWidth`, only that character is misplaced, not the row.
      if !run.isEmpty && (cell.style != runStyle || x != runStart + run.count) {
        flush(run, x: runStart, y: y, style: runStyle)
        run = ""
      }
      if run.isEmpty {
        runStart = x
        runStyle = cell.style
      }
      if DisplayWidth.of(character) == 2 {
        run.append(character)
        flush(run, x: runStart, y: y, style: runStyle)
        run = ""
        x += 2
      } else {
        run.append(character)
        x += 1
      }
    }
    if !run.isEmpty { flush(run, x: runStart, y: y, style: runStyle) }
  }

  private func flush(_ text: String, x: Int, y: Int, style: CellStyle) {
    let (attributes, pair) = attributes(for: style)
    wattr_set(window, attributes, pair, nil)
    // Writing the bottom-right cell returns ERR (the cursor cannot advance) but still draws it.
    _ = mvwaddstr(window, Int32(y), Int32(x), text)
  }

  private func attributes(for style: CellStyle) -> (attr_t, Int16) {
    var attributes = normal
    if style.contains(.bold) { attributes |= bold }
    if style.contains(.reverse) { attributes |= reverse }
    if style.contains(.underline) { attributes |= underline }
    if style.contains(.dim) { attributes |= dim }
    var pair: Int16 = 0
    if colors, let index = Self.colorOrder.firstIndex(where: { style.contains($0) }) {
      pair = Int16(index + 1)
    }
    return (attributes, pair)
  }

  /// What can safely be sent for this character: control characters would move the cursor, and
  /// without a UTF-8 locale anything outside ASCII becomes its one-column ASCII stand-in.
  private func drawable(_ character: Character) -> Character {
    guard let scalar = character.unicodeScalars.first else { return " " }
    if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { return " " }
    if unicode || character.isASCII { return character }
    if let replacement = ASCIIFallback.table[character], replacement.count == 1,
      let first = replacement.first
    {
      return first
    }
    return "?"
  }
}
