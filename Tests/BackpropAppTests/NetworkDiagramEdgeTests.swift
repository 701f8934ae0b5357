import BackpropCommands
import BackpropEngine
import Testing
import TextGrid

@testable import BackpropApp

/// Every edge the diagram draws can be followed, cell by cell, from its source neuron to its
/// target, and every layer stays one column: for every small network shape, before and after a
/// pass, at the network pane's sizes on 80×24, 100×30, 120×40 and 200×60 screens, with and
/// without a lesson open. The edges are read back from the rendered characters alone.
@Suite struct NetworkDiagramEdgeTests {
  static let screens = [(80, 24), (100, 30), (120, 40), (200, 60)]

  /// Network shapes with 1…3 inputs, 1…3 outputs, and none or 1…4 hidden neurons.
  static let shapes: [[Int]] = (1...3).flatMap { i in
    (1...3).flatMap { o in [[i, o]] + (1...4).map { [i, $0, o] } }
  }

  /// The network pane's inner sizes on each screen, with and without a lesson open.
  static let paneSizes: [(Int, Int)] = {
    var sizes: [(Int, Int)] = []
    for (w, h) in screens {
      let plain = AppState(width: w, height: h, startScreen: false)
      let lesson = ScreenDefectTests.lesson(1, page: 1, width: w, height: h)
      for s in [plain, lesson] {
        guard let r = s.layout[.network]?.inner else { continue }
        if !sizes.contains(where: { $0 == (r.width, r.height) }) {
          sizes.append((r.width, r.height))
        }
      }
    }
    return sizes
  }()

  static func state(_ sizes: [Int], pass: Bool) -> AppState {
    var s = AppState(width: 120, height: 40, startScreen: false)
    App.submit("network " + sizes.map(String.init).joined(separator: "-"), &s)
    if pass {
      let inputs = (1...sizes[0]).map { "0.\($0)" }.joined(separator: " ")
      let targets = (1...sizes.last!).map { "0.\($0 + 2)" }.joined(separator: " ")
      App.submit("sample add \(inputs) -> \(targets)", &s)
      App.submit("forward", &s)
      App.submit("backward", &s)
    }
    return s
  }

  enum Move: Hashable { case level, down, up, fall, rise }

  static func glyph(_ c: Character) -> Move? {
    switch c {
    case "─", "┄": .level
    case "╲", "⋱": .down
    case "╱", "⋰": .up
    case "│", "┆": .fall
    case "╳": .down  // a crossing of two slants: `connected` takes it either way
    default: nil
    }
  }

  /// Where the label that starts with `head` ("x1", "(3)") begins, as (x, y).
  static func find(_ head: String, in rows: [[Character]]) -> (x: Int, y: Int)? {
    let h = Array(head)
    for (y, row) in rows.enumerated() where row.count >= h.count {
      for x in 0...(row.count - h.count) where Array(row[x..<(x + h.count)]) == h {
        let before = x == 0 ? " " : row[x - 1]
        let after = x + h.count < row.count ? row[x + h.count] : " "
        if (before == " " || glyph(before) != nil) && !after.isNumber { return (x, y) }
      }
    }
    return nil
  }

  /// Where the weight label `label` ("w_13=") sits on an edge: right after a stroke.
  static func findLabel(_ label: String, in rows: [[Character]]) -> (x: Int, y: Int)? {
    let h = Array(label)
    for (y, row) in rows.enumerated() where row.count >= h.count {
      for x in 1...(row.count - h.count) where Array(row[x..<(x + h.count)]) == h {
        if glyph(row[x - 1]) != nil { return (x, y) }
      }
    }
    return nil
  }

