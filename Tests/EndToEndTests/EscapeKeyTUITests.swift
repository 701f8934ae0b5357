// Escape, Alt chords and Home/End in a real terminal (tmux) under TERM=xterm-256color, whose
// terminfo does not list the `ESC [ 1 ~` / `ESC [ 4 ~` that tmux sends for Home and End. Before,
// Escape or any Alt chord quit free play at once, and Home/End did too (or typed `[4~` into the
// command line).

import Foundation
import Testing

@Suite(
  "Escape and escape sequences in tmux", .serialized,
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct EscapeKeyTUITests {
  @Test("Esc, M-x, Home and End do not quit free play or type text")
  func escapeSequencesAreKeys() async throws {
    let session = try #require(
      try await PaneSession.start(
        locale: .utf8, binaryName: "backprop", override: "BACKPROP_BINARY"))
    defer { session.close() }
    try session.tmux("resize-window", "-t", session.name, "-x", "80", "-y", "24")
    try session.launchDemo(
      arguments: "--no-progress",
      environment: "TERM=xterm-256color HOME='\(session.scratch.path)'")
    #expect(await session.waitForFrame { $0.contains("Free play") } != nil)
    _ = try await session.press("f")
    #expect(await session.waitForFrame { $0.contains("Network") } != nil)
    for key in ["Escape", "M-x", "Home", "End", "PPage", "NPage"] {
      _ = try await session.press(key)
      try await Task.sleep(for: .milliseconds(300))
      let screen = session.capture()
      #expect(!screen.contains("exit="), "\(key) quit free play")
      #expect(screen.contains("Network"), "\(key): \(screen)")
    }
    // On the command line, Home and End move the cursor and type nothing.
    _ = try await session.press(":")
    try session.tmux("send-keys", "-t", session.name, "-l", "step")
    _ = try await session.press("Home")
    _ = try await session.press("End")
    try await Task.sleep(for: .milliseconds(300))
    let line = session.capture()
    #expect(line.contains("step"))
    #expect(!line.contains("[1~") && !line.contains("[4~") && !line.contains("~"), "\(line)")
    _ = try await session.press("Escape")
    try await session.quit()
  }
}
