import BackpropCommands
import BackpropLessons
import FoundationEssentials

/// `--headless --lesson FILE`: the lesson as a transcript, answers from standard input.
///
/// A headless run is usually an author or a script trying a lesson, so it keeps no progress
/// unless asked (`--progress`): it must not overwrite the place a student reached in the TUI.
struct HeadlessLessonRun {
  var path: String
  var startPoint: LessonStartPoint?
  var keepsProgress: Bool
  var output: Output

  mutating func run() -> Int32 {
    let parsed: Lesson
    do { parsed = try Lesson.load(path: path) } catch {
      // The same status as `backprop check` gives the same file: the lesson failed.
      for d in error.diagnostics { output.diagnostic(d.description) }
      return ExitStatus.failure
    }
    var start: LessonProgress?
    do throws(LessonStartPoint.Failure) {
      start = try startPoint?.progress(in: parsed)
    } catch {
      output.diagnostic("backprop: \(error.description)")
      return ExitStatus.usage
    }
    var store = ProgressStore.standard(enabled: keepsProgress)
    var host = HeadlessLessonHost()
    let inputs = AnyIterator { readLine(strippingNewline: true) }
    let runner = LessonTranscript.run(
      lesson: parsed, host: &host, inputs: AnySequence(inputs), width: 80, resumingFrom: start
    ) { output.answer($0) }
    if keepsProgress {
      for operation in store.record(runner.progress, for: parsed.fileName, at: Date()) {
        if case .failure(let error) = LocalFiles.perform(operation) { store.writeFailed(error) }
      }
    }
    for warning in store.takeWarnings() { output.diagnostic("backprop: \(warning)") }
    for problem in runner.problems { output.diagnostic(problem.description) }
    return runner.problems.isEmpty ? ExitStatus.success : ExitStatus.failure
  }
}
