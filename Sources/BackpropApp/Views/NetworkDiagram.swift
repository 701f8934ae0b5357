import BackpropCommands
import BackpropEngine
import TextGrid

/// The network as columns of neurons joined by edges: each neuron shows j and o_j (and δ_j once
/// computed in this pass); each edge's line style shows the weight's sign (solid: positive, dotted:
/// negative) and boldness its size (|w| ≥ 1). What the current micro-step reads and writes is
/// highlighted.
///
/// The pane can be anything from about 32×3 to a whole screen, so the layout is chosen, not
/// scaled. A neuron's o_j always comes first: the diagram never drops one to make room for an
/// edge or a weight.
///
/// 1. **Drawing.** Layers as columns, each neuron a band of its label's rows plus one, edges in
///    the gaps (at least `minimumGap` columns, and never rising more rows than the gap has
///    columns, so the neurons are drawn closer together rather than steeper). The richest label
///    that fits is used, in the order of `LabelForm.candidates`: δ_j after o_j, δ_j on a line of
///    its own below, fewer digits, and last no δ_j; columns with δ_j (2.) come before a drawing
///    without it. Each edge gets a `w_ij=value` label on a stretch of it no other edge shares,
///    where the label touches no neuron and no other label. When some edge goes unlabelled
///    (crossings too dense, or a network so dense that only the edges of the current step are
///    drawn), every weight is listed instead in a legend below the drawing or, failing that, on
///    its right, each behind a sample of its edge's line style; if neither fits, the labels that
///    fit stay on the edges.
/// 2. **Columns.** When the layers do not fit as a drawing (fewer rows than neurons, or too
///    narrow for edges), each layer is a column of `(j) o_j δ_j` entries without edges; a layer
///    with more neurons than rows keeps its first and last neurons around a `⋮ +N` marker (only
///    once no label form shows every neuron).
/// 3. **Lines.** When even that is too wide, the entries (o_j only) run on in reading order,
///    wrapped to the pane's width; what does not fit is counted in a final `+N more`.
enum NetworkDiagram {
  /// Columns between two layers below which an edge is no longer seen as one.
  static let minimumGap = 4

  static func render(_ state: AppState, width: Int, height: Int) -> TextGrid {
    var grid = TextGrid(width: width, height: height)
    guard width > 0, height > 0 else { return grid }
    let labels = NeuronLabels(state)
    let forms = LabelForm.candidates(digits: state.session.digits, hasDelta: labels.hasDelta)
    // δ_j outranks the edges: a drawing without it comes after columns with it.
    for withDelta in [true, false] {
      let group = forms.filter { ($0.delta != .none) == withDelta }
      for (k, form) in group.enumerated() {
        guard let layout = GraphLayout(labels, form: form, width: width, height: height) else {
          continue
        }
        // A legend may cost digits, never δ.
        drawGraph(&grid, labels, layout: layout, alternatives: Array(group[k...]))
        return grid
      }
      for form in group where drawColumns(&grid, labels, form: form, elide: false) { return grid }
    }
    // Leaving neurons out of a layer comes after every form that shows them all; o_j before δ_j.
    for form in forms.reversed() where drawColumns(&grid, labels, form: form, elide: true) {
      return grid
    }
    drawLines(&grid, labels, form: forms.last ?? LabelForm(digits: 3, delta: .none))
    return grid
  }

  // MARK: - Label forms

  /// Where a neuron's δ_j goes.
  enum DeltaPlacement { case inline, below, none }

  /// How much a neuron's label says.
  struct LabelForm: Equatable {
    var digits: Int
    var delta: DeltaPlacement

    /// Richest first: δ_j matters more than a fifth digit, a fifth digit more than one row.
    static func candidates(digits session: Int, hasDelta: Bool) -> [LabelForm] {
      var digits: [Int] = []
      for d in [5, 4, 3] where !digits.contains(min(session, d)) { digits.append(min(session, d)) }
      var forms: [LabelForm] = []
      if hasDelta {
        for d in digits {
          forms += [LabelForm(digits: d, delta: .inline), .init(digits: d, delta: .below)]
        }
      }
      return forms + digits.map { LabelForm(digits: $0, delta: .none) }
    }
  }

  /// The text of each neuron's label, and how it is styled.
  struct NeuronLabels {
    let trainer: Trainer
    let shape: NetworkShape
    let glyphs: GlyphSet
    let focus: Highlight
    let colors: Bool
    let hasDelta: Bool

