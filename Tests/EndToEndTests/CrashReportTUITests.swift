// A crash inside backprop's own code, in a real terminal (tmux): issue 10, "Keep it from coming
// back". The terminal must be restored at once, a short report written after it (no Swift
// backtracer prompt), and the process must die by the signal.

import Foundation
import Testing

@Suite(
  "A crash of backprop in tmux",
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct CrashReportTUITests {
  /// `BACKPROP_DEBUG_CRASH=1` makes `!` trap (as a failed precondition does); `SWIFT_BACKTRACE`
  /// is unset, as on a student's machine, where the runtime's backtracer would prompt.
  @Test func aTrapRestoresTheTerminalReportsAndDiesByTheSignal() async throws {
    let session = try #require(try await BackpropTUITests.start(.utf8))
    defer { session.close() }
    let before = try session.sttyState()
    try session.launchDemo(
      arguments: "--no-progress",
      environment: "HOME='\(session.scratch.path)' BACKPROP_DEBUG_CRASH=1", backtrace: nil)
    #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
    try session.tmux("send-keys", "-t", session.name, "!")
    // A trap is SIGILL on x86_64 and SIGTRAP on arm64: status 128 + 4 or 128 + 5. The
    // backtracer's prompt would have held the process for 30 seconds; 10 is plenty without it.
    let after = try #require(
      await session.waitForScreen(timeout: 10) {
        $0.contains("exit=132") || $0.contains("exit=133")
      }, "backprop did not die by the trap's signal")
    #expect(after.contains("crashed on purpose"), "the runtime's fatal error line was lost")
    #expect(after.contains("backprop: crashed (signal"), "no crash report")
    #expect(after.contains("a bug in backprop; the terminal has been restored."))
    #expect(!after.contains("Free play"), "the alternate screen was not left")
    #expect(!after.lowercased().contains("press space"), "the backtracer prompted")
    #expect(try session.sttyState() == before)
  }

  /// Without the variable, `!` is an ordinary key.
  @Test func withoutTheVariableTheKeyDoesNotCrash() async throws {
    let session = try #require(try await BackpropTUITests.start(.utf8))
    defer { session.close() }
    try session.launchDemo(
      arguments: "--no-progress", environment: "HOME='\(session.scratch.path)'", backtrace: nil)
    #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
    try session.tmux("send-keys", "-t", session.name, "!")
    #expect(await session.waitForScreen(timeout: 1.5) { $0.contains("exit=") } == nil)
    let pid = try #require(session.demoPID())
    kill(pid, SIGTERM)
    #expect(await session.waitForScreen { $0.contains("exit=143") } != nil)
  }
}
