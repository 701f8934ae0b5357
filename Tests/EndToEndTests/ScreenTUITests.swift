// The screen's panes in a real terminal (tmux) at the smallest supported size, 80×24: scrolling
// the output, zooming a pane, giving the keys back at a lesson question, and paging a lesson
// beside a plot to the end of its page.
//
// Expected text is taken from the program itself (`--headless`) or from the lesson file, so the
// tests follow the wording; what they pin is what the screen does with it.

import Foundation
import Testing

/// The cases run one after another: eight tmux servers and debug builds starting at once, beside
/// the rest of the suite on a small shared machine, made the start screen late past any timeout.
@Suite(
  "The screen in tmux: scrolling, zoom, lesson keys", .serialized,
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct ScreenTUITests {
  typealias LocaleSetting = TerminalRestoreTests.LocaleSetting

  /// backprop on its start menu in an 80×24 window.
  static func launch(_ locale: LocaleSetting) async throws -> PaneSession? {
    guard
      let session = try await PaneSession.start(
        locale: locale, binaryName: "backprop", override: "BACKPROP_BINARY")
    else { return nil }
    try session.tmux("resize-window", "-t", session.name, "-x", "80", "-y", "24")
    guard try await session.launchToMenu() else {
      session.close()
      return nil
    }
    return session
  }

  /// What `backprop --headless` answers to `commands`, one line each.
  static func headless(_ commands: [String]) throws -> [String] {
    let binary = try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY"))
    let input = commands.joined(separator: "\n")
    let result = try E2E.run(
      "/bin/sh", ["-c", "printf '%s\\n' \"$1\" | \"$2\" --headless", "sh", input, binary])
    #expect(result.status == 0, "backprop --headless failed on \(commands)")
    return result.output.split(separator: "\n").map(String.init)
  }

  /// The Output pane's help, scrolled back with PgUp and forward again with End.
  @Test("PgUp and End scroll the Output pane at 80×24", arguments: LocaleSetting.allCases)
  func scrollsOutput(locale: LocaleSetting) async throws {
    let help = try Self.headless(["help"])
    // A help line as the pane shows it: the start of the line (wide lines scroll sideways).
    func shown(_ line: String) -> String {
      String(line.prefix(60)).trimmingCharacters(in: .whitespaces)
    }
    let newest = shown(try #require(help.last))
    // The output pane has 4 rows inside its box at 80×24, so the fifth line from the end is out
    // of sight until the pane is scrolled back.
    let earlier = shown(help[help.count - 5])
    try #require(help.count > 20, "help is long enough to scroll")

    let session = try #require(try await Self.launch(locale))
    defer { session.close() }
    _ = try await session.press("f")
    _ = try await session.press(":")
    try session.type("help")
    let answered = try #require(
      await session.waitForFrame {
        $0.contains(newest) && ScreenText($0).box(titled: "Output")?.top.contains("more") == true
      }, "the newest help line never appeared in the Output pane")
    let before = try #require(ScreenText(answered).box(titled: "Output"))
    #expect(!before.text.contains(earlier), "the pane is too tall for this test")
    #expect(!before.bottom.contains("more"), "nothing below the newest line")

    var back = try await session.press("PPage")
    for _ in 0..<4 where !back.contains(earlier) {
      back = try await session.press("PPage")
    }
    let scrolled = try #require(ScreenText(back).box(titled: "Output"))
    #expect(scrolled.text.contains(earlier), "PgUp shows earlier lines")
    #expect(!scrolled.text.contains(newest), "PgUp moved the newest line out of sight")
    #expect(
      scrolled.bottom.contains(locale.down) && scrolled.bottom.contains("more"),
      "\(scrolled.bottom)")
    #expect(scrolled.top.contains(locale.up) && scrolled.top.contains("more"), "\(scrolled.top)")

    let end = try await session.press("End")
    let returned = try #require(ScreenText(end).box(titled: "Output"))
    #expect(returned.text.contains(newest), "End returns to the newest line")
    #expect(!returned.bottom.contains("more"), "\(returned.bottom)")
    try await session.quit()
  }

  /// Z zooms the focused pane and brings the layout back; `zoom values` and Esc do the same.
  @Test("Z and `zoom` let a pane fill the screen", arguments: LocaleSetting.allCases)
  func zoomsPanes(locale: LocaleSetting) async throws {
    let session = try #require(try await Self.launch(locale))
    defer { session.close() }
    let layout = try await session.press("f")
    #expect(ScreenText(layout).box(titled: "Network") != nil)
    #expect(ScreenText(layout).box(titled: "Values") != nil)

    // Free play starts with the Output pane focused; Tab goes round to the network.
    _ = try await session.press("Tab")
    let zoomed = try await session.press("Z")
    let network = try #require(ScreenText(zoomed).box(titled: "Network"), "\(zoomed)")
    #expect(network.x == 0 && network.width == 80, "the Network box spans the screen")
    #expect(network.top.contains("zoomed"))
    #expect(ScreenText(zoomed).box(titled: "Values") == nil, "the Values pane is hidden")
    #expect(ScreenText(zoomed).box(titled: "Output") == nil, "the Output pane is hidden")

    let restored = try await session.press("Z")
    let back = try #require(ScreenText(restored).box(titled: "Network"), "\(restored)")
    #expect(back.width < 80 && !back.top.contains("zoomed"))
    #expect(ScreenText(restored).box(titled: "Values") != nil)

    _ = try await session.press(":")
    try session.type("zoom values")
    let values = try #require(
      await session.waitForFrame { ScreenText($0).box(titled: "Values")?.width == 80 },
      "`zoom values` did not let the Values pane fill the screen")
    #expect(ScreenText(values).box(titled: "Network") == nil)

    let escaped = try await session.press("Escape")
    #expect(ScreenText(escaped).box(titled: "Network") != nil, "Esc leaves the zoom")
    #expect((ScreenText(escaped).box(titled: "Values")?.width ?? 80) < 80)
    try await session.quit()
  }

  /// At a lesson question Esc leaves the answer line, and `s` then runs a micro-step instead of
  /// being typed as an answer.
  // The formula it waits for is printed by the headless binary in Unicode: UTF-8 only.
  @Test("Esc at a lesson question gives the keys back to s", arguments: [LocaleSetting.utf8])
  func escapeAtQuestionThenStep(locale: LocaleSetting) async throws {
    // Lesson 3 loads Mazur's example; its first question comes before its first step.
    let formula = try #require(
      try Self.headless(["example mazur", "step"]).first { $0.hasPrefix("net_3 =") })

    let session = try #require(try await Self.launch(locale))
    defer { session.close() }
    _ = try await session.press("Down")
    let menu = try await session.press("j")
    let chosen = try #require(menu.split(separator: "\n").first { $0.contains(locale.selected) })
    #expect(chosen.contains("03"), "the third lesson is selected: \(chosen)")
    var screen = try await session.press("Enter")
    #expect(screen.contains("page 1 of"), "lesson 3 opened")
    for _ in 0..<12 where !ScreenText(screen).commandLine.hasPrefix("answer>") {
      screen = try await session.press("Space")
    }
    #expect(ScreenText(screen).commandLine.hasPrefix("answer>"), "the first question never came")
    #expect(ScreenText(screen).box(titled: "Equation")?.text.contains(formula) == false)

    let dismissed = try await session.press("Escape")
    #expect(!ScreenText(dismissed).commandLine.hasPrefix("answer>"), "Esc leaves the answer line")
    #expect(ScreenText(dismissed).box(titled: "Lesson") != nil, "Esc does not leave the lesson")

    _ = try await session.press("s")
    let stepped = try #require(
      await session.waitForFrame {
        ScreenText($0).box(titled: "Equation")?.text.contains(formula) == true
      }, "s did not run the micro-step net_3")
    #expect(!stepped.contains("is not a number"))
  }

  /// PgDn in a lesson page beside the surface plot reaches the page's last line: the lesson pane
  /// is narrower there, and the key must page by the rectangle the view draws in.
  // The expected lines are read in Unicode from the lesson file, so this runs under UTF-8; the
  // ASCII screen's markers are covered by the output-scrolling test.
  @Test("PgDn reaches the end of a lesson page beside a plot", arguments: [LocaleSetting.utf8])
  func pagesLessonBesidePlot(locale: LocaleSetting) async throws {
    // The surface page ends with its question's last option, the line before `@answer`.
    let lesson = try String(
      contentsOf: E2E.packageRoot.appendingPathComponent("lessons/01-linear-neuron.lesson"),
      encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let plot = try #require(lesson.firstIndex(of: "> plot surface"))
    let answer = try #require(lesson[plot...].firstIndex { $0.hasPrefix("@answer") })
    let lastLine = lesson[answer - 1]

    let session = try #require(try await Self.launch(locale))
    defer { session.close() }
    var screen = try await session.press("Enter")  // lesson 1, first on the menu
    #expect(screen.contains("page 1 of"), "lesson 1 opened")
    // Space reads and turns the pages; questions on the way are skipped.
    for _ in 0..<30 where ScreenText(screen).box(titled: "Plot: surface") == nil {
      if ScreenText(screen).commandLine.hasPrefix("answer>") {
        let before = session.styledCapture()
        try session.type("skip")
        screen = await session.settle(changedFrom: before)
      } else {
        screen = try await session.press("Space")
      }
    }
    let page = try #require(ScreenText(screen).box(titled: "Lesson"), "\(screen)")
    let plotBox = try #require(
      ScreenText(screen).box(titled: "Plot: surface"), "never reached the plot: \(screen)")
    #expect(page.x + page.width <= plotBox.x, "the lesson sits beside the plot")

    // Back to the top of the page, where its end is out of sight.
    for _ in 0..<10 where ScreenText(screen).box(titled: "Lesson")?.top.contains(locale.up) == true
    {
      screen = try await session.press("PPage")
    }
    let top = try #require(ScreenText(screen).box(titled: "Lesson"))
    #expect(!top.top.contains(locale.up), "PgUp reaches the top of the page")
    #expect(top.bottom.contains(locale.down), "the page is longer than the pane")
    #expect(!top.text.contains(lastLine))

    for _ in 0..<10
    where ScreenText(screen).box(titled: "Lesson")?.bottom.contains(locale.down) == true {
      screen = try await session.press("NPage")
    }
    let end = try #require(ScreenText(screen).box(titled: "Lesson"))
    #expect(!end.bottom.contains(locale.down), "PgDn reaches the end of the page")
    #expect(end.text.contains(lastLine), "the page's last line is on screen: \(end.text)")
  }
}

