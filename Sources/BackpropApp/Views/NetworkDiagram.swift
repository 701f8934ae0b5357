import BackpropCommands
import BackpropEngine
import TextGrid

/// The network as columns of neurons joined by edges: each neuron shows j and o_j (and net_j and
/// δ_j once computed, when there is room); each edge's line style shows the weight's sign
/// (solid: positive, dotted: negative) and boldness its size (|w| ≥ 1); where room allows, edges
/// are labelled with w_ij. What the current micro-step reads and writes is highlighted.
enum NetworkDiagram {
  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    let t = state.session.trainer
    let shape = t.network.shape
    let g = state.glyphs
    guard width >= 12, height >= 3 else { return grid }
    let digits = min(state.session.digits, width >= 90 ? 5 : 4)
    let n = { (x: Double) in NumberFormat.format(x, digits: digits) }
    let focus = Highlight(step: t.lastStep.map { ($0, t) })

    // Which neurons of each layer get a row (the rest are summarised as "+k").
    let rowsAvailable = height
    var shown: [[Int]] = []
    for l in 0..<shape.layerCount {
      let all = Array(shape.neurons(inLayer: l))
      if all.count <= rowsAvailable {
        shown.append(all)
      } else {
        shown.append(Array(all.prefix(max(1, rowsAvailable - 1))))
      }
    }

    // Label of a neuron: "3 0.5933" (o_j), plus δ when computed and wide enough.
    let showDelta = width >= 70 + 10 * (shape.layerCount - 2)
    func label(_ j: Int) -> String {
      let l = shape.layer(ofNeuron: j)!
      var s = l == 0 ? "x\(j)" : "(\(j))"
      if l == 0, let x = t.input(j) {
        s += " " + n(x)
      } else if t.isComputed(.output(j)) {
        s += " " + n(t.values.output[j - 1])
      } else if t.isComputed(.net(j)) {
        s += " net " + n(t.values.net[j - 1])
      }
      if showDelta, l > 0, t.isComputed(.delta(j)) { s += g.text(" δ") + n(t.values.delta[j - 1]) }
      return g.text(s)
    }

    /// The label, shortened (fewer digits, then just the number) rather than cut mid-number.
    func fitted(_ j: Int, room: Int) -> String {
      let full = label(j)
      if full.displayWidth <= room { return full }
      let l = shape.layer(ofNeuron: j)!
      let name = l == 0 ? "x\(j)" : "(\(j))"
      let value: Double? =
        l == 0
        ? t.input(j)
        : (t.isComputed(.output(j))
          ? t.values.output[j - 1] : (t.isComputed(.net(j)) ? t.values.net[j - 1] : nil))
      if let value {
        let short = name + " " + NumberFormat.format(value, digits: 3)
        if short.displayWidth <= room { return short }
      }
      return name
    }

    // Column positions.
    let layers = shape.layerCount
    let labelWidth = shown.flatMap { $0 }.map { label($0).displayWidth }.max() ?? 6
    let columnWidth = min(labelWidth, max(4, width / layers - 2))
    let gap = layers > 1 ? max(2, (width - columnWidth * layers) / (layers - 1)) : 0
    func columnX(_ l: Int) -> Int { l * (columnWidth + gap) }
    func rowY(_ l: Int, _ k: Int) -> Int {
      let count = shown[l].count + (shown[l].count < shape.layerSizes[l] ? 1 : 0)
      if count == 1 { return height / 2 }
      return Int((Double(k) + 0.5) * Double(height) / Double(count))
    }
    var position: [Int: (x: Int, y: Int)] = [:]
    for l in 0..<layers {
      for (k, j) in shown[l].enumerated() { position[j] = (columnX(l), rowY(l, k)) }
    }

