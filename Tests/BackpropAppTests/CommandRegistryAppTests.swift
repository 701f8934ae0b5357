import BackpropApp
import BackpropCommands
import Foundation
import Testing

/// The app's surfaces follow the command registry: the help overlay lists every command, Tab
/// completes each command's own words, a waiting lesson question lets exactly the steering
/// commands through, and a lesson in the app runs the app commands the registry allows there.
@Suite struct CommandRegistryAppTests {
  /// The app with a lesson open at a question that waits for a typed answer.
  static func waitingAtAQuestion(_ tag: String, lesson: String = LessonScreenTests.lessonText)
    throws -> (AppState, URL)
  {
    var (state, dir) = try courseOfOne(lesson, tag: "registry-\(tag)")
    App.submit("lesson 1", &state)
    return (state, dir)
  }

  /// Every command is in the help overlay, read by scrolling it from top to bottom at 80×24 and
  /// 120×40.
  @Test(arguments: [(80, 24), (120, 40)])
  func helpOverlayListsEveryCommand(_ size: (Int, Int)) {
    var s = AppState(width: size.0, height: size.1, startScreen: false)
    _ = App.update(&s, .key(.character("?")))
    var text = Views.render(s).text
    for _ in 0..<40 {
      _ = App.update(&s, .key(.pageDown))
      text += "\n" + Views.render(s).text
    }
    #expect(s.overlay == .help)
    for spec in CommandSpec.all {
      let row = spec.name.padding(toLength: 10, withPad: " ", startingAt: 0)
      let words = spec.summary.split(separator: " ").prefix(2).joined(separator: " ")
      #expect(
        text.contains(row + words), "the help overlay does not list `\(spec.name)`")
    }
  }

  /// `plot s<Tab>` completes to `plot surface`: the words after a name come from its entry.
  @Test func tabCompletesACommandsOwnWords() {
    let cases = [
      ("plot s", "plot surface "), ("mode b", "mode batch "), ("zoom eq", "zoom equation "),
      ("show w", "show weights "), ("explain nex", "explain next "), ("get dig", "get digits "),
      ("example ma", "example mazur "), ("progress r", "progress reset "),
      ("help gr", "help gradcheck "), ("restart h", "restart history "),
    ]
    for (typed, completed) in cases {
      var s = AppState(width: 100, height: 30, startScreen: false)
      App.submit("example mazur", &s)
      _ = App.update(&s, .key(.character(":")))
      for c in typed { _ = App.update(&s, .key(.character(c))) }
      _ = App.update(&s, .key(.tab))
      #expect(s.editor.line == completed, "`\(typed)` then Tab")
    }
  }

  /// After a command's name, Tab offers its keywords, and nothing that belongs to another command.
  @Test(arguments: Command.allCases)
  func tabOffersExactlyTheCommandsKeywords(_ command: Command) {
    var s = AppState(width: 100, height: 30, startScreen: false)
    App.submit("example mazur", &s)
    _ = App.update(&s, .key(.character(":")))
    for c in command.rawValue + " " { _ = App.update(&s, .key(.character(c))) }
    _ = App.update(&s, .key(.tab))
    let offered =
      s.completions.isEmpty
      ? [String(s.editor.line.dropFirst(command.rawValue.count + 1))] : s.completions
    let spec = command.spec
    let expected = Set(spec.keywords)
    if expected.isEmpty && !spec.completesQuantities {
      #expect(s.editor.line == command.rawValue + " " && s.completions.isEmpty)
      return
    }
    for word in expected {
      #expect(
        offered.contains { $0 == word || $0 == word + " " },
        "`\(command.rawValue)` misses `\(word)`")
    }
    #expect(offered.contains("w_35") == spec.completesQuantities)
  }

  /// While a question waits, a line is the answer unless its command steers the lesson.
  @Test(arguments: Command.allCases)
  func onlySteeringCommandsPassAWaitingQuestion(_ command: Command) throws {
    var (s, dir) = try Self.waitingAtAQuestion("steer-\(command.rawValue)")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(s.lessons.isWaitingForTypedAnswer)
    let result = App.submit(command.spec.example, &s)
    let takenAsAnswer = result.json.contains("\"command\":\"answer\"")
    #expect(
      takenAsAnswer == (!command.spec.steersLesson || command == .answer),
      "`\(command.spec.example)`: \(result.json)")
  }

  /// The app commands that a lesson file may contain run inside a lesson in the app.
  @Test func lessonsRunTheAppCommandsTheRegistryAllows() throws {
    let allowed = CommandSpec.all.filter { $0.handler != .session && $0.inLessonFiles }
    #expect(!allowed.isEmpty)
    let lesson =
      "@title T\n@section S\n\n> example mazur\n"
      + allowed.map { "> \($0.example)\n" }.joined() + "\nDone.\n"
    var (s, dir) = try courseOfOne(lesson, tag: "registry-lesson-file")
    defer { try? FileManager.default.removeItem(at: dir) }
    let shown = App.submit("lesson 1", &s).lines
    #expect(s.screen == .lesson)
    #expect(shown.contains("Done."), "\(shown)")
    #expect(!shown.contains { $0.contains("cannot be used inside a lesson") }, "\(shown)")
  }
}
