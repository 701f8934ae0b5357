import BackpropCommands
import Foundation
import Testing

@testable import BackpropApp

/// Start-up reads only each lesson's title and section; a lesson is parsed when it is opened,
/// through a file effect that the edge carries out, so `update` still does no I/O.
@Suite struct LazyLessonTests {
  static func course(_ tag: String, _ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-lazy-\(getpid())-\(tag)")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir
  }

  @Test func theMenuNeedsOnlyTitlesAndOpeningReadsTheFile() throws {
    let dir = try Self.course("open", ["01-test.lesson": LessonScreenTests.lessonText])
    defer { try? FileManager.default.removeItem(at: dir) }
    var state = AppState(width: 100, height: 30, startScreen: true)
    state.lessons = LessonState.load(
      lessonsDirectory: dir.path, progressEnabled: false, parsing: false)
    #expect(state.lessons.entries.count == 1)
    #expect(state.lessons.entries[0].lesson == nil)
    #expect(state.lessons.entries[0].title == "A forward pass, one neuron at a time")

    // `update` asks for the file and changes nothing else yet.
    let asked = App.submit("lesson 1", &state)
    guard case .file(let task) = asked.effect else {
      Issue.record("expected a file effect, got \(asked.effect)")
      return
    }
    #expect(task.operation == .read(path: dir.path + "/01-test.lesson"))
    #expect(state.screen != .lesson)

    // The edge reads it; the lesson opens as it would have with everything parsed at start-up.
    let (_, answers) = EffectRunner().settle(asked.effect, &state)
    #expect(state.screen == .lesson)
    #expect(state.lessons.activeTitle == "A forward pass, one neuron at a time")
    var eager = AppState(width: 100, height: 30, startScreen: true)
    eager.lessons = LessonState.load(lessonsDirectory: dir.path, progressEnabled: false)
    let direct = App.submit("lesson 1", &eager)
    #expect(answers.first?.lines == direct.lines)
  }

  @Test func aBrokenLessonReportsItsErrorsWhenOpened() throws {
    let dir = try Self.course(
      "broken", ["01-bad.lesson": "@title Broken\n@section Somewhere\n@nonsense here\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    var state = AppState(width: 100, height: 30, startScreen: true)
    state.lessons = LessonState.load(
      lessonsDirectory: dir.path, progressEnabled: false, parsing: false)
    #expect(state.lessons.entries[0].title == "Broken")
    let asked = App.submit("lesson 1", &state)
    let (_, answers) = EffectRunner().settle(asked.effect, &state)
    #expect(answers.first?.isError == true)
    #expect(answers.first?.lines.contains { $0.contains("01-bad.lesson:3:") } == true)
    // From the menu, the errors are a page of the lesson pane, and no lesson is open.
    #expect(state.screen == .lesson && state.lessons.runner == nil)
    // Now known to be broken: a second try fails at once, without reading again.
    let again = App.submit("lesson 1", &state)
    #expect(again.isError)
    #expect(again.effect == .none)
  }

  /// Enter on the menu asks for the file too, and the lesson opens once the edge has read it.
  @Test func enterOnTheMenuOpensThroughTheEffect() throws {
    let dir = try Self.course("menu", ["01-test.lesson": LessonScreenTests.lessonText])
    defer { try? FileManager.default.removeItem(at: dir) }
    var state = AppState(width: 100, height: 30, startScreen: true)
    state.lessons = LessonState.load(
      lessonsDirectory: dir.path, progressEnabled: false, parsing: false)
    let effect = App.update(&state, .key(.enter))
    guard case .file = effect else {
      Issue.record("expected a file effect, got \(effect)")
      return
    }
    _ = EffectRunner().settle(effect, &state)
    #expect(state.screen == .lesson)
    #expect(state.lessons.activeTitle == "A forward pass, one neuron at a time")
  }
}
