import ArgumentParser
import BackpropCommands
import FoundationEssentials

/// `backprop help [COMMAND]`: the command language's help for COMMAND (the same text as
/// `help COMMAND` at the prompt), the help of a subcommand (`help check`), or `--help`.
///
/// It replaces the parser's own `help` subcommand (the first subcommand of a name wins), so the
/// words of the language are explained from the one `Command` registry.
struct HelpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "help",
    abstract: "Explain a command of the language (`backprop help train`), or show this help.")

  @Argument(help: "A command of the language, or check, new-lesson.")
  var command: [String] = []

  func run() throws {
    guard let word = command.first else {
      print(Backprop.helpMessage())
      return
    }
    let subcommands: [String: ParsableCommand.Type] = [
      "check": CheckCommand.self, "new-lesson": NewLessonCommand.self, "help": HelpCommand.self,
    ]
    if let subcommand = subcommands[word.lowercased()] {
      print(Backprop.helpMessage(for: subcommand))
      return
    }
    if let found = CommandSpec.named(word) {
      print(found.spec.helpText)
      return
    }
    let matches = Self.closeMatches(word)
    let hint =
      matches.isEmpty
      ? "`backprop help` lists the commands"
      : "did you mean " + matches.map { "`\($0)`" }.joined(separator: " or ") + "?"
    Output().diagnostic("backprop help: no command `\(word)` (\(hint))")
    throw ExitCode(ExitStatus.usage)
  }

  /// Command names close to `word`: the registry's best guess, then those starting like it.
  static func closeMatches(_ word: String) -> [String] {
    var names: [String] = []
    if let best = CommandSpec.suggestion(for: word) { names.append(best) }
    let prefix = String(word.lowercased().prefix(2))
    for name in CommandSpec.completions(of: prefix) where !names.contains(name) && names.count < 3 {
      names.append(name)
    }
    return names
  }
}
