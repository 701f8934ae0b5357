// The real `backprop` binary in a real terminal (tmux): what a person sees and types.

import Foundation
import Testing

@Suite(
  "backprop in tmux",
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct BackpropTUITests {
  typealias LocaleSetting = TerminalRestoreTests.LocaleSetting

  static func start(_ locale: LocaleSetting) async throws -> PaneSession? {
    try await PaneSession.start(locale: locale, binaryName: "backprop", override: "BACKPROP_BINARY")
  }

  /// Free play on Mazur's network: a full forward and backward pass by keys, then δ_5 read off
  /// the screen (0.138498562 to the digits shown), a resize, and quitting with the tty restored.
  @Test("Steps Mazur's network and shows δ_5", arguments: LocaleSetting.allCases)
  func stepsMazursNetwork(locale: LocaleSetting) async throws {
    let session = try #require(try await Self.start(locale))
    defer { session.close() }
    let before = try session.sttyState()
    try session.launchDemo(
      arguments: "--no-progress", environment: "HOME='\(session.scratch.path)'")
    #expect(
      await session.waitForScreen { $0.contains("Free play") } != nil,
      "the start screen never appeared")
    try session.tmux("send-keys", "-t", session.name, "f")  // free play
    #expect(await session.waitForScreen { $0.contains("Network 2-2-2") } != nil)
    try session.tmux("send-keys", "-t", session.name, "f")  // forward pass
    // Wait for the whole frame: a capture can land between two writes of one redraw.
    let forward = await session.waitForScreen {
      $0.contains("backward 0/12") && $0.contains("0.75137")
    }
    #expect(forward != nil, "o_5 = 0.75137 after the forward pass")
    try session.tmux("send-keys", "-t", session.name, "b")  // backward pass
    // δ_5 = 0.138498562, shown to 5 significant digits.
    let screen = try #require(
      await session.waitForScreen { $0.contains("update 0/8") && $0.contains("0.13850") })
    #expect(screen.contains("δ") || screen.contains("d_"))

    try session.tmux("resize-window", "-t", session.name, "-x", "120", "-y", "40")
    #expect(
      await session.waitForScreen {
        $0.split(separator: "\n").contains { $0.count >= 118 && $0.contains("Values") }
      } != nil)
    try session.tmux("resize-window", "-t", session.name, "-x", "60", "-y", "20")
    #expect(await session.waitForScreen { $0.contains("enlarge") || $0.contains("Please") } != nil)
    try session.tmux("resize-window", "-t", session.name, "-x", "100", "-y", "30")

    try session.tmux("send-keys", "-t", session.name, "q")
    #expect(await session.waitForScreen { $0.contains("exit=0") } != nil)
    #expect(try session.sttyState() == before)
  }

  /// Typing a command on the command line, with a mistake that is pointed out.
  @Test("Command line with an error", arguments: [LocaleSetting.utf8])
  func commandLine(locale: LocaleSetting) async throws {
    let session = try #require(try await Self.start(locale))
    defer { session.close() }
    try session.launchDemo(
      arguments: "--no-progress", environment: "HOME='\(session.scratch.path)'")
    #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
    try session.tmux("send-keys", "-t", session.name, "f", ":")
    try session.tmux("send-keys", "-t", session.name, "-l", "set w_35 abc")
    try session.tmux("send-keys", "-t", session.name, "Enter")
    #expect(await session.waitForScreen { $0.contains("column 10") && $0.contains("abc") } != nil)
    try session.tmux("send-keys", "-t", session.name, ":")
    try session.tmux("send-keys", "-t", session.name, "-l", "explain next")
    try session.tmux("send-keys", "-t", session.name, "Enter")
    #expect(await session.waitForScreen { $0.contains("next: net_3") } != nil)
    try session.tmux("send-keys", "-t", session.name, "C-c")
    #expect(await session.waitForScreen { $0.contains("exit=0") } != nil)
  }

  /// Ctrl-C and SIGTERM leave the terminal as it was.
  @Test("Ctrl-C and SIGTERM restore the terminal", arguments: LocaleSetting.allCases)
  func restoresTerminal(locale: LocaleSetting) async throws {
    for signal in ["C-c", "TERM"] {
      let session = try #require(try await Self.start(locale))
      defer { session.close() }
      let before = try session.sttyState()
      try session.launchDemo(
        arguments: "--no-progress", environment: "HOME='\(session.scratch.path)'")
      #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
      if signal == "C-c" {
        try session.tmux("send-keys", "-t", session.name, "C-c")
      } else {
        let pid = try #require(session.demoPID())
        kill(pid, SIGTERM)
      }
      #expect(
        await session.waitForScreen { $0.contains("exit=") } != nil, "\(signal): never exited")
      #expect(try session.sttyState() == before, "\(signal) left the terminal changed")
    }
  }

  /// `--ascii` draws the same screen with ASCII only (d_5 for δ_5, +-| boxes).
  @Test func asciiScreen() async throws {
    let session = try #require(try await Self.start(.unset))
    defer { session.close() }
    try session.launchDemo(
      arguments: "--no-progress --ascii", environment: "HOME='\(session.scratch.path)'")
    #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
    try session.tmux("send-keys", "-t", session.name, "f", "f", "b")
    let screen = try #require(
      await session.waitForScreen {
        $0.contains("update 0/8") && $0.contains("+ Network 2-2-2 -") && $0.contains("d_")
      })
    #expect(screen.contains("+ Network 2-2-2 -"))
    #expect(screen.contains("d_5") || screen.contains("d_3"))
    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
    try session.tmux("send-keys", "-t", session.name, "q")
    #expect(await session.waitForScreen { $0.contains("exit=0") } != nil)
  }

  /// Without a terminal the interface refuses clearly and points at --headless.
  @Test func notATerminal() throws {
    let binary = try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY"))
    let result = try E2E.run(
      "/bin/sh", ["-c", "'\(binary)' --no-progress < /dev/null 2>&1; echo status=$?"])
    #expect(result.output.contains("--headless"))
    #expect(result.output.contains("status=2"))
  }
}