    init(_ state: AppState) {
      trainer = state.session.trainer
      shape = trainer.network.shape
      glyphs = state.glyphs
      colors = state.colors
      let t = trainer
      focus = Highlight(step: t.lastStep.map { ($0, t) })
      let s = shape
      hasDelta = (1..<max(1, s.layerCount)).contains { l in
        s.neurons(inLayer: l).contains { t.isComputed(.delta($0)) }
      }
    }

    var allNeurons: ClosedRange<Int> { 1...shape.neuronCount }

    /// "x1 0.05", "(3) 0.5933", "(3) net 0.3775" or "(3)", then δ as the form says.
    func lines(_ j: Int, _ form: LabelForm) -> [String] {
      let n = { (x: Double) in NumberFormat.format(x, digits: form.digits) }
      let l = shape.layer(ofNeuron: j) ?? 0
      var head = l == 0 ? "x\(j)" : "(\(j))"
      if l == 0, let x = trainer.input(j) {
        head += " " + n(x)
      } else if l > 0, trainer.isComputed(.output(j)) {
        head += " " + n(trainer.values.output[j - 1])
      } else if l > 0, trainer.isComputed(.net(j)) {
        head += " net " + n(trainer.values.net[j - 1])
      }
      guard l > 0, trainer.isComputed(.delta(j)) else { return [glyphs.text(head)] }
      let delta = "δ" + n(trainer.values.delta[j - 1])
      switch form.delta {
      case .inline: return [glyphs.text(head + " " + delta)]
      case .below: return [glyphs.text(head), glyphs.text("  " + delta)]
      case .none: return [glyphs.text(head)]
      }
    }

    func width(_ j: Int, _ form: LabelForm) -> Int {
      lines(j, form).map(\.displayWidth).max() ?? 0
    }

    func style(_ j: Int) -> CellStyle {
      if focus.neurons.contains(j) { return [.bold, .reverse] }
      return shape.layer(ofNeuron: j) == 0 ? .plain : .bold
    }

    /// Rows a label takes in this form.
    func height(_ form: LabelForm) -> Int { form.delta == .below && hasDelta ? 2 : 1 }

    func weight(_ i: Int, _ j: Int) -> Double { trainer.network[.weight(from: i, to: j)] }

    func edgeStyle(_ i: Int, _ j: Int) -> CellStyle {
      if focus.edges.contains(Edge(from: i, to: j)) { return [.bold, .reverse] }
      let w = weight(i, j)
      var style: CellStyle = w.magnitude >= 1 ? .bold : .plain
      if colors { style.insert(w < 0 ? .red : .blue) }
      return style
    }

    /// "w_13=0.15", with the digits of the neuron labels.
    func weightLabel(_ i: Int, _ j: Int, digits: Int) -> String {
      glyphs.text(Parameter.weight(from: i, to: j).name) + "="
        + NumberFormat.format(weight(i, j), digits: digits)
    }

    /// Every edge, grouped by the neuron it feeds (the order of net_j = Σ_i w_ij o_i).
    var edges: [Edge] {
      (1..<max(1, shape.layerCount)).flatMap { l in
        shape.neurons(inLayer: l).flatMap { j in
          shape.neurons(inLayer: l - 1).map { Edge(from: $0, to: j) }
        }
      }
    }

    var edgeCount: Int {
      (1..<max(1, shape.layerCount)).reduce(0) {
        $0 + shape.layerSizes[$1] * shape.layerSizes[$1 - 1]
      }
    }
  }

  // MARK: - 1. The drawing

  /// Where each layer's column and each neuron's label go in the drawing.
  struct GraphLayout {
    let form: LabelForm
    let columnX: [Int]
    let columnWidth: [Int]
    /// Top-left of each neuron's label, by neuron number.
    let position: [Int: (x: Int, y: Int)]

