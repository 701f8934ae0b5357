// Long jobs in a real terminal (tmux): any key stops `train` and `gradcheck` at once, and the
// key that stops a job does nothing else (it does not land on the command line or run a step).
//
// The data set is large (2,000 samples on a 2-16-16-1 network), so the jobs run far longer than
// the test waits: a job that only noticed the key at its end would fail the 2-second limit.

import Foundation
import Testing

@Suite(
  "Any key stops a long job in tmux", .serialized,
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct JobKeysTUITests {
  /// Free play with the network and data of the tester's report, ready for a long job.
  static func launch() async throws -> PaneSession? {
    guard
      let session = try await PaneSession.start(
        locale: .utf8, binaryName: "backprop", override: "BACKPROP_BINARY")
    else { return nil }
    guard try await session.launchToMenu() else {
      session.close()
      return nil
    }
    _ = try await session.press("f")
    for line in ["network 2-16-16-1 logistic seed=1", "data spiral n=2000 seed=1"] {
      _ = try await session.press(":")
      try session.type(line)
    }
    guard
      await session.waitForFrame(
        timeout: 10, { $0.contains("2000 samples") || $0.contains("n=2000") }) != nil
    else {
      Issue.record("the data did not load; the screen was:\n\(session.capture())")
      session.close()
      return nil
    }
    return session
  }

  /// The lines of the screen, trimmed.
  static func lines(_ screen: String) -> [String] {
    screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// Starts `line` as a job, waits until its progress shows, presses `key`, and answers the
  /// screen once `stopped` holds; records an issue (with the screen) if that takes over 2 s.
  static func stop(
    _ session: PaneSession, _ line: String, running: String, with key: String,
    stopped: @escaping (String) -> Bool
  ) async throws -> String? {
    _ = try await session.press(":")
    try session.type(line)
    guard await session.waitForScreen(timeout: 20, { $0.contains(running) }) != nil else {
      Issue.record("`\(line)` never showed its progress; the screen was:\n\(session.capture())")
      return nil
    }
    let pressed = ContinuousClock.now
    try session.tmux("send-keys", "-t", session.name, key)
    let screen = await session.waitForScreen(timeout: 2) { stopped($0) && !$0.contains(running) }
    guard let screen else {
      Issue.record(
        "\(key) did not stop `\(line)` within 2 s; the screen was:\n\(session.capture())")
      return nil
    }
    #expect(ContinuousClock.now - pressed < .seconds(2))
    return screen
  }

  @Test("a key stops `train` at once and is not typed", arguments: ["x", "Space", "C-c", "Enter"])
  func stopsTraining(key: String) async throws {
    let session = try #require(try await Self.launch())
    defer { session.close() }
    let screen = try #require(
      try await Self.stop(session, "train 1000000", running: "training: epoch", with: key) {
        $0.contains("interrupted after")
      })
    // The key only stopped the job: nothing was typed, no step run, the program still going.
    #expect(
      !Self.lines(screen).contains { $0.hasSuffix("> x") }, "the x landed on the command line")
    let title = Self.lines(screen).first ?? ""
    try await Task.sleep(for: .milliseconds(800))
    #expect(Self.lines(session.capture()).first == title, "the run moved on after the key")
    #expect(!session.capture().contains("exit="), "the key ended the program")
    try await session.quit()
  }

  @Test("a key stops `gradcheck` at once and runs no step")
  func stopsGradcheck() async throws {
    let session = try #require(try await Self.launch())
    defer { session.close() }
    let before = Self.lines(session.capture()).first ?? ""
    let screen = try #require(
      try await Self.stop(session, "gradcheck", running: "running `gradcheck`", with: "Space") {
        $0.contains("stopped `gradcheck`")
      })
    // Space stopped the check and did not also run `step`: the position is where it was.
    try await Task.sleep(for: .milliseconds(800))
    #expect(Self.lines(session.capture()).first == before, "space ran a step after stopping")
    #expect(Self.lines(screen).first == before)
    try await session.quit()
  }
}
