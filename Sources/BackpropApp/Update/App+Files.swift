import BackpropCommands
import FoundationEssentials

/// The second half of the commands that need files: what `update` does with `.fileDone`.
extension App {
  /// Finishes the file operation `task` given its outcome, and answers as `submit` would have,
  /// so the headless runner can print it where the command's answer belongs.
  public static func receive(
    _ task: FileTask, _ outcome: Result<Data, FileError>, _ state: inout AppState
  ) -> LineResult {
    var result = LineResult(lines: [], isError: false, json: "", effect: .none, logs: false)
    switch task.purpose {
    case .progress:
      if case .failure(let error) = outcome {
        state.lessons.store.writeFailed(error)
        let warnings = state.lessons.store.takeWarnings()
        if !warnings.isEmpty { state.notice = warnings.joined(separator: "; ") }
      }
      return result
    case .progressReread:
      if case .success(let data) = outcome {
        state.lessons.store.mergeReread(data)
        state.lessons.refreshCatalog()
      }
      return result
    case .command(let request, let line):
      switch state.session.complete(request, with: outcome) {
      case .success(let output): result = AppCommands.sessionSuccess(line, output)
      case .failure(let error): result = AppCommands.failure(error, line: line)
      }
    case .demo(let name):
      result = receiveDemo(name, outcome, &state)
      if !result.logs { return result }
    case .recording:
      guard case .failure(let failure) = outcome, let path = state.recording?.path else {
        return result
      }
      state.recording = nil
      result = AppCommands.failure(
        CommandError(
          column: 8, message: "cannot write \(path) (\(describe(failure))); recording stopped"),
        line: "record \(path)")
    case .openLesson(let fileName, let line):
      result = LessonController.opened(fileName, outcome, line: line, &state)
    case .lessonSave(let request):
      guard case .failure(let failure) = outcome else { return result }
      result = AppCommands.failure(request.error(failure), line: "save \(request.name)")
    }
    state.log(result.lines, kind: result.isError ? .error : .output)
    if result.isError { state.notice = result.lines.first }
    return result
  }
}