    /// Nil when the labels or the rows do not fit `width`×`height`.
    init?(_ labels: NeuronLabels, form: LabelForm, width: Int, height: Int) {
      let shape = labels.shape
      let rows = labels.height(form)
      let tallest = shape.layerSizes.max() ?? 0
      // Each neuron a band of its label's rows and one more, so neighbours never touch.
      guard shape.layerCount >= 2, tallest * (rows + 1) <= height else { return nil }
      let widths = (0..<shape.layerCount).map { l in
        shape.neurons(inLayer: l).map { labels.width($0, form) }.max() ?? 0
      }
      let layers = shape.layerCount
      let spare = width - widths.reduce(0, +)
      guard spare >= minimumGap * (layers - 1) else { return nil }
      let gap = spare / (layers - 1)
      var x: [Int] = []
      var next = 0
      for l in 0..<layers {
        x.append(next)
        next += widths[l] + gap
      }
      // Spread over the rows, but no steeper than the gap allows: an edge rising more rows than
      // it has columns would need vertical pieces, and those read as walls, not edges.
      var position: [Int: (x: Int, y: Int)] = [:]
      var band = height
      while true {
        let top = (height - band) / 2
        var lowest: [Int] = []
        var highest: [Int] = []
        for l in 0..<layers {
          let count = shape.layerSizes[l]
          for (k, j) in shape.neurons(inLayer: l).enumerated() {
            let centre = top + Int((Double(k) + 0.5) * Double(band) / Double(count))
            position[j] = (x[l], min(height - rows, max(0, centre - (rows - 1) / 2)))
          }
          let ys = shape.neurons(inLayer: l).map { position[$0]!.y }
          lowest.append(ys.min()!)
          highest.append(ys.max()!)
        }
        var steepest = 0
        for l in 1..<layers {
          steepest = max(steepest, highest[l] - lowest[l - 1], highest[l - 1] - lowest[l])
        }
        if steepest <= gap { break }
        if band <= tallest * (rows + 1) { return nil }
        band -= 1
      }
      self.form = form
      columnX = x
      columnWidth = widths
      self.position = position
    }
  }

  static func drawGraph(
    _ grid: inout TextGrid, _ labels: NeuronLabels, layout: GraphLayout, alternatives: [LabelForm]
  ) {
    let width = grid.width
    let height = grid.height
    // Dense networks would be a tangle: then only the edges the current step touches are drawn.
    let all = labels.edgeCount <= 24
    let drawn = all ? labels.edges : labels.edges.filter { labels.focus.edges.contains($0) }
    let inline = placeLabels(labels, layout: layout, edges: drawn, width: width, height: height)
    if inline.count < labels.edgeCount, labels.edgeCount <= 8 * height {
      for form in alternatives {
        let legend = Legend(labels, digits: form.digits)
        // Below the drawing when that leaves it enough rows, else on its right.
        let perRow = max(1, (width + 2) / (legend.entryWidth + 2))
        let rowsBelow = (legend.entries.count + perRow - 1) / perRow
        if let shorter = GraphLayout(
          labels, form: form, width: width, height: height - rowsBelow - 1)
        {
          drawEdges(&grid, labels, layout: shorter, edges: drawn)
          drawNeurons(&grid, labels, layout: shorter)
          legend.draw(&grid, x: 0, y: height - rowsBelow, rows: rowsBelow)
          return
        }
        let columns = (legend.entries.count + height - 1) / height
        let legendWidth = columns * (legend.entryWidth + 2)
        if let narrower = GraphLayout(
          labels, form: form, width: width - legendWidth, height: height)
        {
          drawEdges(&grid, labels, layout: narrower, edges: drawn)
          drawNeurons(&grid, labels, layout: narrower)
          legend.draw(&grid, x: width - legendWidth + 2, y: 0, rows: height)
          return
        }
      }
    }
    drawEdges(&grid, labels, layout: layout, edges: drawn)
    for (text, x, y, style) in inline { grid.put(text, x: x, y: y, style: style) }
    drawNeurons(&grid, labels, layout: layout)
  }

  static func drawNeurons(_ grid: inout TextGrid, _ labels: NeuronLabels, layout: GraphLayout) {
    for j in labels.allNeurons {
      guard let p = layout.position[j] else { continue }
      for (k, line) in labels.lines(j, layout.form).enumerated() {
        grid.put(line, x: p.x, y: p.y + k, style: labels.style(j))
      }
    }
  }

  /// Where an edge runs: from just after its source's label to just before its target's.
  static func path(_ labels: NeuronLabels, layout: GraphLayout, _ e: Edge) -> [Stroke] {
    guard let a = layout.position[e.from], let b = layout.position[e.to] else { return [] }
    let head = labels.lines(e.from, layout.form).first?.displayWidth ?? 0
    return strokes(
      from: (a.x + head, a.y), to: (b.x - 1, b.y),
      clearOf: a.x + labels.width(e.from, layout.form))
  }