/// A captured screen, read the way a person reads it: by its boxes and its bottom lines.
struct ScreenText {
  let lines: [String]

  init(_ screen: String) {
    lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The command line: the second line from the bottom of the 24-line screen.
  var commandLine: String {
    let rows = lines.count >= 24 ? Array(lines.prefix(24)) : lines
    return rows.count >= 2 ? rows[rows.count - 2] : ""
  }

  /// One pane's box: its border lines and the text between them.
  struct Box {
    var x: Int
    var width: Int
    var top: String
    var bottom: String
    var text: String
  }

  /// The box whose top border starts with `┌ title` (or `+ title` in ASCII), found by columns.
  func box(titled title: String) -> Box? {
    for (row, line) in lines.enumerated() {
      let cells = Array(line)
      for x in cells.indices where cells[x] == "┌" || cells[x] == "+" {
        let rest = String(cells[x...])
        guard rest.dropFirst().hasPrefix(" " + title) else { continue }
        // The box ends at its top-right corner, the first one after the title.
        let end =
          cells[(x + 1)...].firstIndex { $0 == "┐" || $0 == "+" }.map { $0 + 1 } ?? cells.count
        var inside: [String] = []
        var bottom = ""
        for below in lines[(row + 1)...] {
          let c = Array(below)
          guard c.count > x else { break }
          if c[x] == "└" || c[x] == "+" {
            bottom = String(c[x..<min(end, c.count)])
            break
          }
          inside.append(String(c[(x + 1)..<min(end - 1, c.count)]))
        }
        return Box(
          x: x, width: end - x, top: String(cells[x..<end]), bottom: bottom,
          text: inside.joined(separator: "\n"))
      }
    }
    return nil
  }
}

extension PaneSession {
  /// Sends tmux key names (`Enter`, `PPage`, `Z`) and returns the frame they cause.
  func press(_ key: String) async throws -> String {
    let before = styledCapture()
    try tmux("send-keys", "-t", name, key)
    return await settle(changedFrom: before)
  }