    // Edges first, so labels draw over them.
    var edgeLabels: [(String, Int, Int, CellStyle)] = []
    // Dense networks would be a tangle: then only the edges the current step touches are drawn.
    let edgeCount = (1..<layers).reduce(0) { $0 + shown[$1].count * shown[$1 - 1].count }
    let drawAll = edgeCount <= 24
    for l in 1..<layers {
      for j in shown[l] {
        for i in shown[l - 1] {
          guard let a = position[i], let b = position[j] else { continue }
          guard drawAll || focus.edges.contains(Edge(from: i, to: j)) else { continue }
          let w = t.network[.weight(from: i, to: j)]
          var style: CellStyle = w.magnitude >= 1 ? .bold : .plain
          if state.colors { style.insert(w < 0 ? .red : .blue) }
          let hot = focus.edges.contains(Edge(from: i, to: j))
          if hot { style = [.bold, .reverse] }
          let x0 = a.x + min(columnWidth, label(i).displayWidth)
          let x1 = b.x - 1
          drawLine(&grid, from: (x0, a.y), to: (x1, b.y), negative: w < 0, glyphs: g, style: style)
          let name = g.text(Parameter.weight(from: i, to: j).name) + "=" + n(w)
          edgeLabels.append(
            (name, (x0 + x1) / 2 - name.displayWidth / 2, (a.y + b.y) / 2, hot ? [.bold] : .dim))
        }
      }
    }
    // Edge labels only where they fit without touching each other or the neurons.
    if gap >= 12 {
      var taken = Set<Int>()
      for (name, x, y, style) in edgeLabels where y >= 0 && y < height {
        let cells = (x - 1)...(x + name.displayWidth)
        if cells.contains(where: { taken.contains(y * width + $0) }) { continue }
        if x < 0 || x + name.displayWidth >= width { continue }
        grid.put(name, x: x, y: y, style: style)
        for c in cells { taken.insert(y * width + c) }
      }
    }
    // Neurons.
    for l in 0..<layers {
      for j in shown[l] {
        guard let p = position[j] else { continue }
        var style: CellStyle = l == 0 ? .plain : .bold
        if focus.neurons.contains(j) { style = [.bold, .reverse] }
        // Labels stop at their column (the last layer may use the rest of the pane).
        let room = l == layers - 1 ? width - p.x : columnWidth + gap - 1
        grid.put(fitted(j, room: room), x: p.x, y: p.y, style: style, maxWidth: room)
      }
      if shown[l].count < shape.layerSizes[l] {
        let more = shape.layerSizes[l] - shown[l].count
        grid.put(g.text("⋮ +\(more)"), x: columnX(l), y: rowY(l, shown[l].count), style: .dim)
      }
    }
    return grid
  }

  /// Draws an edge as horizontal, diagonal, horizontal: a shape that stays readable in a
  /// character grid. Negative weights are dotted.
  static func drawLine(
    _ grid: inout TextGrid, from a: (Int, Int), to b: (Int, Int), negative: Bool, glyphs: GlyphSet,
    style: CellStyle
  ) {
    let (x0, y0) = a
    let (x1, y1) = b
    guard x1 > x0 else { return }
    let dy = y1 - y0
    let span = x1 - x0 + 1
    let diagonal = min(abs(dy), span)
    let start = x0 + (span - diagonal) / 2
    let u = glyphs.isUnicode
    let horizontal: Character = negative ? (u ? "┄" : ".") : (u ? "─" : "-")
    let down: Character = negative ? (u ? "⋱" : ".") : (u ? "╲" : "\\")
    let up: Character = negative ? (u ? "⋰" : ".") : (u ? "╱" : "/")
    func plot(_ x: Int, _ y: Int, _ c: Character) {
      if grid[x, y].character == " " || style.contains(.reverse) {
        grid[x, y] = Cell(character: c, style: style)
      }
    }
    var y = y0
    var x = x0
    while x < start {
      plot(x, y, horizontal)
      x += 1
    }
    var moved = 0
    while moved < diagonal {
      y += dy > 0 ? 1 : -1
      moved += 1
      plot(x, y, dy > 0 ? down : up)
      x += 1
    }
    // Rows the diagonal could not cover (a very steep edge) go straight up or down.
    let vertical: Character = u ? (negative ? "┆" : "│") : (negative ? ":" : "|")
    while y != y1 {
      y += dy > 0 ? 1 : -1
      plot(max(x0, x - 1), y, vertical)
    }
    while x <= x1 {
      plot(x, y, horizontal)
      x += 1
    }
  }
}

/// An edge of the diagram, w_ij from i to j.
struct Edge: Hashable {
  let from: Int
  let to: Int
}

/// What the last micro-step read and wrote, to highlight in the diagram and tables.
struct Highlight {
  var neurons: Set<Int> = []
  var edges: Set<Edge> = []
  var parameters: Set<Parameter> = []

  init(step: (MicroStep, Trainer)?) {
    guard let (step, t) = step else { return }
    let shape = t.network.shape
    switch step {
    case .net(let j):
      neurons = [j]
      if let l = shape.layer(ofNeuron: j), l > 0 {
        for i in shape.neurons(inLayer: l - 1) {
          edges.insert(Edge(from: i, to: j))
          parameters.insert(.weight(from: i, to: j))
        }
        parameters.insert(.bias(j))
      }
    case .output(let j): neurons = [j]
    case .error: neurons = Set(shape.neurons(inLayer: shape.outputLayer))
    case .delta(let j):
      neurons = [j]
      if let l = shape.layer(ofNeuron: j), l < shape.outputLayer {
        for k in shape.neurons(inLayer: l + 1) {
          edges.insert(Edge(from: j, to: k))
          parameters.insert(.weight(from: j, to: k))
        }
      }
    case .gradient(let p), .update(let p):
      parameters = [p]
      switch p {
      case .weight(let i, let j):
        edges = [Edge(from: i, to: j)]
        neurons = [i, j]
      case .bias(let j): neurons = [j]
      }
    }
  }
}