  /// The characters of a level stretch of edge, in both glyph sets.
  static let levelGlyphs: Set<Character> = ["─", "┄", "-", "."]
  /// The characters of a slant going down, and up, to the right (ASCII `.` is both: a negative
  /// weight's edge is dots whichever way it runs).
  static let fallingGlyphs: Set<Character> = ["╲", "⋱", "\\"]
  static let risingGlyphs: Set<Character> = ["╱", "⋰", "/"]

  static func drawEdges(
    _ grid: inout TextGrid, _ labels: NeuronLabels, layout: GraphLayout, edges: [Edge]
  ) {
    let u = labels.glyphs.isUnicode
    for e in edges {
      let negative = labels.weight(e.from, e.to) < 0
      let style = labels.edgeStyle(e.from, e.to)
      for s in path(labels, layout: layout, e) {
        let c: Character
        switch s.direction {
        case .horizontal: c = negative ? (u ? "┄" : ".") : (u ? "─" : "-")
        case .down: c = negative ? (u ? "⋱" : ".") : (u ? "╲" : "\\")
        case .up: c = negative ? (u ? "⋰" : ".") : (u ? "╱" : "/")
        case .vertical: c = negative ? (u ? "┆" : ":") : (u ? "│" : "|")
        }
        // A slanted or upright stroke wins over another edge's level stretch: a level line
        // missing one cell still reads as one line, a slant missing its cell breaks the edge.
        let under = grid[s.x, s.y].character
        // Two slants crossing on one cell show both, so neither edge loses a cell there.
        if (s.direction == .down && risingGlyphs.contains(under))
          || (s.direction == .up && fallingGlyphs.contains(under))
        {
          grid[s.x, s.y] = Cell(character: u ? "╳" : "X", style: grid[s.x, s.y].style)
          continue
        }
        if under == " " || style.contains(.reverse)
          || (s.direction != .horizontal && levelGlyphs.contains(under))
        {
          grid[s.x, s.y] = Cell(character: c, style: style)
        }
      }
    }
  }

  /// Weight labels that fit on the drawing: each on a stretch of its own edge (no other edge
  /// passes there), inside the gap between its two layers, clear of every neuron and of the
  /// labels already placed, covering as few other edges as possible and near the edge's middle.
  static func placeLabels(
    _ labels: NeuronLabels, layout: GraphLayout, edges: [Edge], width: Int, height: Int
  ) -> [(String, Int, Int, CellStyle)] {
    var taken = Set<Int>()
    for j in labels.allNeurons {
      guard let p = layout.position[j] else { continue }
      for (k, line) in labels.lines(j, layout.form).enumerated() {
        for x in p.x..<(p.x + line.displayWidth) { taken.insert((p.y + k) * width + x) }
      }
    }
    let paths = edges.map { path(labels, layout: layout, $0) }
    var cover: [Int: Int] = [:]
    for p in paths {
      for s in Set(p.map { $0.y * width + $0.x }) { cover[s, default: 0] += 1 }
    }
    // A label hides the cells under it, so it goes only where its own edge runs level and alone:
    // on a slant it would cut the edge in two, on a shared stretch it would hide another edge.
    let level = paths.map { p in
      Set(p.filter { $0.direction == .horizontal }.map { $0.y * width + $0.x })
    }
    var placed: [(String, Int, Int, CellStyle)] = []
    for ((e, p), own) in zip(zip(edges, paths), level) {
      guard let l = labels.shape.layer(ofNeuron: e.to), !p.isEmpty else { continue }
      let text = labels.weightLabel(e.from, e.to, digits: layout.form.digits)
      let w = text.displayWidth
      let low = layout.columnX[l - 1] + layout.columnWidth[l - 1] + 1
      let high = layout.columnX[l] - 1
      var best: (score: Int, x: Int, y: Int)?
      for (k, s) in p.enumerated() where cover[s.y * width + s.x] == 1 {
        let x = s.x - w / 2
        guard x >= low, x + w <= high, s.y >= 0, s.y < height else { continue }
        let cells = (x - 1)...(x + w)
        if cells.contains(where: { taken.contains(s.y * width + $0) }) { continue }
        let under = (x..<(x + w)).map { s.y * width + $0 }
        guard under.allSatisfy({ own.contains($0) && cover[$0] == 1 }) else { continue }
        let crossed = (x..<(x + w)).filter { cover[s.y * width + $0, default: 0] > 0 }.count
        let score = crossed * 1000 + abs(2 * k - p.count)
        if best == nil || score < best!.score { best = (score, x, s.y) }
      }
      guard let best else { continue }
      for c in (best.x - 1)...(best.x + w) { taken.insert(best.y * width + c) }
      let hot = labels.focus.edges.contains(e)
      placed.append((text, best.x, best.y, hot ? [.bold] : .dim))
    }
    return placed
  }

