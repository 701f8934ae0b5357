/// A rectangle of styled character cells.
///
/// Every view in backprop renders into a `TextGrid`; the ncurses layer only copies it to the screen,
/// and headless mode and golden-file tests print it as plain text. Keeping the grid a plain value is
/// what lets the views stay pure functions and the tests read like the screen a person sees.
public struct TextGrid: Equatable, Sendable {
  public let width: Int
  public let height: Int
  /// Row-major cells. A wide character occupies its cell plus a `.continuation` cell after it.
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard contains(x: x, y: y) else { return Cell() }
      return cells[y * width + x]
    }
    set {
      guard contains(x: x, y: y) else { return }
      cells[y * width + x] = newValue
    }
  }

  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < width && y < height
  }

  /// Writes `text` starting at column `x` of row `y`, clipped to the grid (and to `maxWidth`
  /// columns when given). Returns the number of columns written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height else { return 0 }
    let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
    var column = x
    for character in text {
      let w = DisplayWidth.of(character)
      if w == 0 { continue }
      if column + w > limit { break }
      if column >= 0 {
        self[column, y] = Cell(character: character, style: style)
        if w == 2 { self[column + 1, y] = Cell(character: " ", style: style, isContinuation: true) }
      }
      column += w
    }
    return max(0, column - x)
  }

  /// Fills a rectangle with one character.
  public mutating func fill(
    _ character: Character, x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain
  ) {
    for row in max(0, y)..<min(height, y + h) {
      for column in max(0, x)..<min(width, x + w) {
        cells[row * width + column] = Cell(character: character, style: style)
      }
    }
  }

  /// Copies another grid into this one with its top-left corner at (x, y), clipped.
  public mutating func blit(_ other: TextGrid, x: Int, y: Int) {
    for row in 0..<other.height {
      for column in 0..<other.width where contains(x: x + column, y: y + row) {
        self[x + column, y + row] = other[column, row]
      }
    }
  }

  /// Draws a box outline with an optional title on its top edge.
  public mutating func box(
    x: Int, y: Int, width w: Int, height h: Int, glyphs: GlyphSet, title: String? = nil,
    style: CellStyle = .plain
  ) {
    guard w >= 2, h >= 2 else { return }
    for column in x + 1..<x + w - 1 {
      self[column, y] = Cell(character: glyphs.horizontal, style: style)
      self[column, y + h - 1] = Cell(character: glyphs.horizontal, style: style)
    }
    for row in y + 1..<y + h - 1 {
      self[x, row] = Cell(character: glyphs.vertical, style: style)
      self[x + w - 1, row] = Cell(character: glyphs.vertical, style: style)
    }
    self[x, y] = Cell(character: glyphs.topLeft, style: style)
    self[x + w - 1, y] = Cell(character: glyphs.topRight, style: style)
    self[x, y + h - 1] = Cell(character: glyphs.bottomLeft, style: style)
    self[x + w - 1, y + h - 1] = Cell(character: glyphs.bottomRight, style: style)
    if let title, w > 4 {
      put(" \(title) ", x: x + 1, y: y, style: style.union(.bold), maxWidth: w - 2)
    }
  }

  /// One string per row, trailing spaces removed: the form golden files and headless use.
  public var lines: [String] {
    (0..<height).map { row in
      var line = ""
      for column in 0..<width {
        let cell = cells[row * width + column]
        if !cell.isContinuation { line.append(cell.character) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The grid as text, one line per row.
  public var text: String { lines.joined(separator: "\n") }
}

/// One character cell of a `TextGrid`.
public struct Cell: Equatable, Sendable {
  public var character: Character
  public var style: CellStyle
  /// The right half of a double-width character drawn in the cell before it.
  public var isContinuation: Bool

  public init(character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }
}

/// How a cell is drawn. Colour is a hint: every view must stay readable in monochrome, so meaning
/// is also carried by characters (signs, line styles) or by bold/reverse.
public struct CellStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let plain: CellStyle = []
  public static let bold = CellStyle(rawValue: 1 << 0)
  public static let reverse = CellStyle(rawValue: 1 << 1)
  public static let underline = CellStyle(rawValue: 1 << 2)
  public static let dim = CellStyle(rawValue: 1 << 3)
  /// Colours (at most one should be set).
  public static let red = CellStyle(rawValue: 1 << 8)
  public static let green = CellStyle(rawValue: 1 << 9)
  public static let blue = CellStyle(rawValue: 1 << 10)
  public static let yellow = CellStyle(rawValue: 1 << 11)
  public static let cyan = CellStyle(rawValue: 1 << 12)
  public static let magenta = CellStyle(rawValue: 1 << 13)

  public static let colors: CellStyle = [.red, .green, .blue, .yellow, .cyan, .magenta]
}
