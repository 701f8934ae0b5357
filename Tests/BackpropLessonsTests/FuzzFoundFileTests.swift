@testable import BackpropCommands
import BackpropLessons
import Foundation
import Testing

/// Files the fuzzer hung on, escaped through or lost (issue 10, #3, #7, #8, #12).
@Suite struct FuzzFoundFileTests {
  func folder() -> String { Fixture.temporaryDirectory() }

  // MARK: - #3: FIFOs are refused, not waited on

  @Test func aFIFONamedLikeALessonIsRefusedNotWaitedOn() throws {
    let dir = folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(mkfifo(dir + "/01-trap.lesson", 0o644) == 0)
    let report = LessonChecker.check(paths: [dir])
    #expect(report.diagnostics.first?.message.contains("not a regular file") == true)
    #expect(LessonChecker.check(file: dir + "/01-trap.lesson").count == 1)
    let library = try LessonLibrary.load(directory: dir)
    #expect(library.entries.first?.diagnostics.isEmpty == false)
  }

  @Test func aFIFOAtTheProgressFileIsRefusedNotWaitedOn() {
    let dir = folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(mkfifo(dir + "/progress.json", 0o644) == 0)
    var store = ProgressStore(location: .file(dir + "/progress.json"))
    #expect(store.lessons.isEmpty)
    #expect(store.takeWarnings().first?.contains("not a regular file") == true)
  }

  @Test func loadRefusesDevicesAndFIFOs() {
    let dir = folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(mkfifo(dir + "/net.json", 0o644) == 0)
    #expect(LocalFiles.perform(.read(path: dir + "/net.json")) == .failure(.cannotRead))
    #expect(LocalFiles.perform(.read(path: "/dev/zero")) == .failure(.cannotRead))
  }

