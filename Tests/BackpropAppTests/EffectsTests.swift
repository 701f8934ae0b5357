import BackpropCommands
import BackpropLessons
import Foundation
import Testing

@testable import BackpropApp

extension App {
  /// Submits a line and carries out its effects on the real disk, as the terminal loop does.
  @discardableResult
  static func submitOnDisk(_ line: String, _ state: inout AppState) -> LineResult {
    state.lessons.now = Date()
    let result = submit(line, &state)
    _ = EffectRunner().settle(result.effect, &state)
    return result
  }
}

/// A file system in a dictionary, and the smallest edge there is: it delivers messages to
/// `App.update`, carries out the file effects that come back on the dictionary, and delivers
/// their outcomes as messages in turn.
struct World {
  var files: [String: Data] = [:]
  /// Every operation asked for, in order.
  var operations: [FileOperation] = []

  mutating func perform(_ operation: FileOperation) -> Result<Data, FileError> {
    operations.append(operation)
    switch operation {
    case .write(let path, let contents, _, let folder):
      if let folder, !path.hasPrefix(folder + "/") { return .failure(.outsideFolder) }
      files[path] = contents
      return .success(Data())
    case .read(let path, _):
      return files[path].map { .success($0) } ?? .failure(.cannotRead)
    case .move(let from, let to):
      files[to] = files.removeValue(forKey: from)
      return .success(Data())
    case .merge(let path, let contents, _, _):
      // One instance only in these tests: merging with what it wrote itself is writing.
      files[path] = contents
      return .success(Data())
    }
  }

  /// Delivers `message` and everything it leads to; answers the effects left for the loop.
  mutating func send(_ message: AppMessage, _ state: inout AppState) -> [AppEffect] {
    var queue = [message]
    var rest: [AppEffect] = []
    while !queue.isEmpty {
      for effect in App.update(&state, queue.removeFirst()).flattened {
        if case .file(let task) = effect {
          queue.append(.fileDone(task, perform(task.operation)))
        } else {
          rest.append(effect)
        }
      }
    }
    return rest
  }

  /// The writes to `path`, in order.
  func writes(to path: String) -> [Data] {
    operations.compactMap { $0.path == path ? $0.written : nil }
  }
}

/// `App.update` is pure: a whole session with a lesson, progress and `save`/`load` runs on a
/// dictionary of files, and what would be written is there as effects with the right contents.
@Suite struct EffectsTests {
  /// A folder that does not exist: if anything reached the real disk, it would fail or appear.
  static let root = "/nonexistent-backprop-effects-\(UUID().uuidString)"
  static let lessonText = """
    @title Files in a lesson
    @section Derivation

    Page one.
    > example linear
    > set w_13 0.25
    > save net.json
    > set w_13 0.5
    > load net.json
    @assert w_13 = 0.25 ± 0
    @pause

    Page two.
    > forward
    """

  static func state() throws -> AppState {
    let folder = root + "/lessons"
    let lesson = try LessonParser.parse(lessonText, file: "01-files.lesson", directory: folder)
    var state = AppState(width: 100, height: 30, startScreen: true)
    state.lessons.entries = [
      LessonEntry(
        number: 1, fileName: "01-files.lesson", path: folder + "/01-files.lesson",
        title: lesson.title, section: lesson.section, diagnostics: [], lesson: lesson)
    ]
    state.lessons.store = ProgressStore(location: .file(progressPath), lessons: [:])
    state.lessons.refreshCatalog()
    state.lessons.now = Date(timeIntervalSince1970: 1_700_000_000)
    return state
  }

  static let progressPath = root + "/state/backprop/progress.json"