  /// Every weight as `w_ij=value` behind a sample of its edge's line, in columns.
  struct Legend {
    let labels: NeuronLabels
    let entries: [(Edge, String)]
    /// Columns an entry takes, its line sample included.
    let entryWidth: Int

    init(_ labels: NeuronLabels, digits: Int) {
      self.labels = labels
      entries = labels.edges.map { ($0, labels.weightLabel($0.from, $0.to, digits: digits)) }
      entryWidth = 2 + (entries.map(\.1.displayWidth).max() ?? 0)
    }

    /// Column by column, `rows` entries a column, columns two apart.
    func draw(_ grid: inout TextGrid, x: Int, y: Int, rows: Int) {
      let u = labels.glyphs.isUnicode
      for (k, (e, text)) in entries.enumerated() {
        let ex = x + (k / max(1, rows)) * (entryWidth + 2)
        let ey = y + k % max(1, rows)
        let negative = labels.weight(e.from, e.to) < 0
        let sample: Character = negative ? (u ? "┄" : ".") : (u ? "─" : "-")
        grid.put(String(sample), x: ex, y: ey, style: labels.edgeStyle(e.from, e.to))
        let hot = labels.focus.edges.contains(e)
        grid.put(text, x: ex + 2, y: ey, style: hot ? [.bold, .reverse] : .plain)
      }
    }
  }

  // MARK: - 2. Columns

  /// Each layer one column of entries. A layer with more neurons than rows keeps its first and
  /// last neurons and puts a `⋮ +N` marker for the N between them: a layer wrapped into a second
  /// column would read as another layer. False (drawing nothing) when the columns are wider
  /// than the grid, or when a layer has more neurons than rows and `elide` is false.
  static func drawColumns(
    _ grid: inout TextGrid, _ labels: NeuronLabels, form: LabelForm, elide: Bool
  ) -> Bool {
    let shape = labels.shape
    let rows = labels.height(form)
    let perColumn = grid.height / rows
    let tallest = shape.layerSizes.max() ?? 0
    guard perColumn >= 1, tallest <= perColumn || (elide && perColumn >= 2) else { return false }
    let columns = (0..<shape.layerCount).map { l in
      let entries = columnEntries(Array(shape.neurons(inLayer: l)), slots: perColumn)
      let w =
        entries.map { entry in
          switch entry {
          case .neuron(let j): labels.width(j, form)
          case .elided(let n): markerText(n, labels.glyphs).displayWidth
          }
        }.max() ?? 0
      return (entries: entries, width: w)
    }
    // Two spaces between columns; one only as a last resort, before the lines form.
    let content = columns.map(\.width).reduce(0, +)
    let gaps = columns.count - 1
    guard let gap = (elide ? [2, 1] : [2]).first(where: { content + $0 * gaps <= grid.width })
    else {
      return false
    }
    var blocks: [(x: Int, entries: [Entry])] = []
    var next = 0
    for column in columns {
      blocks.append((next, column.entries))
      next += column.width + gap
    }
    let used = min(perColumn, tallest) * rows
    let top = (grid.height - used) / 2
    for block in blocks {
      for (k, entry) in block.entries.enumerated() {
        let y = top + k * rows
        switch entry {
        case .neuron(let j):
          for (m, line) in labels.lines(j, form).enumerated() {
            grid.put(line, x: block.x, y: y + m, style: labels.style(j))
          }
        case .elided(let n):
          grid.put(markerText(n, labels.glyphs), x: block.x, y: y, style: .dim)
        }
      }
    }
    return true
  }

  /// One row of a layer's column: a neuron, or the marker for neurons left out.
  enum Entry: Equatable {
    case neuron(Int)
    case elided(Int)
  }

  /// The layer's neurons in at most `slots` entries: all of them, or the first ones, a marker
  /// and the last ones (the first half rounded up, since the reader starts at the top).
  static func columnEntries(_ neurons: [Int], slots: Int) -> [Entry] {
    guard neurons.count > slots else { return neurons.map { .neuron($0) } }
    let shown = max(0, slots - 1)
    let head = (shown + 1) / 2
    let tail = shown - head
    return neurons.prefix(head).map { .neuron($0) } + [.elided(neurons.count - shown)]
      + neurons.suffix(tail).map { .neuron($0) }
  }