  /// The screen with its attributes as escape sequences, so that a change of focus (a bold
  /// border) counts as a change.
  func styledCapture() -> String {
    (try? tmux("capture-pane", "-p", "-e", "-t", name)) ?? ""
  }

  /// Types `text` literally and presses Enter.
  func type(_ text: String) throws {
    try tmux("send-keys", "-t", name, "-l", text)
    try tmux("send-keys", "-t", name, "Enter")
  }

  /// Waits for the screen (`styledCapture`) to change from `before` and then hold still for a
  /// moment: one redraw can reach tmux in several writes, and a capture between them shows half
  /// a frame. Returns the text of the screen then, or after `timeout` seconds if it never
  /// settles on something new.
  func settle(changedFrom before: String, timeout: Double = 5) async -> String {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var last = styledCapture()
    while ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(120))
      let next = styledCapture()
      if next != before && next == last { break }
      last = next
    }
    return capture()
  }

  /// Like `waitForScreen`, but only a whole frame counts: the predicate must hold on two
  /// captures in a row that are the same.
  func waitForFrame(timeout: Double = 30, _ predicate: (String) -> Bool) async -> String? {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var last = ""
    while ContinuousClock.now < deadline {
      let screen = capture()
      if screen == last && predicate(screen) { return screen }
      last = screen
      try? await Task.sleep(for: .milliseconds(100))
    }
    return nil
  }

  /// Quits with q and checks that the program ended normally.
  func quit() async throws {
    try tmux("send-keys", "-t", name, "q")
    #expect(await waitForScreen { $0.contains("exit=0") } != nil, "q did not quit")
  }
}
