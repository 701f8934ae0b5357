import BackpropCommands
import BackpropLessons
import Foundation
import Testing

@testable import BackpropApp

/// Issue 10: a running instance did not see the progress another instance wrote until it was
/// restarted. The lesson menu, shown again, reads the progress file (as an effect, never inside
/// `update`) and merges it in.
@Suite struct ProgressRereadTests {
  static func lesson(_ title: String) -> String {
    """
    @title \(title)
    @section Derivation

    Page one of \(title).
    @pause

    Page two of \(title).
    @pause

    Page three of \(title).
    """
  }

  /// Two instances on one course and one progress file on disk, both started before either
  /// saved anything.
  static func twoInstances(_ tag: String) throws -> (AppState, AppState, String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-reread-\(tag)-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    let course = root.appendingPathComponent("course")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    try lesson("Alpha").write(
      to: course.appendingPathComponent("01-alpha.lesson"), atomically: true, encoding: .utf8)
    try lesson("Beta").write(
      to: course.appendingPathComponent("02-beta.lesson"), atomically: true, encoding: .utf8)
    let environment = ["XDG_STATE_HOME": root.path + "/state"]
    func instance() -> AppState {
      var state = AppState(width: 100, height: 30, startScreen: true)
      state.lessons = LessonState.load(
        lessonsDirectory: course.path, progressEnabled: true, environment: environment)
      return state
    }
    return (instance(), instance(), root.path + "/state/backprop/progress.json")
  }

  /// Delivers a message and carries out its effects on disk, as the terminal loop does.
  static func send(_ message: AppMessage, _ state: inout AppState, at seconds: Double) {
    state.lessons.now = Date(timeIntervalSince1970: seconds)
    _ = EffectRunner().settle(App.update(&state, message), &state)
  }

  @Test func theMenuShowsWhatAnotherInstanceSaved() throws {
    var (a, b, path) = try Self.twoInstances("menu")
    // B takes lesson 2 to page 2 and leaves it.
    for line in ["lesson 2", "next", "lesson leave"] {
      Self.send(.submit(line), &b, at: 1_000)
    }
    #expect(b.lessons.catalog[1].progress == "page 2")
    // A, started before, still shows its own copy: lesson 2 not started.
    Self.send(.submit("lesson 1"), &a, at: 2_000)
    #expect(a.lessons.catalog[1].progress == "not started")
    // A goes back to the menu with the key `m`: the file is read again, as an effect.
    a.lessons.now = Date(timeIntervalSince1970: 2_001)
    let effect = App.update(&a, .key(.character("m")))
    #expect(effect == .file(FileTask(.read(path: path), for: .progressReread)))
    #expect(a.lessons.catalog[1].progress == "not started", "update itself read nothing")
    _ = EffectRunner().settle(effect, &a)
    #expect(a.screen == .start(selected: 0))
    #expect(a.lessons.catalog[0].progress == "page 1")
    #expect(a.lessons.catalog[1].progress == "page 2")
    // Opening lesson 2 in A resumes where B left it.
    Self.send(.submit("lesson 2"), &a, at: 2_002)
    #expect(a.lessons.progressText == "page 2 of 3")

    // And the other way round, through `lesson menu`: B sees lesson 1, which A saved.
    Self.send(.submit("lesson 2"), &b, at: 3_000)
    Self.send(.submit("lesson menu"), &b, at: 3_001)
    #expect(b.lessons.catalog[0].progress == "page 1")
    #expect(b.lessons.catalog[1].progress == "page 2")
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
  }

  @Test func theEntrySavedLaterWinsAndCompletedStays() throws {
    let day = 86_400.0
    func progress(page: Int, completed: Bool = false, at t: Double) -> LessonProgress {
      LessonProgress(
        completed: completed, page: page, path: Array(1...page),
        updated: Date(timeIntervalSince1970: t))
    }
    var store = ProgressStore(
      location: .file("/nonexistent/progress.json"),
      lessons: [
        "a.lesson": progress(page: 2, at: 5 * day),  // newer here
        "b.lesson": progress(page: 1, completed: true, at: 1 * day),  // older, but completed
        "mine.lesson": progress(page: 3, at: 1 * day),  // only here
      ])
    let onDisk = ProgressStore(
      location: .memory,
      lessons: [
        "a.lesson": progress(page: 1, at: 4 * day),
        "b.lesson": progress(page: 3, at: 2 * day),
        "theirs.lesson": progress(page: 2, at: 3 * day),
      ])
    store.mergeReread(try #require(onDisk.fileContents))
    #expect(store.progress(for: "a.lesson")?.page == 2)
    #expect(store.progress(for: "b.lesson")?.page == 3)
    #expect(store.progress(for: "b.lesson")?.completed == true)
    #expect(store.progress(for: "mine.lesson")?.page == 3)
    #expect(store.progress(for: "theirs.lesson")?.page == 2)
    // A file that cannot be parsed now changes nothing.
    let before = store.lessons
    store.mergeReread(Data("{\"format\": 1".utf8))
    #expect(store.lessons == before)
  }
}
