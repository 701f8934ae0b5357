@testable import BackpropApp
import BackpropCommands
import BackpropEngine
import Testing
import TextGrid

/// A large network's values tables are built only where the pane shows them, and what the pane
/// shows is the same table `show` prints: names and numbers row for row, wherever it scrolls.
@Suite struct LargeValuesTableTests {
  func state(_ lines: [String]) -> AppState {
    var s = AppState(width: 120, height: 40, startScreen: false)
    for line in lines { App.submit(line, &s) }
    return s
  }

  /// The pane's text rows (inside the border).
  func rows(_ s: AppState) -> [String] {
    ValuesPane.render(s, width: 60, height: 20).grid.lines
  }

  @Test func theRowsShownAreTheTablesRows() {
    var s = state(["network 784-30-10 logistic seed=1"])
    let network = s.session.trainer.network
    let whole = ValuesTable(session: s.session)
    // Stacked: 824 neurons, the weights' header, then 23,860 weights and 40 biases.
    let firstWeight = network.shape.neuronCount + 1
    for top in [0, 400, firstWeight, firstWeight + 10_000, firstWeight + 23_890] {
      s.scroll[.values] = top
      let shown = rows(s).dropFirst()  // the header line
      let start = ValuesPane.viewport(s, width: 60, height: 20).start
      #expect(start <= top && start >= min(top, firstWeight + network.parameterCount - 19))
      for (k, line) in shown.enumerated() {
        let r = start + k
        if r < network.shape.neuronCount {
          #expect(line == "\(r + 1)" || line.hasPrefix("\(r + 1) "), "row \(r): \(line)")
        } else if r > network.shape.neuronCount {
          let w = whole.weights[r - firstWeight]
          let name = w.parameter.name
          #expect(line.hasPrefix(name + " "), "row \(r): \(line)")
          #expect(line.contains(NumberFormat.format(w.value, digits: min(s.session.digits, 6))))
        }
      }
    }
  }

  /// The columns are as wide as any entry can be, so they stay put while the table scrolls.
  @Test func columnsStayPutWhileScrolling() {
    var s = state(["network 784-30-10 logistic seed=1"])
    s.scroll[.values] = 830
    let near = rows(s)
    s.scroll[.values] = 20_000
    let far = rows(s)
    #expect(near[0] == far[0])
    // Before a step only w has values: each row ends where the header's right-aligned "w" does.
    let wEnd = near[0].prefix { $0 == " " }.count + 1
    #expect(near[0].dropFirst(wEnd - 1).first == "w")
    for row in near.dropFirst() + far.dropFirst() where row.hasPrefix("w_") {
      #expect(row.count == wEnd, "\(row)")
    }
  }
}