  /// #12: the docs say a lesson must be smaller than 1 MiB; exactly 1 MiB is refused.
  @Test func aLessonOfExactly1MiBIsRefused() {
    let text = "@title A\n@section B\n\nx\n"
    let padded = text + String(repeating: "#", count: LessonSource.sizeLimit - text.utf8.count)
    #expect(padded.utf8.count == LessonSource.sizeLimit)
    #expect(throws: LessonParseFailure.self) {
      _ = try LessonSource.decode(Data(padded.utf8), file: "a.lesson")
    }
    #expect(
      (try? LessonSource.decode(Data(padded.dropLast().utf8), file: "a.lesson")) != nil)
  }

  // MARK: - #7: a lesson's save stays in its folder

  /// A course whose `out` is a link to a sibling folder `outside`, and `abs` an absolute link.
  func course() -> (root: String, course: String, outside: String) {
    let root = folder()
    let course = root + "/course"
    let outside = root + "/outside"
    try? FileManager.default.createDirectory(atPath: course, withIntermediateDirectories: true)
    try? FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try? FileManager.default.createSymbolicLink(
      atPath: course + "/out", withDestinationPath: "../outside")
    try? FileManager.default.createSymbolicLink(
      atPath: course + "/abs", withDestinationPath: outside)
    return (root, course, outside)
  }

  @Test(arguments: [
    "out/escaped.json", "\"out/escaped.json\"", "./out/escaped.json", "out//escaped.json",
    "out/./escaped.json", "abs/escaped.json",
  ])
  func saveThroughALinkedFolderIsRefused(_ spelling: String) throws {
    let (root, course, outside) = course()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lesson = course + "/01-escape.lesson"
    try "@title Escape\n@section Derivation\n\nHi.\n\n> example mazur\n> save \(spelling)\n"
      .write(toFile: lesson, atomically: true, encoding: .utf8)
    let problems = LessonChecker.check(file: lesson)
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("leads outside") == true, "\(problems)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
  }

  @Test func aLinkAsTheLastComponentIsNotWrittenThrough() throws {
    let (root, course, outside) = course()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createSymbolicLink(
      atPath: course + "/net.json", withDestinationPath: outside + "/victim.json")
    let result = LocalFiles.perform(
      .write(path: course + "/net.json", contents: Data("x".utf8), confinedTo: course))
    #expect(result == .failure(.outsideFolder))
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
  }

  /// The folder checked is the folder written: a link swapped in after the check is not used.
  @Test func aLinkSwappedInAfterTheCheckIsNotFollowed() throws {
    let (root, course, outside) = course()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: course + "/sub", withIntermediateDirectories: true)
    let confined = try ConfinedFolder(course)
    try confined.write(Data("x".utf8), to: course + "/sub/net.json") {
      try? FileManager.default.moveItem(atPath: course + "/sub", toPath: course + "/old")
      try? FileManager.default.createSymbolicLink(
        atPath: course + "/sub", withDestinationPath: outside)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    #expect(FileManager.default.fileExists(atPath: course + "/old/net.json"))
  }

  @Test func filesBesideTheLessonStillWork() throws {
    let (root, course, _) = course()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let op = FileOperation.write(
      path: course + "/net.json", contents: Data("{}".utf8), confinedTo: course)
    #expect(LocalFiles.perform(op) == .success(Data()))
    #expect(LocalFiles.perform(op) == .success(Data()))  // and over an existing file
    #expect(
      LocalFiles.perform(.read(path: course + "/net.json", confinedTo: course))
        == .success(Data("{}".utf8)))
  }

  // MARK: - #8: two instances keep each other's progress

  @Test func twoInstancesKeepEachOthersLessons() {
    let dir = folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/progress.json"
    var first = ProgressStore(location: .file(path))
    var second = ProgressStore(location: .file(path))
    first.recordOnDisk(LessonProgress(page: 3, path: [1, 2, 3]), for: "01-a.lesson")
    second.recordOnDisk(LessonProgress(page: 2, path: [1, 2]), for: "02-b.lesson")
    first.recordOnDisk(LessonProgress(page: 4, path: [1, 2, 3, 4]), for: "01-a.lesson")
    let reopened = ProgressStore(location: .file(path))
    #expect(reopened.progress(for: "01-a.lesson")?.page == 4)
    #expect(reopened.progress(for: "02-b.lesson")?.page == 2)
    // Forgetting one lesson forgets only that one.
    second.resetOnDisk("02-b.lesson")
    let again = ProgressStore(location: .file(path))
    #expect(again.progress(for: "02-b.lesson") == nil)
    #expect(again.progress(for: "01-a.lesson")?.page == 4)
  }

  @Test func aSecondCorruptionKeepsTheFirstCopy() {
    let dir = folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/progress.json"
    for garbage in ["first garbage", "second garbage"] {
      FileManager.default.createFile(atPath: path, contents: Data(garbage.utf8))
      var store = ProgressStore(location: .file(path))
      store.recordOnDisk(LessonProgress(page: 1, path: [1]), for: "a.lesson")
      #expect(store.takeWarnings().count == 1)
    }
    #expect(FileManager.default.contents(atPath: path + ".corrupt") == Data("first garbage".utf8))
    #expect(
      FileManager.default.contents(atPath: path + ".corrupt.1") == Data("second garbage".utf8))
  }

  /// A read-only folder: the corrupt file cannot be set aside, so no warning says it was, and it
  /// is not overwritten either.
  @Test func aCorruptFileInAReadOnlyFolderIsNeitherClaimedKeptNorLost() throws {
    guard getuid() != 0 else { return }  // root writes anywhere
    let dir = folder()
    defer {
      chmod(dir, 0o755)
      try? FileManager.default.removeItem(atPath: dir)
    }
    let path = dir + "/progress.json"
    FileManager.default.createFile(atPath: path, contents: Data("garbage".utf8))
    chmod(dir, 0o555)
    var store = ProgressStore(location: .file(path))
    store.recordOnDisk(LessonProgress(page: 1, path: [1]), for: "a.lesson")
    let warnings = store.takeWarnings().joined(separator: " | ")
    #expect(!warnings.contains("was kept"), "\(warnings)")
    #expect(warnings.contains("cannot be saved"), "\(warnings)")
    #expect(FileManager.default.contents(atPath: path) == Data("garbage".utf8))
    #expect(!FileManager.default.fileExists(atPath: path + ".corrupt"))
  }

  // MARK: - #5: check gives each lesson a time budget

  @Test func aLessonOverItsTimeBudgetIsReportedAtItsPage() throws {
    let text = "@title Slow\n@section Derivation\n\nFirst page.\n\n> example xor\n"
    let lesson = try LessonParser.parse(text, file: "slow.lesson")
    let problems = LessonChecker.check(lesson, budget: .zero)
    #expect(problems.count == 1)
    #expect(problems.first?.line == 4, "\(problems)")
    #expect(problems.first?.message.contains("checking took longer than") == true)
    // With the default budget the same lesson passes.
    #expect(LessonChecker.check(lesson) == [])
  }
}