  /// The lessons recorded in a progress file's bytes.
  static func progress(_ data: Data?) throws -> [String: LessonProgress] {
    struct File: Decodable { var lessons: [String: LessonProgress] }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(File.self, from: try #require(data)).lessons
  }

  @Test func aLessonAndSaveSessionRunsOnADictionary() throws {
    var state = try Self.state()
    var world = World()

    // Opening the lesson runs page one: its own `save` is a write confined to the lesson's
    // folder, its `load` reads back what it saved, and the place is saved as progress.
    _ = world.send(.submit("lesson 1"), &state)
    #expect(state.lessons.progressText == "page 1 of 2")
    #expect(state.lessons.runner?.problems == [])
    let lessonFile = Self.root + "/lessons/net.json"
    let lessonWrite = try #require(world.operations.first { $0.path == lessonFile })
    guard case .write(_, let bytes, _, let folder) = lessonWrite else {
      Issue.record("expected a write, got \(lessonWrite)")
      return
    }
    #expect(folder == Self.root + "/lessons")
    let inLesson = try NetworkFile.decode(bytes).trainer()
    #expect(inLesson.network[.weight(from: 1, to: 3)] == 0.25)
    var recorded = try Self.progress(world.writes(to: Self.progressPath).last)
    #expect(recorded["01-files.lesson"]?.page == 1)
    #expect(recorded["01-files.lesson"]?.updated == state.lessons.now)

    _ = world.send(.submit("next"), &state)
    recorded = try Self.progress(world.writes(to: Self.progressPath).last)
    #expect(recorded["01-files.lesson"]?.page == 2)
    #expect(recorded["01-files.lesson"]?.path == [1, 2])

    // Leaving saves the place once more; then `save` at the command line answers only once the
    // world has written the file, with the network's JSON as the contents.
    _ = world.send(.submit("lesson leave"), &state)
    _ = world.send(.submit("set w_13 0.75"), &state)
    let out = Self.root + "/out.json"
    _ = world.send(.submit("save \(out)"), &state)
    #expect(world.writes(to: out) == [NetworkFile(trainer: state.session.trainer).encoded()])
    #expect(state.output.last?.text.hasPrefix("saved 2-1 network") == true)

    // `load` asks for a read; the answer adopts the network as one undo step.
    _ = world.send(.submit("set w_13 9"), &state)
    _ = world.send(.submit("load \(out)"), &state)
    #expect(state.session.trainer.network[.weight(from: 1, to: 3)] == 0.75)
    _ = world.send(.submit("undo"), &state)
    #expect(state.session.trainer.network[.weight(from: 1, to: 3)] == 9)

    // A file the world does not have: the same error as on disk, and nothing changes.
    let before = state.session.trainer
    _ = world.send(.submit("load \(Self.root)/missing.json"), &state)
    #expect(state.output.last?.text.contains("cannot read") == true)
    #expect(state.session.trainer == before)

    #expect(world.operations.allSatisfy { $0.path.hasPrefix(Self.root + "/") })
    #expect(!FileManager.default.fileExists(atPath: Self.root))
  }

  /// A write the world refuses is reported after the fact: `save` as an error, progress as one
  /// warning, and the app goes on in memory.
  @Test func failedWritesComeBackAsMessages() throws {
    var state = try Self.state()
    let effect = App.update(&state, .submit("save \(Self.root)/x.json"))
    let task = try #require(effect.fileTasks.first)
    #expect(state.output.last?.text == "> save \(Self.root)/x.json")
    _ = App.update(&state, .fileDone(task, .failure(.cannotCreate(Self.root + "/x.json.tmp"))))
    #expect(
      state.output.last?.text
        == "error: column 6: cannot write \(Self.root)/x.json (expected a writable path)")

    let opening = App.update(&state, .submit("lesson 1"))
    let progress = try #require(opening.fileTasks.last { $0.purpose == .progress })
    _ = App.update(&state, .fileDone(progress, .failure(.cannotCreateFolder(Self.root))))
    #expect(state.notice?.contains("cannot be saved") == true)
    #expect(state.lessons.store.progress(for: "01-files.lesson")?.page == 1)
  }
}
