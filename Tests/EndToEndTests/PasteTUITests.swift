// A paste into the command line of the real binary (tmux): keys that are already waiting are
// handled before the next frame, so a 10 kB paste is answered at once. With a frame per
// character it took about 24 s (issue 10: "a 10 kB paste freezes the TUI").

import Foundation
import Testing

@Suite(
  "A long paste in tmux", .serialized,
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct PasteTUITests {
  @Test func aTenKilobytePasteIsAnsweredWithoutFreezing() async throws {
    guard
      let session = try await PaneSession.start(
        locale: .utf8, binaryName: "backprop", override: "BACKPROP_BINARY")
    else { return }
    defer { session.close() }
    guard try await session.launchToMenu() else { return }
    _ = try await session.press("f")
    _ = try await session.press(":")
    try session.type("step " + String(repeating: "9", count: 10_000))
    // Well above what the paste costs now and well below what it cost a frame per character.
    let answer = await session.waitForFrame(timeout: 10) { $0.contains("too large") }
    #expect(answer != nil, "no answer within 10 s; the screen was:\n\(session.capture())")
    // The long line is gone from the command line and the program still runs.
    #expect(session.capture().contains("the largest allowed is 10000"))
    #expect(!session.capture().contains("exit="))
  }
}
