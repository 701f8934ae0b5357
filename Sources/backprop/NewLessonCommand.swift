import ArgumentParser
import FoundationEssentials
import BackpropCommands

/// `backprop new-lesson FILE [--title T]`: a commented skeleton that passes `backprop check`, so
/// an author starts from a lesson that works and changes one thing at a time.
struct NewLessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new-lesson",
    abstract: "Write a commented lesson skeleton to FILE (it passes `backprop check`).",
    discussion: "Refuses to overwrite an existing file. \(ExitStatus.documentation)")

  @Argument(help: "The lesson file to create, e.g. 15-my-lesson.lesson.", completion: .file())
  var file: String

  @Option(help: "The lesson's title (default: from the file name).")
  var title: String?

  func validate() throws {
    if FileManager.default.fileExists(atPath: file) {
      throw ValidationError(
        "\(file) already exists (expected a new file name; nothing was written)")
    }
    if title?.contains("\n") == true { throw ValidationError("--title must be one line") }
  }

  func run() throws {
    let text = Self.skeleton(title: title ?? Self.title(fromFileName: file))
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
    } catch {
      Output().diagnostic(
        "backprop new-lesson: cannot write \(file): \("\(error)")")
      throw ExitCode(ExitStatus.usage)
    }
    print("wrote \(file); check it with: backprop check \(file)")
  }

  /// `15-my-first-lesson.lesson` → "My first lesson".
  static func title(fromFileName path: String) -> String {
    var stem = PathText.deletingExtension(PathText.lastComponent(path))
    stem = String(stem.drop { $0.isNumber || $0 == "-" || $0 == "_" })
    let words = stem.replacing("-", with: " ").replacing("_", with: " ")
    guard let first = words.first else { return "A new lesson" }
    return first.uppercased() + words.dropFirst()
  }

  /// The skeleton: every kind of line once, with comments saying what each does.
  static func skeleton(title: String) -> String {
    """
    @title \(title)
    @section Derivation

    # A lesson skeleton written by `backprop new-lesson`; docs/lessons.md describes the format.
    # Lines starting with # are comments for authors and are never shown. Check the lesson with
    # `backprop check FILE` after every change, and try it with
    # `backprop --lesson FILE` (add `--page N` to start at page N).
    #
    # The engine starts as Mazur's 2-2-2 network (inputs 1-2, hidden 3-4, outputs 5-6, all
    # logistic, his weights and one sample). `> example mazur` sets that network up explicitly.

    This is the first page: prose, wrapped to the student's pane. Consecutive lines
    join into one paragraph; a blank line ends it.

    > example mazur
    > forward

      o_5 = φ(net_5)

    # A question: the student predicts, then the engine's value is revealed. `= o_5` ties the
    # stored answer to the engine, so `backprop check` fails if the two ever disagree.
    @question
    Predict o_5 to three digits.
    @answer 0.75137 = o_5
    @tolerance 0.001
    @hint net_5 = 1.1059, and φ(x) = 1 / (1 + e^(−x)).
    @end

    # An assertion: checked by `backprop check`, never shown to the student.
    @assert o_5 = 0.75136507 ± 1e-8

    @pause

    This is the last page. Add pages with @pause between them.

    """
  }
}
