import ArgumentParser
import BackpropLessons
import FoundationEssentials
import BackpropCommands

/// `backprop export LESSON|FOLDER --markdown [--answers] [--output PATH]`: lessons as handouts.
///
/// One lesson goes to standard output (or to `--output FILE`, or into `--output FOLDER`); a
/// folder gives one `.md` per lesson, beside the lessons or in `--output FOLDER`. Every lesson
/// is checked and rendered before anything is written, so a lesson with errors leaves no file
/// behind: its diagnostics are the ones `backprop check` prints, and the status is 1.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write lessons as Markdown handouts, every output computed by the engine.",
    discussion: """
      A lesson file goes to standard output unless --output names a file or a folder; a folder \
      of lessons gives one NAME.md per NAME.lesson, beside the lessons unless --output names a \
      folder. The lessons run exactly as `backprop check` runs them; a lesson with errors gets \
      the same file:line:column diagnostics and nothing is written. \
      \(ExitStatus.documentation)
      """)

  @Argument(help: "A .lesson file or a folder of them.", completion: .file())
  var path: String

  @Flag(help: "Write Markdown (the handout format).")
  var markdown = false

  @Flag(help: "End each handout with an answer key holding the engine's values.")
  var answers = false

  @Option(
    name: .shortAndLong,
    help: "Where to write: a file or folder for one lesson, a folder for a folder of lessons.",
    completion: .file())
  var output: String?

  func validate() throws {
    guard markdown else {
      throw ValidationError("give --markdown (expected the handout format; Markdown is the one)")
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw ValidationError("\(path): no such file or folder (expected a .lesson file or a folder)")
    }
    if isFolder(path), let output, FileManager.default.fileExists(atPath: output), !isFolder(output)
    {
      throw ValidationError(
        "--output \(output) is a file (expected a folder for the handouts of a folder of lessons)")
    }
  }

  func run() throws {
    let folder = isFolder(path)
    let lessons: [String]
    if folder {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      let base = path.hasSuffix("/") ? String(path.dropLast()) : path
      lessons = LessonLibrary.lessonFiles(names).map { base + "/" + $0 }
      if lessons.isEmpty {
        Output().diagnostic("\(path):1:1: no .lesson files in this folder")
        throw ExitCode(ExitStatus.failure)
      }
    } else {
      lessons = [path]
    }
    var handouts: [(lesson: String, text: String)] = []
    var failed = false
    for lesson in lessons {
      switch LessonHandout.markdown(file: lesson, answers: answers) {
      case .success(let text): handouts.append((lesson, text))
      case .failure(let failure):
        failed = true
        for d in failure.diagnostics { Output().diagnostic(d.description) }
      }
    }
    if failed {
      Output().diagnostic("backprop export: nothing written (fix the problems above)")
      throw ExitCode(ExitStatus.failure)
    }
    if !folder, output == nil {
      print(handouts[0].text, terminator: "")
      return
    }
    for handout in handouts {
      let target = destination(for: handout.lesson, folder: folder)
      do {
        if let output, folder || isFolder(output) {
          try FileManager.default.createDirectory(
            atPath: output, withIntermediateDirectories: true)
        }
        try Data(handout.text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
      } catch {
        Output().diagnostic(
          "backprop export: cannot write \(target): \("\(error)")")
        throw ExitCode(ExitStatus.failure)
      }
      print("wrote \(target)")
    }
  }

  /// `lessons/01-x.lesson` → `lessons/01-x.md`, or `OUTPUT/01-x.md`, or `OUTPUT` itself.
  func destination(for lesson: String, folder: Bool) -> String {
    let name = PathText.deletingExtension(PathText.lastComponent(lesson)) + ".md"
    guard let output else { return PathText.deletingExtension(lesson) + ".md" }
    if folder || isFolder(output) { return PathText.appending(name, to: output) }
    return output
  }

  func isFolder(_ path: String) -> Bool {
    var isDirectory = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory
  }
}
