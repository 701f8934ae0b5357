import BackpropCommands
import BackpropEngine
import Testing
import TextGrid

@testable import BackpropApp

/// The diagram rendered on its own, at inner pane sizes from the smallest the screen gives it to a
/// zoomed whole screen: every neuron's o_j is there (or counted in "+N more"), δ_j when there are
/// two rows per neuron, and every weight in a large pane.
@Suite struct NetworkDiagramTests {
  static let sizes = [(32, 3), (32, 5), (41, 9), (50, 12), (96, 25), (116, 35), (196, 55)]
  static let networks = ["mazur", "2-3-3", "4-4-4"]

  /// A network after a whole forward and backward pass.
  static func state(_ network: String, glyphs: GlyphSet = .unicode) -> AppState {
    var state = AppState(width: 120, height: 40, glyphs: glyphs, startScreen: false)
    let setup: [String]
    switch network {
    case "mazur": setup = ["example mazur"]
    case "2-3-3": setup = ["network 2-3-3", "sample add 0.1 0.2 -> 0.3 0.4 0.5"]
    default: setup = ["network 4-4-4", "sample add 0.1 0.2 0.3 0.4 -> 0.3 0.4 0.5 0.6"]
    }
    for c in setup + ["forward", "backward"] { App.submit(c, &state) }
    return state
  }

  /// True when `prefix` followed by `value` with 3 to 5 significant digits appears, not cut
  /// short (no digit follows it).
  static func shows(_ text: String, _ prefix: String, _ value: Double) -> Bool {
    (3...5).contains { d in
      let wanted = prefix + NumberFormat.format(value, digits: d)
      var rest = Substring(text)
      while let r = rest.range(of: wanted) {
        let next = rest[r.upperBound...].first
        if next == nil || !next!.isNumber { return true }
        rest = rest[r.upperBound...]
      }
      return false
    }
  }

  /// Neurons the diagram leaves out when it runs out of room: N of its "+N more", or the sum of
  /// the N of each layer's "⋮ +N" marker.
  static func more(_ text: String) -> Int {
    let markers = text.split(separator: "\n").flatMap { line in
      line.split(separator: "⋮ +", omittingEmptySubsequences: false).dropFirst().compactMap {
        Int($0.prefix { $0.isNumber })
      }
    }
    guard let r = text.range(of: " more") else { return markers.reduce(0, +) }
    let before = text[..<r.lowerBound]
    guard let plus = before.lastIndex(of: "+") else { return 0 }
    return Int(before[before.index(after: plus)...]) ?? 0
  }

  @Test(arguments: networks, sizes)
  func everyOutputIsShownOrCounted(_ network: String, _ size: (Int, Int)) {
    let s = Self.state(network)
    let t = s.session.trainer
    let shape = t.network.shape
    let text = NetworkDiagram.render(s, width: size.0, height: size.1).text
    var shown = 0
    for j in 1...shape.neuronCount {
      let l = shape.layer(ofNeuron: j)!
      let ok =
        l == 0
        ? Self.shows(text, "x\(j) ", t.input(j)!)
        : Self.shows(text, "(\(j)) ", t.values.output[j - 1])
      if ok { shown += 1 }
    }
    // Only 4-4-4 in 3 rows of 32 columns is too small for all twelve.
    if network == "4-4-4" && size == (32, 3) {
      #expect(Self.more(text) > 0)
      #expect(shown + Self.more(text) == shape.neuronCount, "\(text)")
    } else {
      #expect(shown == shape.neuronCount, "\(network) at \(size):\n\(text)")
      #expect(Self.more(text) == 0)
    }
  }

  /// δ_j is shown wherever the pane has two rows per neuron of the largest layer.
  @Test(arguments: networks, sizes)
  func deltasWhereThereIsRoom(_ network: String, _ size: (Int, Int)) {
    let s = Self.state(network)
    let t = s.session.trainer
    let shape = t.network.shape
    guard size.1 >= 2 * shape.layerSizes.max()! else { return }
    let text = NetworkDiagram.render(s, width: size.0, height: size.1).text
    for j in (shape.inputCount + 1)...shape.neuronCount {
      #expect(
        Self.shows(text, "δ", t.values.delta[j - 1]), "δ_\(j), \(network) at \(size):\n\(text)")
    }
  }

  /// In a large pane every weight is labelled, on its edge or in the legend.
  @Test(arguments: networks, [(96, 25), (116, 35), (196, 55)])
  func everyWeightInALargePane(_ network: String, _ size: (Int, Int)) {
    let s = Self.state(network)
    let t = s.session.trainer
    let shape = t.network.shape
    let text = NetworkDiagram.render(s, width: size.0, height: size.1).text
    for l in 1..<shape.layerCount {
      for j in shape.neurons(inLayer: l) {
        for i in shape.neurons(inLayer: l - 1) {
          let p = Parameter.weight(from: i, to: j)
          #expect(
            Self.shows(text, p.name + "=", t.network[p]),
            "\(p.name), \(network) at \(size):\n\(text)"
          )
        }
      }
    }
  }

  /// Before a pass nothing is labelled with a value that does not exist yet, and the ASCII
  /// fallback stays ASCII at every size.
  @Test(arguments: sizes)
  func asciiFallback(_ size: (Int, Int)) {
    let s = Self.state("mazur", glyphs: .ascii)
    let text = NetworkDiagram.render(s, width: size.0, height: size.1).text
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
    #expect(Self.shows(text, "(5) ", s.session.trainer.values.output[4]))
  }

  /// The neuron the last micro-step wrote is highlighted, whichever layout is used.
  @Test(arguments: sizes)
  func currentStepIsHighlighted(_ size: (Int, Int)) {
    var s = AppState(width: 120, height: 40, startScreen: false)
    for c in ["example mazur", "forward", "step 1"] { App.submit(c, &s) }
    #expect(s.session.trainer.lastStep == .delta(5))
    let grid = NetworkDiagram.render(s, width: size.0, height: size.1)
    let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
    let row = lines.firstIndex { $0.contains("(5) ") }
    #expect(row != nil)
    if let row, let r = lines[row].range(of: "(5) ") {
      let x = lines[row][..<r.lowerBound].count
      #expect(grid[x, row].style.contains(.reverse))
    }
  }
}
