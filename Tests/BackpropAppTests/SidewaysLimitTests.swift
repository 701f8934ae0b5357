import Testing
import TextGrid

@testable import BackpropApp

/// ←/→ move a pane sideways only while something is cut off: a zoomed matrix that fits stays
/// put (it used to shift and cut its numbers), a wide one moves until its right edge shows.
@Suite struct SidewaysLimitTests {
  func zoomedMatrix(width: Int, height: Int) -> AppState {
    var s = AppState(width: width, height: height, startScreen: false)
    for line in [
      "network 2-5-4-2 tanh,tanh,softmax loss=cross-entropy seed=2", "data gaussian n=20 seed=1",
      "forward", "backward", "plot matrix 1", "zoom plot",
    ] {
      App.submit(line, &s)
    }
    return s
  }

  @Test func aMatrixThatFitsDoesNotMove() {
    var s = zoomedMatrix(width: 80, height: 24)
    let rect = s.layout[.plot]!.inner
    #expect(!Views.body(of: .plot, s, width: rect.width, height: rect.height).hasMoreRight)
    let before = Views.render(s).lines
    _ = App.update(&s, .key(.right))
    _ = App.update(&s, .key(.right))
    #expect(s.horizontalScroll[.plot] == nil)
    #expect(Views.render(s).lines == before)
  }

  @Test func aWideViewMovesOnlyUntilItsEdgeShows() {
    // The same matrix in the plot pane beside the others: wider than the pane.
    var s = zoomedMatrix(width: 80, height: 24)
    App.submit("zoom off", &s)
    s.focus = .plot
    let rect = s.layout[.plot]!.inner
    #expect(Views.body(of: .plot, s, width: rect.width, height: rect.height).hasMoreRight)
    for _ in 0..<200 { _ = App.update(&s, .key(.right)) }
    let shift = s.horizontalScroll[.plot] ?? 0
    #expect(shift > 0)
    #expect(!Views.body(of: .plot, s, width: rect.width, height: rect.height).hasMoreRight)
    // One more → changes nothing.
    _ = App.update(&s, .key(.right))
    #expect(s.horizontalScroll[.plot] == shift)
  }
}
