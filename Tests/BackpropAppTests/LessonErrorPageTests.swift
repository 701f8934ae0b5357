import BackpropCommands
import BackpropLessons
import Foundation
import Testing

@testable import BackpropApp

/// A lesson file with errors, opened in the app: its first diagnostics, whole and wrapped by
/// tokens, in the lesson pane (from the menu) or the output pane (in free play), and the
/// command that lists them all. The file lives in a dictionary (see `World`).
@Suite struct LessonErrorPageTests {
  /// A course folder as long as an installed one (`/home/someone/.local/share/backprop/lessons`).
  static let folder = "/nonexistent-backprop/\(UUID().uuidString.prefix(8))/share/backprop/lessons"
  static let path = folder + "/01-broken.lesson"
  /// Seven unknown directives, one a line after the header.
  static let text =
    "@title Broken\n@section Somewhere\n"
    + (1...7).map { "@nonsense\($0) here" }.joined(separator: "\n") + "\n"

  /// What `backprop check` reports for the file: the parser's own list.
  static func diagnostics() -> [LessonDiagnostic] {
    do throws(LessonParseFailure) {
      _ = try LessonParser.parse(data: Data(text.utf8), file: path, directory: folder)
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// A diagnostic as the page lists it: located by the file's name (the path is in the last line).
  static func located(_ d: LessonDiagnostic) -> String {
    "01-broken.lesson:\(d.line):\(d.column): \(d.message)"
  }

  static func state(width: Int) -> (AppState, World) {
    var state = AppState(width: width, height: 40, startScreen: true)
    var entry = LessonEntry(
      number: 1, fileName: "01-broken.lesson", path: path, title: "Broken",
      section: "Somewhere", diagnostics: [])
    entry.folder = folder
    state.lessons.entries = [entry]
    state.lessons.refreshCatalog()
    var world = World()
    world.files[path] = Data(text.utf8)
    return (state, world)
  }

  /// Rows of a pane read as one text: wrapped lines joined back with spaces.
  static func joined(_ rows: [String]) -> String {
    rows.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .joined(separator: " ")
  }

  @Test func fromTheMenuTheFirstFiveAreAPageOfTheLessonPane() throws {
    let all = Self.diagnostics().filter { !$0.isNote }
    #expect(all.count == 7)
    var (state, world) = Self.state(width: 80)
    // Enter on the menu's first row reads the file at the edge; the errors come back.
    _ = world.send(.key(.enter), &state)
    #expect(world.operations == [.read(path: Self.path)])
    #expect(state.screen == .lesson)
    #expect(state.lessons.runner == nil)
    #expect(state.lessons.catalog.first?.progress == "has errors")

    // The page opens at its top, and all of it is there to scroll through.
    #expect(paneText(state, .lesson).first == "01-broken.lesson has 7 errors and cannot be opened:")
    let rect = try #require(state.layout[.lesson]?.inner)
    let rows = LessonPane.rows(state, width: rect.width).map(\.text)
    #expect(rows.allSatisfy { $0.count <= rect.width && !$0.contains("…") })
    let text = Self.joined(rows)
    #expect(text.hasPrefix("01-broken.lesson has 7 errors"))
    for d in all.prefix(5) {
      // Each whole: the location once, then the message, wrapped only between tokens.
      #expect(text.contains(Self.located(d)))
      #expect(text.components(separatedBy: "01-broken.lesson:\(d.line):").count == 2)
    }
    for d in all.dropFirst(5) { #expect(!text.contains(Self.located(d))) }
    #expect(text.contains("run `backprop check \(Self.path)` for all 7"))
    // The status line says what happened in one short line.
    #expect(state.notice == "01-broken.lesson has 7 errors and cannot be opened:")

    // A second try answers at once from what is known, with the same page.
    let reads = world.operations.count
    _ = world.send(.submit("lesson 1"), &state)
    #expect(world.operations.count == reads)
    #expect(Self.joined(LessonPane.rows(state, width: rect.width).map(\.text)) == text)
  }

  @Test func inFreePlayTheyGoToTheOutputPane() throws {
    let all = Self.diagnostics().filter { !$0.isNote }
    var (state, world) = Self.state(width: 100)
    state.screen = .freePlay
    _ = world.send(.submit("lesson 1"), &state)
    #expect(state.screen == .freePlay)
    let logged = state.output.filter { $0.kind == .error }.map(\.text)
    #expect(
      logged
        == ["01-broken.lesson has 7 errors and cannot be opened:"]
        + all.prefix(5).map(Self.located)
        + ["2 more not shown: run `backprop check \(Self.path)` for all 7"])
    let width = try #require(state.layout[.output]?.inner.width)
    let rows = OutputPane.tail(state, width: width, count: 100).rows.map(\.text)
    #expect(rows.allSatisfy { $0.count <= width })
    let text = Self.joined(rows)
    for d in all.prefix(5) { #expect(text.contains(Self.located(d))) }
  }

  @Test func aFewErrorsAreAllListed() {
    let diagnostics = Self.diagnostics().filter { !$0.isNote }.prefix(2)
    let lines = LessonErrorPage.lines(
      fileName: "01-broken.lesson", path: Self.path, diagnostics: Array(diagnostics))
    #expect(
      lines
        == ["01-broken.lesson has 2 errors and cannot be opened:"]
        + diagnostics.map(Self.located)
        + ["fix the file, then check it with `backprop check \(Self.path)`"])
  }
}
