import BackpropApp
import Foundation

/// A course of one lesson written to a fresh temporary folder, loaded as the app loads a course
/// (menu first), at a given screen size: the set-up many app tests share.
func courseOfOne(_ text: String, tag: String, width: Int = 100, height: Int = 30) throws -> (
  state: AppState, folder: URL
) {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "backprop-\(tag)-\(getpid())")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  try text.write(
    to: folder.appendingPathComponent("01-test.lesson"), atomically: true, encoding: .utf8)
  var state = AppState(width: width, height: height, startScreen: true)
  state.lessons = LessonState.load(lessonsDirectory: folder.path, progressEnabled: false)
  return (state, folder)
}

/// The same, with the lesson opened.
func openedLesson(_ text: String, tag: String, width: Int = 100, height: Int = 30) throws
  -> AppState
{
  var (state, _) = try courseOfOne(text, tag: tag, width: width, height: height)
  App.submit("lesson 1", &state)
  return state
}
