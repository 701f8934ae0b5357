import BackpropCommands
import BackpropLessons
import Foundation
import Testing

/// Saving where a student is, and coming back to it.
@Suite struct ProgressTests {
  static let lessonText = Fixture.text(
    """
    > example mazur
    @pause
    > step 3
    @question Run the rest of the forward pass.
    @answer > forward
    @end
    @question Predict E.
    @answer 0.29837 = E
    @hint Half the sum of squares.
    @end
    @pause
    > backward
    Third page.
    @pause
    The end.
    """)

  // MARK: - Resuming

  @Test func progressRecordsThePathAndAnswers() throws {
    var d = Drive(try Fixture.lesson(Self.lessonText))
    d.send(.next)
    d.send(.answer("fw"))
    d.send(.answer("0.3"))
    let progress = d.runner.progress
    #expect(progress.page == 2)
    #expect(progress.path == [1, 2])
    #expect(!progress.completed)
    #expect(progress.answers == ["6": ["fw"], "9": ["0.3"]])
  }

  @Test func resumeRebuildsTheEngineAndThePage() throws {
    let lesson = try Fixture.lesson(Self.lessonText)
    var d = Drive(lesson)
    d.send(.next)
    d.send(.answer("forward"))
    d.send(.answer("0.29837"))
    d.send(.next)
    let expected = d.host.session.trainer
    let lines = d.runner.lines

    var host = HeadlessLessonHost()
    var runner = LessonRunner<HeadlessLessonHost>(lesson: lesson)
    let warning = runner.resume(from: d.runner.progress, host: &host)
    #expect(warning == nil)
    #expect(runner.pageNumber == 3)
    #expect(host.session.trainer == expected)
    #expect(runner.lines == lines)
    #expect(runner.problems.isEmpty)
    #expect(runner.answersTried[6] == ["forward"])
    // `previous` still works after resuming, with the engine as it was on page 2.
    runner.handle(.previous, host: &host)
    #expect(runner.pageNumber == 2)
    #expect(runner.isWaitingForAnswer)
  }

  @Test func resumingAFinishedLessonStartsAgain() throws {
    var host = HeadlessLessonHost()
    var runner = LessonRunner<HeadlessLessonHost>(lesson: try Fixture.lesson(Self.lessonText))
    runner.resume(from: LessonProgress(completed: true, page: 3, path: [1, 2, 3]), host: &host)
    #expect(runner.pageNumber == 1)
  }

  @Test func resumingAChangedLessonWarnsAndStartsAgain() throws {
    var host = HeadlessLessonHost()
    var runner = LessonRunner<HeadlessLessonHost>(lesson: try Fixture.lesson(Self.lessonText))
    let warning = runner.resume(from: LessonProgress(page: 9, path: [1, 9]), host: &host)
    #expect(warning?.contains("no longer fits") == true)
    #expect(runner.pageNumber == 1)
  }

  // MARK: - The store