  /// True when a stroke runs from the end of the source's label to the cell just left of the
  /// target's: each step right goes level (`─`), down (`╲`) or up (`╱`), or stays in its
  /// column (`│`), and may pass up to two cells other edges drew over (a crossing), or its own
  /// `w_ij=` label on a level stretch.
  static func connected(
    _ rows: [[Character]], from a: (x: Int, y: Int), to b: (x: Int, y: Int), label: String
  ) -> Bool {
    let width = rows[0].count
    // Cells of the edge's own weight label.
    var own = Set<[Int]>()
    if let p = findLabel(label, in: rows) {
      let end = rows[p.y][p.x...].firstIndex(of: " ") ?? width
      for x in p.x..<end { own.insert([x, p.y]) }
    }
    // Leave the source label: its words are one space apart, and it ends at a stroke, at two
    // spaces or at the pane's edge.
    var x = a.x
    while x < width, glyph(rows[a.y][x]) == nil, !own.contains([x, a.y]) {
      if rows[a.y][x] == " ",
        x + 1 >= width || rows[a.y][x + 1] == " " || glyph(rows[a.y][x + 1]) != nil
      {
        break
      }
      x += 1
    }
    guard x < width else { return false }
    // States: cell, the move that reached it, crossings in a row.
    var seen = Set<[Int]>()
    var todo: [[Int]] = []
    func visit(_ x: Int, _ y: Int, _ m: Move, _ skips: Int) {
      guard x >= 0, x < width, y >= 0, y < rows.count else { return }
      let key = [x, y, [Move.level, .down, .up, .fall, .rise].firstIndex(of: m)!, skips]
      if seen.insert(key).inserted { todo.append(key) }
    }
    // The first cell may be level, or the start of a slant.
    for (dx, dy, m) in [(0, 0, Move.level), (0, 1, .down), (0, -1, .up)] {
      let c = rows[a.y + dy < 0 || a.y + dy >= rows.count ? a.y : a.y + dy][x]
      if glyph(c) == m || (m == .level && own.contains([x, a.y])) { visit(x, a.y + dy, m, 0) }
    }
    let moves: [(Int, Int, Move)] = [
      (1, 0, .level), (1, 1, .down), (1, -1, .up), (0, 1, .fall), (0, -1, .rise),
    ]
    while let s = todo.popLast() {
      let (x, y, m, skips) = (s[0], s[1], [Move.level, .down, .up, .fall, .rise][s[2]], s[3])
      if x == b.x - 1, y == b.y, m != .fall, m != .rise { return true }
      // On the target's row the edges into it share one stretch, where each ends its slant.
      if y == b.y, x < b.x - 1, ((x + 1)..<b.x).allSatisfy({ glyph(rows[y][$0]) != nil }) {
        return true
      }
      for (dx, dy, n) in moves {
        // Upright strokes continue only upright or level, in their own direction.
        if (m == .fall && (n == .rise || n == .up)) || (m == .rise && (n == .fall || n == .down)) {
          continue
        }
        if (n == .fall && m == .up) || (n == .rise && m == .down) { continue }
        let nx = x + dx
        let ny = y + dy
        guard nx < width, ny >= 0, ny < rows.count else { continue }
        let c = rows[ny][nx]
        let g = glyph(c) == .fall && n == .rise ? Move.rise : glyph(c)
        if g == n || (c == "╳" && (n == .down || n == .up))
          || (n == .level && own.contains([nx, ny]))
        {
          visit(nx, ny, n, 0)
        } else if c != " ", nx == b.x - 1, ny == b.y, n == .level {
          return true  // lines meeting just before the neuron share its last cell
        } else if n == m || n == .level || m == .level, skips < 2, glyph(c) != nil {
          visit(nx, ny, n, skips + 1)
        }
      }
    }
    return false
  }

  @Test(arguments: paneSizes)
  func everyEdgeConnectsItsNeurons(_ size: (Int, Int)) {
    for sizes in Self.shapes {
      for pass in [false, true] {
        let s = Self.state(sizes, pass: pass)
        let shape = s.session.trainer.network.shape
        let grid = NetworkDiagram.render(s, width: size.0, height: size.1)
        let text = grid.text
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map {
          Array(String($0).padding(toLength: size.0, withPad: " ", startingAt: 0))
        }
        let name = "\(sizes) pass=\(pass) at \(size):\n\(text)"
        let head = { (j: Int) in shape.layer(ofNeuron: j) == 0 ? "x\(j)" : "(\(j))" }
        // No layer is split over two columns, and layers go left to right.
        var columns: [Int] = []
        for l in 0..<shape.layerCount {
          let xs = Set(shape.neurons(inLayer: l).compactMap { Self.find(head($0), in: rows)?.x })
          #expect(xs.count <= 1, "layer \(l) split over columns \(xs.sorted()): \(name)")
          if let x = xs.first { columns.append(x) }
        }
        // (The lines form runs entries in reading order; it is no drawing of layers.)
        let isLines = text.contains(" more")
        if !isLines { #expect(columns == columns.sorted(), "\(name)") }
        // When any edge is drawn, every one is (these networks have at most 24 edges).
        guard text.contains(where: { Self.glyph($0) != nil }) else { continue }
        for l in 1..<shape.layerCount {
          for j in shape.neurons(inLayer: l) {
            for i in shape.neurons(inLayer: l - 1) {
              guard let a = Self.find(head(i), in: rows), let b = Self.find(head(j), in: rows)
              else {
                Issue.record("neuron \(i) or \(j) not found: \(name)")
                continue
              }
              let label = s.glyphs.text(Parameter.weight(from: i, to: j).name) + "="
              #expect(
                Self.connected(rows, from: a, to: b, label: label), "edge \(i)→\(j): \(name)")
            }
          }
        }
      }
    }
  }

  /// A 16-neuron layer where it does not fit stays one column with a `⋮ +N` marker, and the
  /// neurons it shows plus N make 16.
  @Test(arguments: screens)
  func largeLayersAreElidedNotWrapped(_ screen: (Int, Int)) {
    var s = AppState(width: screen.0, height: screen.1, startScreen: false)
    App.submit("network 2-16-16-1 logistic seed=1", &s)
    let rows = paneText(s, .network).map { Array($0) }
    let shape = s.session.trainer.network.shape
    for l in 1...2 {
      let found = shape.neurons(inLayer: l).compactMap { Self.find("(\($0))", in: rows) }
      #expect(Set(found.map(\.x)).count == 1, "layer \(l): \(rows.map { String($0) })")
      let x = found.first?.x ?? 0
      let marker = rows.compactMap { row -> Int? in
        guard x + 3 < row.count, row[x] == "⋮" else { return nil }
        return Int(String(row[(x + 3)...]).split(separator: " ").first ?? "")
      }
      #expect(found.count + marker.reduce(0, +) == 16, "layer \(l): \(rows.map { String($0) })")
    }
  }
}
