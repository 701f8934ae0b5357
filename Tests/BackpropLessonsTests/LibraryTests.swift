import BackpropLessons
import Foundation
import Testing

/// Finding the course from anywhere, and listing it in order.
@Suite struct LibraryTests {
  @Test func filesAreOrderedByTheirNumber() {
    let names = [
      "10-ten.lesson", "2-two.lesson", "notes.txt", "appendix.lesson", "01-one.lesson",
      ".hidden.lesson",
    ]
    #expect(
      LessonLibrary.lessonFiles(names) == [
        "01-one.lesson", "2-two.lesson", "10-ten.lesson", "appendix.lesson",
      ])
    #expect(LessonLibrary.number(of: "07-x.lesson") == 7)
    #expect(LessonLibrary.number(of: "x.lesson") == nil)
  }

  @Test func theCourseIsListedWithTitlesAndSections() throws {
    let library = try LessonLibrary.load(directory: Fixture.lessons)
    let names = library.entries.map(\.fileName)
    #expect(names.first == "01-linear-neuron.lesson")
    #expect(names.contains("03-forward-pass.lesson"))
    #expect(names == names.sorted())
    #expect(library.entries[0].title == "One linear neuron and its error surface")
    #expect(library.entries[0].section == "Learning as an optimization problem")
    #expect(library.entries[0].number == 1)
    #expect(library.entries.allSatisfy { $0.isValid })
    #expect(
      try library.entry(matching: "03")?.load().title == "A forward pass through Mazur's network")
  }

  @Test func entriesByNumberOrName() throws {
    let library = try LessonLibrary.load(directory: Fixture.lessons)
    #expect(library.entry(matching: "1")?.fileName == "01-linear-neuron.lesson")
    #expect(library.entry(matching: "03")?.fileName == "03-forward-pass.lesson")
    #expect(library.entry(matching: "forward-pass")?.fileName == "03-forward-pass.lesson")
    #expect(library.entry(matching: "01-Linear-Neuron")?.fileName == "01-linear-neuron.lesson")
    #expect(library.entry(matching: "01-linear-neuron.lesson") != nil)
    #expect(library.entry(matching: "99") == nil)
    #expect(library.entry(matching: "nothing") == nil)
  }

  @Test func brokenLessonsAreListedWithTheirProblems() throws {
    let folder = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    FileManager.default.createFile(
      atPath: folder + "/01-broken.lesson", contents: Data("@title X\n".utf8))
    let library = try LessonLibrary.load(directory: folder + "/")
    #expect(library.entries.count == 1)
    #expect(library.entries[0].title == "01-broken.lesson")
    #expect(!library.entries[0].isValid)
    #expect(library.entries[0].path == folder + "/01-broken.lesson")
  }

  @Test func missingFolderIsAnError() {
    #expect(throws: LessonLibrary.LoadError.self) {
      try LessonLibrary.load(directory: "/nonexistent/lessons")
    }
  }

  @Test func locatePrecedence() throws {
    let root = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/repo/lessons", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/repo/.build/debug", withIntermediateDirectories: true)
    fm.createFile(atPath: root + "/repo/lessons/01-a.lesson", contents: Data())
    let executable = root + "/repo/.build/debug/backprop"
    let elsewhere = root + "/elsewhere"

    #expect(
      LessonLibrary.locate(
        explicit: "/my/course", environment: ["BACKPROP_LESSONS": "/env"],
        executablePath: executable, currentDirectory: elsewhere)
        == .init(directory: "/my/course", origin: .explicit))
    #expect(
      LessonLibrary.locate(
        environment: ["BACKPROP_LESSONS": "/env"], executablePath: executable,
        currentDirectory: elsewhere)
        == .init(directory: "/env", origin: .environment))
    #expect(
      LessonLibrary.locate(
        environment: [:], executablePath: executable, currentDirectory: elsewhere)
        == .init(directory: root + "/repo/lessons", origin: .executable))
    #expect(
      LessonLibrary.locate(
        environment: ["BACKPROP_LESSONS": ""], executablePath: "/usr/bin/backprop-nowhere",
        currentDirectory: elsewhere)
        == .init(directory: elsewhere + "/lessons", origin: .workingDirectory))
    #expect(
      LessonLibrary.locate(environment: [:], executablePath: nil, currentDirectory: "/")
        == .init(directory: "/lessons", origin: .workingDirectory))
  }

  @Test func installedLayoutIsFoundToo() throws {
    let root = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/share/backprop/lessons", withIntermediateDirectories: true)
    FileManager.default.createFile(
      atPath: root + "/share/backprop/lessons/01-a.lesson", contents: Data())
    #expect(
      LessonLibrary.locate(
        environment: [:], executablePath: root + "/bin/backprop", currentDirectory: "/")
        == .init(directory: root + "/share/backprop/lessons", origin: .executable))
  }

  @Test func executablePathIsResolved() throws {
    let root = Fixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
    fm.createFile(
      atPath: root + "/real/backprop", contents: Data(), attributes: [.posixPermissions: 0o755])
    try fm.createSymbolicLink(
      atPath: root + "/bin/backprop", withDestinationPath: root + "/real/backprop")
    let resolved = URL(fileURLWithPath: root + "/real/backprop").resolvingSymlinksInPath().path
    #expect(LessonLibrary.executablePath(argument0: root + "/bin/backprop") == resolved)
    #expect(
      LessonLibrary.executablePath(argument0: "bin/backprop", currentDirectory: root) == resolved)
    #expect(
      LessonLibrary.executablePath(
        argument0: "backprop", environment: ["PATH": "/nonexistent:\(root)/bin"]) == resolved)
    // Without a usable argument it falls back to /proc/self/exe (this test process).
    #expect(LessonLibrary.executablePath(argument0: nil) != nil)
  }
}
