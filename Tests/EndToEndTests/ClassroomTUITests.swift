// The classroom in a real terminal (tmux): autoplay paused with space, a demo script stepped with
// space and taken back with p, and a session recorded with `record` and played again with
// `source` in a fresh run, ending in the same state.
//
// What the tests read is the title bar (epoch, sample, pass and micro-step: the whole position
// of the run) and the answers of `get`, so they pin what the classroom does, not its wording.

import Foundation
import Testing

/// The cases run one after another, as the other screen suites do: debug builds starting at once
/// beside the rest of the suite on a small shared machine make the start screen late.
@Suite(
  "The classroom in tmux: play and pause, demo scripts, record and source", .serialized,
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct ClassroomTUITests {
  typealias LocaleSetting = TerminalRestoreTests.LocaleSetting

  /// backprop in free play on Mazur's network, in a 100×30 window, under a UTF-8 locale.
  static func launch(_ session: PaneSession, arguments: String = "") async throws -> String? {
    guard try await session.launchToMenu(arguments: arguments) else { return nil }
    let screen = try await session.press("f")
    guard screen.contains("Network 2-2-2") else {
      Issue.record("free play did not open; the screen was:\n\(screen)")
      return nil
    }
    return screen
  }

  static func start() async throws -> PaneSession? {
    try await PaneSession.start(locale: .utf8, binaryName: "backprop", override: "BACKPROP_BINARY")
  }

  /// The title bar: the first line of the screen.
  static func title(_ screen: String) -> String {
    String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
  }

  /// The micro-step reached in the current pass, as the title bar shows it (`forward 3/9`):
  /// the pass and the count, or nil between passes.
  static func position(_ screen: String) -> (pass: String, step: Int)? {
    let words = title(screen).split(separator: " ").map(String.init)
    for (k, word) in words.enumerated().dropLast()
    where ["forward", "backward", "update"].contains(word) {
      let count = words[k + 1].split(separator: "/")
      if count.count == 2, let step = Int(count[0]) { return (word, step) }
    }
    return nil
  }

  /// Types a command on the command line and waits for the frame it causes.
  static func command(_ session: PaneSession, _ line: String) async throws -> String {
    _ = try await session.press(":")
    let before = session.styledCapture()
    try session.type(line)
    return await session.settle(changedFrom: before)
  }

  /// `play 4` steps on its own; space pauses it (the step counter stands still for well over
  /// the interval of several ticks) and resumes it.
  @Test("play, then space pauses and resumes the micro-steps")
  func playThenPause() async throws {
    let session = try #require(try await Self.start())
    defer { session.close() }
    try #require(try await Self.launch(session) != nil)

    _ = try await Self.command(session, "play 4")
    let playing = try #require(
      await session.waitForFrame(timeout: 10) { (Self.position($0)?.step ?? 0) >= 2 },
      "play 4 did not step on its own: \(session.capture())")
    #expect(Self.position(playing)?.pass == "forward")

    _ = try await session.press("Space")
    let paused = try #require(
      await session.waitForFrame(timeout: 5) { $0.contains("paused") },
      "space did not pause: \(session.capture())")
    // Four ticks a second: in 1.5 s a running play would have moved the counter 6 steps.
    try await Task.sleep(for: .milliseconds(1500))
    let later = session.capture()
    #expect(Self.title(later) == Self.title(paused), "the counter moved while paused")
    let stopped = try #require(Self.position(paused))

    _ = try await session.press("Space")
    let resumed = await session.waitForFrame(timeout: 10) { screen in
      guard let now = Self.position(screen) else { return false }
      return now.pass != stopped.pass || now.step > stopped.step
    }
    #expect(resumed != nil, "space did not resume: \(session.capture())")
    try await session.quit()
  }

  /// A demo script: its caption shows before the first step, each space runs one line (the
  /// counter follows), and p takes the last line back to the state before it.
  @Test("a demo script stepped with space and taken back with p")
  func demoScript() async throws {
    let session = try #require(try await Self.start())
    defer { session.close() }
    let script = session.scratch.appendingPathComponent("demo.txt")
    try """
    # Mazur's network, one micro-step at a time
    example mazur
    step
    # the second hidden neuron
    step
    step

    """.write(to: script, atomically: true, encoding: .utf8)
    try #require(try await Self.launch(session) != nil)

    let opened = try await Self.command(session, "source \(script.path)")
    #expect(opened.contains("demo"), "\(opened)")
    #expect(opened.contains("# Mazur's network, one micro-step"), "the caption is shown")

    var screen = try await session.press("Space")  // example mazur
    #expect(screen.contains("Mazur's 2-2-2 worked example"), "\(screen)")
    #expect(Self.position(screen)?.step == 0)
    var steps: [String] = [Self.title(screen)]
    for expected in 1...3 {
      screen = try await session.press("Space")
      #expect(Self.position(screen)?.step == expected, "space \(expected): \(Self.title(screen))")
      steps.append(Self.title(screen))
      if expected == 1 {
        // A caption shows as soon as the line before it has run.
        #expect(screen.contains("# the second hidden neuron"), "the second caption is shown")
      }
    }
    #expect(screen.contains("end of demo"), "the demo reports its end")

    // p goes back one line at a time, each time to the very screen state before that line.
    for expected in stride(from: 2, through: 0, by: -1) {
      screen = try await session.press("p")
      #expect(Self.title(screen) == steps[expected], "p back to step \(expected): \(screen)")
    }
    // And forward again from there.
    screen = try await session.press("Space")
    #expect(Self.title(screen) == steps[1], "space again after p: \(Self.title(screen))")
    try await session.quit()
  }

  /// What one run does, typed and keyed, written by `record`; a fresh run that plays the file
  /// with `source` ends where the first did: the same title bar, the same w_35 and δ_5.
  @Test("record, then source in a fresh run, reproduces the state")
  func recordThenSource() async throws {
    let session = try #require(try await Self.start())
    defer { session.close() }
    let file = session.scratch.appendingPathComponent("recorded.txt")
    try #require(try await Self.launch(session) != nil)

    _ = try await Self.command(session, "record \(file.path)")
    _ = try await Self.command(session, "set eta 0.7")
    _ = try await Self.command(session, "train 3")
    // Keyed, not typed: two micro-steps and a forward pass.
    _ = try await session.press("Space")
    _ = try await session.press("Space")
    _ = try await session.press("f")
    _ = try await Self.command(session, "set w_35 0.41")
    _ = try await session.press("s")
    let first = try await Self.command(session, "get w_35 w_13 delta_5")
    let firstTitle = Self.title(first)
    let firstValues = try #require(Self.valueLines(first), "get answered nothing: \(first)")
    _ = try await Self.command(session, "record off")
    try await session.quit()

    let recorded = try String(contentsOf: file, encoding: .utf8)
    for line in ["set eta 0.7", "train 3", "step", "forward", "set w_35 0.41"] {
      #expect(recorded.contains(line + "\n"), "the recording lacks `\(line)`:\n\(recorded)")
    }

    // A fresh run of the program, which plays the file to its end.
    try session.tmux("send-keys", "-t", session.name, "clear", "Enter")
    _ = await session.waitForScreen { !$0.contains("exit=0") }
    try #require(try await Self.launch(session) != nil)
    var screen = try await Self.command(session, "source \(file.path)")
    for _ in 0..<20 where !screen.contains("end of demo") {
      screen = try await session.press("Space")
    }
    #expect(screen.contains("end of demo"), "the recording never ended: \(screen)")
    let second = try await Self.command(session, "get w_35 w_13 delta_5")
    #expect(Self.title(second) == firstTitle)
    #expect(Self.valueLines(second) == firstValues)
    try await session.quit()
  }

  /// The answer of `get w_35 w_13 delta_5` as the Output pane shows it: its three lines.
  static func valueLines(_ screen: String) -> [String]? {
    let output = ScreenText(screen).box(titled: "Output")?.text ?? ""
    let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let names = ["w_35 =", "w_13 =", "δ_5 ="]
    let found = names.compactMap { name in lines.last { $0.hasPrefix(name) } }
    return found.count == names.count ? found : nil
  }
}
