import BackpropCommands
import BackpropLessons

/// What opening a lesson file with errors shows: the first few diagnostics, each whole as
/// `file:line:column: message`, and the command that lists them all.
///
/// One status line cannot hold a path, a location and a message (it was cut at the screen edge),
/// so the diagnostics get a page of their own in the lesson pane, where they wrap by tokens, or
/// lines of their own in the output pane when the lesson was asked for in free play.
enum LessonErrorPage {
  /// How many diagnostics the page lists; `backprop check` lists them all.
  static let shownLimit = 5

  static func lines(fileName: String, path: String, diagnostics: [LessonDiagnostic]) -> [String] {
    // Notes explain the error before them; the page has room for the errors themselves.
    let errors = diagnostics.filter { !$0.isNote }
    let listed = errors.isEmpty ? diagnostics : errors
    let count = max(1, errors.count)
    var lines = ["\(fileName) has \(counted(count, "error")) and cannot be opened:"]
    // Each located by the file's name: the path is said once, in the command at the end, so
    // a location is never doubled nor cut at the pane's edge.
    lines += listed.prefix(shownLimit).map { d in
      var short = d
      short.file = fileName
      return short.description
    }
    if listed.isEmpty { lines.append("\(path): the file could not be read") }
    if errors.count > shownLimit {
      lines.append(
        "\(errors.count - shownLimit) more not shown: run `backprop check \(path)` for all \(errors.count)"
      )
    } else {
      lines.append("fix the file, then check it with `backprop check \(path)`")
    }
    return lines
  }

  /// Shows the errors of `entry`'s file: a page in the lesson pane (from the menu or a lesson),
  /// or lines in the output pane (in free play). A lesson that was open stays saved where it was.
  static func show(
    _ entry: LessonEntry, _ diagnostics: [LessonDiagnostic], line: String,
    _ state: inout AppState
  ) -> LineResult {
    let page = lines(fileName: entry.fileName, path: entry.path, diagnostics: diagnostics)
    var result = AppCommands.failure(CommandError(column: 1, message: page[0]), line: line)
    result.lines = page
    if state.screen != .freePlay {
      result.effect = LessonController.save(&state)
      state.lessons.runner = nil
      state.lessons.activeFileName = nil
      state.lessons.errorPage = page
      state.scroll[.lesson] = nil
      state.horizontalScroll[.lesson] = nil
      state.lessons.followsEnd = false
      state.screen = .lesson
      state.isEditing = false
    }
    return result
  }
}
