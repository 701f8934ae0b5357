@testable import BackpropApp
import BackpropCommands
import Testing
import TextGrid

/// Focus, scrolling and zoom: Tab moves the focus, the page keys scroll the focused pane, Z and
/// `zoom` let one pane fill the screen and keep the others' state.
@Suite struct FocusZoomTests {
  func press(_ key: Key, _ s: inout AppState, times: Int = 1) {
    for _ in 0..<times { _ = App.update(&s, .key(key)) }
  }

  @Test func tabCyclesThePanesOnScreenAndTheBorderShowsIt() {
    var s = AppState(width: 100, height: 30, startScreen: false)
    #expect(s.focusedPane == .output)
    var seen: [PaneID] = []
    for _ in 0..<4 {
      press(.tab, &s)
      seen.append(s.focusedPane)
    }
    #expect(seen == [.network, .values, .equation, .output])
    press(.backTab, &s)
    #expect(s.focusedPane == .equation)
    // The focused pane's border is bold, the others' plain.
    let grid = Views.render(s)
    let equation = s.layout[.equation]!
    let network = s.layout[.network]!
    #expect(grid[equation.x, equation.y + 1].style.contains(.bold))
    #expect(!grid[network.x, network.y + 1].style.contains(.bold))
  }

  @Test func zoomFillsTheScreenAndComesBack() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    App.submit("example mazur", &s)
    App.submit("step 3", &s)
    press(.tab, &s)  // network
    press(.character("Z"), &s)
    #expect(s.zoomed == .network)
    #expect(s.layout.order == [.network])
    #expect(s.layout[.network] == Rect(x: 0, y: 1, width: 80, height: 21))
    let zoomed = Views.render(s).text
    #expect(zoomed.contains("zoomed"))
    press(.character("Z"), &s)
    #expect(s.zoomed == nil)
    #expect(s.layout.order.count == 4)
    // The command does the same, and a pane that is not shown is refused with nothing changed.
    #expect(!App.submit("zoom equation", &s).isError)
    #expect(s.zoomed == .equation)
    let refused = App.submit("zoom plot", &s)
    #expect(refused.isError)
    #expect(s.zoomed == .equation)
    #expect(App.submit("zoom nosuch", &s).isError)
    App.submit("zoom off", &s)
    #expect(s.zoomed == nil)
    // Esc leaves a zoom before it would quit.
    App.submit("zoom values", &s)
    #expect(App.update(&s, .key(.escape)) == .none)
    #expect(s.zoomed == nil)
  }

  @Test func theOutputKeepsItsScrollbackAndScrolls() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    s.log((1...3_000).map { "line \($0)" }, kind: .output)
    #expect(s.output.count >= AppState.scrollback)
    #expect(s.output.last?.text == "line 3000")
    var rows = paneText(s, .output)
    #expect(rows.contains("line 3000"))
    press(.pageUp, &s)
    rows = paneText(s, .output)
    #expect(!rows.contains("line 3000"))
    press(.home, &s)
    rows = paneText(s, .output)
    #expect(rows.first == s.output.first?.text)
    #expect(Views.render(s).text.contains("↓"))
    press(.end, &s)
    #expect(paneText(s, .output).contains("line 3000"))
    // A new answer brings the newest line back into view.
    press(.pageUp, &s, times: 3)
    App.submit("get eta", &s)
    #expect(paneText(s, .output).contains { $0.contains("0.5") || $0.contains("η") })
  }

  @Test func helpAtEightyByTwentyFourIsReadableByScrolling() {
    var s = AppState(width: 80, height: 24, startScreen: false)
    App.submit("help", &s)
    let answer = s.output.count
    #expect(answer > 20)
    press(.pageUp, &s, times: 40)
    let top = paneText(s, .output)
    #expect(top.first == s.output.first?.text)
    // The help overlay scrolls too, and says what is below.
    press(.character("?"), &s)
    let before = Views.render(s).text
    press(.pageDown, &s)
    #expect(s.overlay == .help)
    #expect(Views.render(s).text != before)
    press(.character("x"), &s)
    #expect(s.overlay == nil)
  }
}
