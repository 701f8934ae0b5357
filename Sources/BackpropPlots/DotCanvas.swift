import TextGrid

/// A canvas of dots finer than cells for drawing curves: 2 × 4 braille dots per cell with Unicode,
/// one `*` per cell with ASCII.
///
/// Curves are drawn as column spans: each dot column keeps the lowest and highest point any
/// segment reaches inside it. That is exact for connected lines, and it is also the min/max
/// downsampling a long run needs: 100 000 epochs on 200 dot columns become 200 vertical spans
/// that keep every spike, with O(1) work per point and nothing ever cut off.
struct DotCanvas {
  let columns: Int
  let rows: Int
  let dotsAcross: Int
  let dotsDown: Int
  private var spanTop: [Double]
  private var spanBottom: [Double]
  private var pen: (u: Double, v: Double)?

  init(columns: Int, rows: Int, glyphs: GlyphSet) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    dotsAcross = glyphs.isUnicode ? 2 : 1
    dotsDown = glyphs.isUnicode ? 4 : 1
    spanTop = Array(repeating: .infinity, count: self.columns * dotsAcross)
    spanBottom = Array(repeating: -.infinity, count: self.columns * dotsAcross)
  }

  /// Dot columns across the canvas; `u` coordinates run from 0 to this.
  var dotColumns: Int { columns * dotsAcross }

  /// Dot rows down the canvas; `v` coordinates run from 0 (top) to this.
  var dotRows: Int { rows * dotsDown }

  /// Extends the line to (`u`, `v`) in dot coordinates; the first point after `liftPen()` starts
  /// a new line (and shows as a dot on its own). Points must come in increasing `u`.
  mutating func addPoint(u: Double, v: Double) {
    guard u.isFinite, !v.isNaN, dotColumns > 0 else {
      liftPen()
      return
    }
    let u = min(max(u, 0), Double(dotColumns))
    guard let (u0, v0) = pen else {
      extend(column: column(of: u), with: v, v)
      pen = (u, v)
      return
    }
    pen = (u, v)
    let first = column(of: u0)
    let last = column(of: u)
    if first == last || u <= u0 {
      extend(column: last, with: v0, v)
      return
    }
    let slope = (v - v0) / (u - u0)
    for column in first...last {
      let left = max(u0, Double(column))
      let right = min(u, Double(column + 1))
      let a = v0 + slope * (left - u0)
      let b = v0 + slope * (right - u0)
      extend(column: column, with: a.isNaN ? v0 : a, b.isNaN ? v : b)
    }
  }

  /// Ends the current line: the next point will not be joined to the last one.
  mutating func liftPen() { pen = nil }

  private func column(of u: Double) -> Int { min(max(Int(u), 0), dotColumns - 1) }

  private mutating func extend(column: Int, with a: Double, _ b: Double) {
    spanTop[column] = min(spanTop[column], a, b)
    spanBottom[column] = max(spanBottom[column], a, b)
  }

  /// Copies the dots into `grid` with the canvas's top-left cell at (`left`, `top`), leaving
  /// cells without dots untouched.
  func draw(into grid: inout TextGrid, left: Int, top: Int, style: CellStyle) {
    guard dotRows > 0 else { return }
    var bits = [UInt8](repeating: 0, count: columns * rows)
    let limit = Double(dotRows) - 1e-9
    for dotColumn in 0..<dotColumns {
      let high = spanTop[dotColumn]
      let low = spanBottom[dotColumn]
      guard high <= low, low >= 0, high < Double(dotRows) else { continue }
      let firstRow = Int(max(high, 0))
      let lastRow = Int(min(low, limit))
      let cellColumn = dotColumn / dotsAcross
      let across = dotColumn % dotsAcross
      for dotRow in firstRow...lastRow {
        let index = (dotRow / dotsDown) * columns + cellColumn
        bits[index] |= Self.brailleBit(across: across, down: dotRow % dotsDown)
      }
    }
    for row in 0..<rows {
      for column in 0..<columns where bits[row * columns + column] != 0 {
        let pattern = bits[row * columns + column]
        let character =
          dotsDown == 4 ? Character(Unicode.Scalar(0x2800 + UInt32(pattern))!) : "*"
        grid[left + column, top + row] = Cell(character: character, style: style)
      }
    }
  }

  /// The braille dot numbering: dots 1–3 and 7 down the left column, 4–6 and 8 down the right.
  private static func brailleBit(across: Int, down: Int) -> UInt8 {
    switch (across, down) {
    case (0, 3): return 0x40
    case (1, 3): return 0x80
    case (0, _): return 1 << UInt8(down)
    default: return 1 << UInt8(3 + down)
    }
  }
}
