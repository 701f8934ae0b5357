import Testing

extension PaneSession {
  /// Starts backprop with a private HOME and no saved progress, and waits for its start menu (a
  /// debug build starts slowly while the rest of the suite runs beside it). Records an issue
  /// with the screen and answers false when the menu never appears.
  func launchToMenu(arguments: String = "") async throws -> Bool {
    try launchDemo(
      arguments: "--no-progress \(arguments)", environment: "HOME='\(scratch.path)'")
    guard await waitForFrame(timeout: 30, { $0.contains("Free play") }) != nil else {
      Issue.record("the start menu never appeared; the screen was:\n\(capture())")
      return false
    }
    return true
  }
}
