import Testing

@testable import BackpropCommands

/// `undo 100` answered with a list of 96 names (`undid set, set, set, …`); many commands are
/// now counted by name. A few are still named one by one.
@Suite struct UndoSummaryTests {
  @Test func manyCommandsAreCounted() {
    var s = Session()
    s.run("example xor")
    for k in 0..<56 {
      s.run("set w_35 0.\(k + 1)")
      if k < 40 { s.run("train 1") }
    }
    let undone = s.run("undo 100").lines[0]
    #expect(undone == "undid 97 commands: 56 × set, 40 × train, 1 × example")
    let redone = s.run("redo 96").lines[0]
    #expect(redone == "redid 96 commands: 1 × example, 55 × set, 40 × train")
  }

  @Test func aFewAreNamed() {
    var s = Session()
    s.run("example xor")
    s.run("train 1")
    s.run("set w_35 0.5")
    #expect(s.run("undo 2").lines[0] == "undid set, train")
    #expect(s.run("redo").lines[0] == "redid train")
  }
}
