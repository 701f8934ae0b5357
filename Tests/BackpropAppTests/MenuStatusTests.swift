@testable import BackpropApp
import Foundation
import Testing
import TextGrid

/// Back on the start menu with `m`, the status line shows the menu's keys, not the lesson's last
/// message (which it kept before).
@Suite struct MenuStatusTests {
  @Test(arguments: [(80, 24), (100, 30), (120, 40), (200, 60)])
  func theMenuShowsItsOwnKeys(_ size: (Int, Int)) {
    var s = ScreenDefectTests.course(width: size.0, height: size.1)
    App.submit("lesson 1", &s)
    #expect(s.screen == .lesson)
    App.submit("nosuchcommand", &s)
    #expect(s.notice != nil)
    _ = App.update(&s, .key(.escape))
    _ = App.update(&s, .key(.character("m")))
    guard case .start = s.screen else {
      Issue.record("m did not open the menu: \(s.screen)")
      return
    }
    let status = Views.render(s).lines.last ?? ""
    #expect(status.contains("↑↓ choose"), "\(status)")
  }
}