@Suite(
  "backprop lessons in tmux",
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct BackpropLessonTUITests {
  /// The first lesson by keys: open it from the start screen, go to its first question, answer
  /// wrongly (a hint appears), then rightly (the feedback appears).
  @Test(
    "Walks the first lesson to its first question",
    arguments: TerminalRestoreTests.LocaleSetting.allCases)
  func firstLessonFirstQuestion(locale: TerminalRestoreTests.LocaleSetting) async throws {
    let session = try #require(try await BackpropTUITests.start(locale))
    defer { session.close() }
    let before = try session.sttyState()
    try session.launchDemo(
      arguments: "--no-progress", environment: "HOME='\(session.scratch.path)'")
    #expect(
      await session.waitForScreen { $0.contains("One linear neuron") } != nil,
      "the lesson menu never appeared")
    try session.tmux("send-keys", "-t", session.name, "Enter")
    #expect(await session.waitForScreen { $0.contains("page 1 of") } != nil)
    // Space reads the page to its end first, then turns it.
    var turned = false
    for _ in 0..<12 where !turned {
      try session.tmux("send-keys", "-t", session.name, "Space")
      turned =
        await session.waitForScreen(timeout: 0.5) {
          $0.contains("page 2 of") && $0.contains("answer>")
        } != nil
    }
    #expect(turned)
    try session.tmux("send-keys", "-t", session.name, "0", "Enter")
    #expect(
      await session.waitForScreen { $0.contains("Hint:") } != nil, "a wrong answer gives a hint")
    try session.tmux("send-keys", "-t", session.name, "1", "Enter")
    #expect(
      await session.waitForScreen {
        $0.contains("1·0.5 + 1·0.5 = 1") || $0.contains("1*0.5 + 1*0.5 = 1")
      } != nil)
    // Leaving an unfinished lesson asks first.
    try session.tmux("send-keys", "-t", session.name, "Escape")
    try await Task.sleep(for: .milliseconds(100))
    try session.tmux("send-keys", "-t", session.name, "q")
    #expect(await session.waitForScreen { $0.contains("Quit?") } != nil)
    try session.tmux("send-keys", "-t", session.name, "y")
    #expect(await session.waitForScreen { $0.contains("exit=0") } != nil)
    #expect(try session.sttyState() == before)
  }
}