  /// "⋮ +12" (": +12" in ASCII).
  static func markerText(_ count: Int, _ glyphs: GlyphSet) -> String {
    (glyphs.isUnicode ? "⋮" : ":") + " +\(count)"
  }

  // MARK: - 3. Lines

  /// The entries in reading order, two spaces apart, wrapped; what does not fit is `+N more`.
  static func drawLines(_ grid: inout TextGrid, _ labels: NeuronLabels, form: LabelForm) {
    let neurons = Array(labels.allNeurons)
    // The labels flow left to right, row after row; lay out as many as fit, in one pass (a
    // 784-30-10 network has 824 labels and the pane room for a few dozen).
    var texts: [String] = []
    var places: [(x: Int, y: Int)] = []
    var x = 0
    var y = 0
    for j in neurons {
      let text = labels.lines(j, form)[0]
      let width = text.displayWidth
      if x > 0, x + width > grid.width {
        x = 0
        y += 1
      }
      if y >= grid.height { break }
      texts.append(text)
      places.append((x, y))
      x += width + 2
    }
    // As many as leave room for "+N more" after them.
    for shown in stride(from: texts.count, through: 0, by: -1) {
      let more = neurons.count - shown
      var moreAt: (x: Int, y: Int)?
      if more > 0 {
        let moreText = "+\(more) more"
        var at =
          shown == 0
          ? (x: 0, y: 0)
          : (x: places[shown - 1].x + texts[shown - 1].displayWidth + 2, y: places[shown - 1].y)
        if at.x > 0, at.x + moreText.count > grid.width { at = (0, at.y + 1) }
        guard at.y < grid.height else { continue }
        moreAt = at
      }
      for k in 0..<shown {
        grid.put(
          texts[k], x: places[k].x, y: places[k].y, style: labels.style(neurons[k]),
          maxWidth: grid.width)
      }
      if let moreAt {
        grid.put("+\(more) more", x: moreAt.x, y: moreAt.y, style: .dim, maxWidth: grid.width)
      }
      return
    }
  }

  // MARK: - Edges as strokes

  /// One cell of an edge.
  struct Stroke {
    enum Direction { case horizontal, down, up, vertical }
    let x: Int
    let y: Int
    let direction: Direction
  }

  /// An edge as horizontal, diagonal, horizontal: a shape that stays readable in a character
  /// grid. The diagonal starts no earlier than `clearOf`, so it does not run through a second
  /// line of the source's label.
  static func strokes(from a: (Int, Int), to b: (Int, Int), clearOf: Int) -> [Stroke] {
    let (x0, y0) = a
    let (x1, y1) = b
    guard x1 > x0 else { return [] }
    let dy = y1 - y0
    let span = x1 - x0 + 1
    let diagonal = min(abs(dy), span)
    var start = max(x0, min(max(x0 + (span - diagonal) / 2, clearOf), x1 + 1 - diagonal))
    // Edges coming down into a neuron end their slant an odd number of columns before it, edges
    // coming up an even number, so a `╲` and a `╱` meeting on the neuron's row never share a cell
    // (one would hide the other, and its edge would seem to stop short).
    // A `╲` moves left and a `╱` right, so where both come in they form a `╲╱`, not a peak.
    if diagonal > 0, (x1 - (start + diagonal - 1)) % 2 != (dy > 0 ? 1 : 0) {
      let later = start + diagonal <= x1 && start + 1 >= clearOf
      let earlier = start > x0 && start - 1 >= clearOf
      if dy < 0 ? later : !earlier && later {
        start += 1
      } else if earlier {
        start -= 1
      }
    }
    var out: [Stroke] = []
    var y = y0
    var x = x0
    while x < start {
      out.append(Stroke(x: x, y: y, direction: .horizontal))
      x += 1
    }
    var moved = 0
    while moved < diagonal {
      y += dy > 0 ? 1 : -1
      moved += 1
      out.append(Stroke(x: x, y: y, direction: dy > 0 ? .down : .up))
      x += 1
    }
    // Rows the diagonal could not cover (a very steep edge) go straight up or down.
    while y != y1 {
      y += dy > 0 ? 1 : -1
      out.append(Stroke(x: max(x0, x - 1), y: y, direction: .vertical))
    }
    while x <= x1 {
      out.append(Stroke(x: x, y: y, direction: .horizontal))
      x += 1
    }
    return out
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
