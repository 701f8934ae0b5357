import BackpropCommands
import Foundation
import Testing

/// The command registry: every `Command` has a complete entry, its spellings are unambiguous, and
/// the session, `help` and the handler in the table agree on who carries each command out.
@Suite struct CommandRegistryTests {
  @Test(arguments: Command.allCases)
  func everyEntryIsComplete(_ command: Command) {
    let spec = command.spec
    #expect(spec.command == command)
    #expect(spec.name == command.rawValue)
    #expect(spec.usage.hasPrefix(spec.name), "usage of `\(spec.name)` starts with another word")
    #expect(!spec.summary.isEmpty)
    #expect(!spec.example.isEmpty)
    #expect(!spec.topic.isEmpty)
  }

  @Test func namesAndAliasesAreUnique() {
    let words = Command.allCases.flatMap(\.spec.allNames).map { $0.lowercased() }
    let repeated = Dictionary(grouping: words, by: { $0 }).filter { $0.value.count > 1 }.keys
    #expect(repeated.isEmpty, "spelled by more than one command: \(repeated.sorted())")
  }

  @Test(arguments: Command.allCases)
  func everyNameAliasAndExampleFindsItsCommand(_ command: Command) throws {
    for word in command.spec.allNames {
      #expect(CommandSpec.named(word) == command)
      #expect(CommandSpec.named(word.uppercased()) == command)
    }
    let tokens = try Tokenizer.tokenize(command.spec.example)
    #expect(tokens.first.flatMap { CommandSpec.named($0.text) } == command)
  }

  /// The table's order is the topics' order, so `help` lists each topic once.
  @Test func topicsAreContiguous() {
    var seen: [String] = []
    for spec in CommandSpec.all where spec.topic != seen.last {
      #expect(!seen.contains(spec.topic), "topic `\(spec.topic)` comes back at `\(spec.name)`")
      seen.append(spec.topic)
    }
  }

  @Test func helpListsEveryCommandAndExplainsEach() throws {
    var session = Session()
    let lines = try session.execute("help").get().lines
    for command in Command.allCases {
      let row = "  " + command.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
      #expect(
        lines.contains { $0.hasPrefix(row + command.spec.summary) },
        "`help` does not list `\(command.rawValue)`")
      let detail = try session.execute("help \(command.rawValue)").get().lines
      #expect(detail.first == command.spec.usage)
      #expect(detail.last == "  example: \(command.spec.example)")
    }
  }

  /// The session carries out exactly the commands the table gives to it; the others it refuses
  /// with a message that says so (the app or the lesson controller handles them).
  @Test(arguments: Command.allCases)
  func theSessionRunsExactlyItsOwnCommands(_ command: Command) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-registry-\(getpid())-\(command.rawValue)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var session = Session()
    session.fileAccess = .confined(to: folder.path)
    _ = session.execute("example mazur")
    _ = session.execute("save mynet.json")
    let result = session.execute(command.spec.example)
    if command.spec.handler == .session {
      // The example may still fail here for its own reasons (`undo` with nothing to undo).
      if case .failure(let error) = result {
        #expect(!error.message.contains("not available"), "\(error)")
      }
    } else {
      guard case .failure(let error) = result else {
        Issue.record("the session ran `\(command.rawValue)`, a command of the app")
        return
      }
      #expect(error.message == "`\(command.rawValue)` is not available here")
    }
  }

  /// What the table says about the lesson controller's commands: they steer a waiting question
  /// and are not lines of a lesson file.
  @Test func lessonCommandsSteerAndStayOutOfLessonFiles() {
    for spec in CommandSpec.all where spec.handler == .lesson {
      #expect(spec.steersLesson, "`\(spec.name)` is a lesson command that does not steer")
      #expect(!spec.inLessonFiles, "`\(spec.name)` steers the lesson, yet lessons may run it")
    }
    for spec in CommandSpec.all where spec.handler == .session {
      #expect(spec.inLessonFiles, "lessons may not run the engine's `\(spec.name)`")
    }
  }
}
