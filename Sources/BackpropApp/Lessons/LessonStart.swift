import BackpropCommands
import BackpropLessons

/// `--lesson FILE --page N | --label NAME` in the interface: the open lesson moved to a page, with
/// the engine rebuilt by the pages before it (see `LessonStartPoint`).
public enum LessonStart {
  /// Moves the lesson being taken to `point`. Changes nothing when no lesson is open or the page
  /// does not exist. Returns the effects the pages ran (files their commands read or wrote).
  public static func move(_ state: inout AppState, to point: LessonStartPoint)
    throws(LessonStartPoint.Failure) -> AppEffect
  {
    guard var runner = state.lessons.runner else {
      throw LessonStartPoint.Failure(message: "no lesson is open to start at a page")
    }
    let progress = try point.progress(in: runner.lesson)
    var host = AppLessonHost(state)
    host.session = Session()
    runner.resume(from: progress, host: &host)
    let effect = host.apply(to: &state)
    state.lessons.runner = runner
    state.scroll[.lesson] = nil
    return effect
  }
}
