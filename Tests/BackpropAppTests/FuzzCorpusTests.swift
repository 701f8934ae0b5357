import BackpropApp
import BackpropCommands
import BackpropEngine
import Foundation
import Testing

/// Replays the command lines fuzzing found (Tests/FuzzCorpus/commands.txt) through the headless
/// runner: none may crash or hang, and each that fails must leave the session bit for bit as it was.
@Suite struct FuzzCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("FuzzCorpus/commands.txt").path

  struct Snapshot: Equatable {
    var trainer: Trainer
    var digits: Int
    var canUndo: Bool
    var canRedo: Bool
    init(_ s: Session) {
      trainer = s.trainer
      digits = s.digits
      canUndo = s.canUndo
      canRedo = s.canRedo
    }
  }

  @Test func everyFoundInputIsHandled() throws {
    let text = try String(contentsOfFile: Self.corpus, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    #expect(lines.count >= 10)
    var runner = HeadlessRunner(state: AppState(startScreen: false), json: true)
    _ = runner.run("example mazur", lineNumber: 1)
    for (k, line) in lines.enumerated() {
      let before = Snapshot(runner.state.session)
      let failures = runner.failures
      let out = runner.run(line, lineNumber: k + 2)
      #expect(out.count == 1, "\(line)")
      if runner.failures > failures {
        #expect(BitwiseEquality.equal(Snapshot(runner.state.session), before), "\(line)")
        #expect(out.first?.contains("\"ok\":false") == true)
      }
    }
  }

  /// `set digits 1e300`, `get w_３５`: the answers that used to be crashes are errors.
  @Test func crashesAreNowErrors() {
    var runner = HeadlessRunner(state: AppState(startScreen: false), json: true)
    _ = runner.run("example mazur", lineNumber: 1)
    for line in ["set digits 1e300", "get w_３５", "set w_٣٥ 1", "load /dev/zero"] {
      let out = runner.run(line, lineNumber: 2).joined()
      #expect(out.contains("\"ok\":false"), "\(line): \(out)")
    }
  }

  /// #4: a huge paste into the command line stops at the maximum line length.
  @Test func theCommandLineEditorStopsAtTheMaximumLength() {
    var editor = LineEditor()
    editor.insert(String(repeating: "x", count: Session.maximumLineLength + 10))
    #expect(editor.text.count == Session.maximumLineLength)
  }

  /// #12: one behaviour for invalid UTF-8 from stdin and `--script`: the line is not run.
  @Test func invalidUTF8LinesAreRefusedNotRepaired() {
    var runner = HeadlessRunner(state: AppState(startScreen: false), json: false, source: "s")
    _ = runner.run("example mazur", lineNumber: 1)
    let out = runner.run(bytes: Array("get w_".utf8) + [0xFF] + Array("5".utf8), lineNumber: 2)
    #expect(out == ["s:2:7: error: byte 0xFF is not valid UTF-8; the line was not run"])
    #expect(runner.failures == 1)
    #expect(runner.run(bytes: Array("get E".utf8), lineNumber: 3).count == 2)
  }
}