  @Test func recordSurvivesReopening() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/state/backprop/progress.json"
    var store = ProgressStore(location: .file(path))
    let progress = LessonProgress(page: 3, path: [1, 2, 3], answers: ["12": ["0.5", "1"]])
    store.recordOnDisk(progress, for: "01-linear-neuron.lesson")
    #expect(store.takeWarnings().isEmpty)
    let reopened = ProgressStore(location: .file(path))
    var back = reopened.progress(for: "01-linear-neuron.lesson")
    #expect(back?.updated != nil)
    back?.updated = nil
    #expect(back == progress)
    #expect(reopened.progress(for: "02-other.lesson") == nil)
  }

  @Test func writesAreAtomic() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/progress.json"
    var store = ProgressStore(location: .file(path))
    store.recordOnDisk(LessonProgress(page: 1, path: [1]), for: "a.lesson")
    let firstInode = try inode(path)
    store.recordOnDisk(LessonProgress(page: 2, path: [1, 2]), for: "a.lesson")
    // A new file was renamed over the old one (a new inode), rather than the old one rewritten
    // in place, and no temporary file is left behind (only the lock file two instances share).
    #expect(try inode(path) != firstInode)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        "progress.json", "progress.json.lock",
      ])
    #expect(ProgressStore(location: .file(path)).progress(for: "a.lesson")?.page == 2)
  }

  func inode(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?
      .intValue ?? -1
  }

  @Test func corruptFileStartsFreshWithOneWarning() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/progress.json"
    FileManager.default.createFile(atPath: path, contents: Data("{ not json".utf8))
    var store = ProgressStore(location: .file(path))
    #expect(store.lessons.isEmpty)
    let warnings = store.takeWarnings()
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("could not be read") == true)
    #expect(store.takeWarnings().isEmpty)
    // Saving keeps the unreadable file aside instead of destroying it.
    store.recordOnDisk(LessonProgress(page: 2, path: [1, 2]), for: "a.lesson")
    #expect(store.takeWarnings().isEmpty)
    #expect(FileManager.default.contents(atPath: path + ".corrupt") == Data("{ not json".utf8))
    #expect(ProgressStore(location: .file(path)).progress(for: "a.lesson")?.page == 2)
  }

  @Test func wrongFormatIsCorruptToo() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/progress.json"
    FileManager.default.createFile(
      atPath: path, contents: Data(#"{"format":"other","version":1,"lessons":{}}"#.utf8))
    var store = ProgressStore(location: .file(path))
    #expect(store.takeWarnings().count == 1)
  }

  @Test func missingFileIsAFreshStartWithoutWarning() {
    var store = ProgressStore(location: .file("/nonexistent-\(UUID().uuidString)/progress.json"))
    #expect(store.lessons.isEmpty)
    #expect(store.takeWarnings().isEmpty)
  }

  @Test func unwritableLocationWarnsOnce() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A regular file where the folder should be.
    FileManager.default.createFile(atPath: folder + "/blocker", contents: Data())
    var store = ProgressStore(location: .file(folder + "/blocker/backprop/progress.json"))
    store.recordOnDisk(LessonProgress(page: 2), for: "a.lesson")
    store.recordOnDisk(LessonProgress(page: 3), for: "a.lesson")
    #expect(store.takeWarnings().count == 1)
    // It still remembers, in memory.
    #expect(store.progress(for: "a.lesson")?.page == 3)
  }

  @Test func inMemoryStoreWritesNothing() {
    var store = ProgressStore.standard(
      enabled: false, environment: ["XDG_STATE_HOME": "/nonexistent-dir"])
    #expect(store.location == .memory)
    store.recordOnDisk(LessonProgress(page: 2), for: "a.lesson")
    #expect(store.progress(for: "a.lesson")?.page == 2)
    #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir"))
  }

  @Test func resetForgetsOneOrAll() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/progress.json"
    var store = ProgressStore(location: .file(path))
    store.recordOnDisk(LessonProgress(page: 2), for: "a.lesson")
    store.recordOnDisk(LessonProgress(page: 3), for: "b.lesson")
    store.resetOnDisk("a.lesson")
    #expect(ProgressStore(location: .file(path)).lessons.keys.sorted() == ["b.lesson"])
    store.resetOnDisk()
    #expect(ProgressStore(location: .file(path)).lessons.isEmpty)
  }

  @Test func completionIsNotForgottenByRevisiting() {
    var store = ProgressStore.inMemory()
    store.recordOnDisk(LessonProgress(completed: true, page: 5), for: "a.lesson")
    store.recordOnDisk(LessonProgress(page: 1, path: [1]), for: "a.lesson")
    #expect(store.progress(for: "a.lesson")?.completed == true)
    #expect(store.progress(for: "a.lesson")?.page == 1)
  }

  @Test func defaultPathFollowsXDG() {
    #expect(
      ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"])
        == "/x/state/backprop/progress.json")
    #expect(
      ProgressStore.defaultPath(environment: ["HOME": "/home/u"])
        == "/home/u/.local/state/backprop/progress.json")
    // A relative XDG_STATE_HOME is invalid and ignored, as the specification says.
    #expect(
      ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/u"])
        == "/home/u/.local/state/backprop/progress.json")
  }
}
