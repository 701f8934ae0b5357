import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing
import TextGrid

/// `plot matrix [L]`: lesson 8's matrix form as a live pane beside the output, which `zoom plot`
/// (or Z) lets fill the screen and PgUp/PgDn scroll.
@Suite struct MatrixPaneTests {
  static func state(_ commands: [String], width: Int = 120, height: Int = 40) -> AppState {
    var s = AppState(width: width, height: height, startScreen: false)
    s.isInteractive = true
    for c in commands { _ = App.update(&s, .submit(c)) }
    return s
  }

  /// The rows inside the plot pane's box, as drawn.
  static func plotRows(_ s: AppState) -> [String] {
    guard let inner = s.layout[.plot]?.inner else { return [] }
    let lines = Views.render(s).lines
    return lines[inner.y..<inner.maxY].map {
      let cells = Array($0)
      let row = cells[min(inner.x, cells.count)..<min(inner.maxX, cells.count)]
      return String(row).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The pane shows what `show matrix L` prints, line for line, and follows the run: once the
  /// backward pass is finished it shows the new numbers.
  @Test(arguments: [1, 2])
  func paneShowsTheLayerAsShowMatrixDoes(layer: Int) {
    var s = Self.state(["example mazur", "forward", "step 3", "plot matrix \(layer)", "zoom plot"])
    #expect(s.plot.kind == .matrix)
    let printed = App.submit("show matrix \(layer)", &s).lines
    let rows = Self.plotRows(s)
    #expect(rows.count >= printed.count, "the zoomed pane holds the whole form at 120×40")
    #expect(
      Array(rows.prefix(printed.count)) == printed.map { $0.trimmingCharacters(in: .whitespaces) })

    _ = App.update(&s, .submit("backward"))
    let after = App.submit("show matrix \(layer)", &s).lines
    #expect(after != printed, "the backward pass fills in δ and the gradient")
    #expect(
      Array(Self.plotRows(s).prefix(after.count))
        == after.map {
          $0.trimmingCharacters(in: .whitespaces)
        })
  }

  /// At 80×24 the form is longer than the zoomed pane: PgDn shows its end, PgUp its start.
  @Test func zoomedPaneScrollsAtTheSmallestScreen() throws {
    var s = Self.state(
      ["example mazur", "backward", "plot matrix", "zoom plot"], width: 80, height: 24)
    let printed = App.submit("show matrix", &s).lines.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let top = Self.plotRows(s)
    try #require(printed.count > top.count, "the form is longer than the pane")
    #expect(top.first == printed.first)
    #expect(!top.contains(printed.last!))
    for _ in 0..<3 { _ = App.update(&s, .key(.pageDown)) }
    let bottom = Self.plotRows(s)
    #expect(bottom.last == printed.last, "PgDn reaches the last line: \(bottom)")
    _ = App.update(&s, .key(.home))
    #expect(Self.plotRows(s).first == printed.first)
  }

  /// A layer that does not exist is refused and changes nothing; a network that later loses the
  /// layer shown falls back to its output layer instead of failing.
  @Test func badLayerIsRefusedAndALostLayerFallsBack() {
    var s = Self.state(["example mazur", "plot loss"])
    let bad = App.submit("plot matrix 3", &s)
    #expect(bad.isError)
    #expect(bad.lines.first?.contains("layer from 1 to 2") == true, "\(bad.lines)")
    #expect(s.plot.kind == .loss)
    #expect(App.submit("plot matrix 0", &s).isError)

    _ = App.update(&s, .submit("plot matrix 1"))
    _ = App.update(&s, .submit("network 2-1"))
    let printed = App.submit("show matrix", &s).lines
    // The pane beside the output is narrower than the line: it shows its start.
    let shown = Self.plotRows(s).first ?? ""
    #expect(shown.hasPrefix("layer 1: W^1"), "\(shown)")
    #expect(printed.first?.hasPrefix(shown) == true, "\(shown) against \(printed)")
  }
}
