// The `backprop` binary as a command-line tool: help, exit codes, streams, completion, check,
// new-lesson, install — and in tmux, TERM=dumb and the locale cases.

import Foundation
import Testing

struct CommandLineTests {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "backprop-cli-\(getpid())")

  /// Runs `backprop ARGS` through sh (so stdin and the environment can be set), with stdout and
  /// stderr kept apart.
  static func backprop(_ arguments: String, stdin: String = "", in directory: String? = nil)
    throws -> Result
  {
    let binary = try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY"))
    return try shell("'\(binary)' \(arguments)", stdin: stdin, in: directory)
  }

  static func shell(_ command: String, stdin: String = "", in directory: String? = nil) throws
    -> Result
  {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let id = UUID().uuidString
    let input = scratch.appendingPathComponent("\(id).in").path
    let output = scratch.appendingPathComponent("\(id).out").path
    let errors = scratch.appendingPathComponent("\(id).err").path
    try stdin.write(toFile: input, atomically: true, encoding: .utf8)
    defer {
      for path in [input, output, errors] { try? FileManager.default.removeItem(atPath: path) }
    }
    let cd = directory.map { "cd '\($0)' && " } ?? ""
    let run = try E2E.run(
      "/bin/sh", ["-c", "\(cd)\(command) < '\(input)' > '\(output)' 2> '\(errors)'; echo $?"])
    return Result(
      status: Int32(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
      stdout: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
  }

  @Test func helpListsEveryOptionWithoutARunSubcommand() throws {
    let help = try Self.backprop("--help")
    #expect(help.status == 0)
    for option in [
      "--headless", "--script", "--json", "--lesson", "--page", "--label", "--lessons",
      "--no-progress", "--progress", "--screen", "--ascii", "--utf8", "--version",
      "check", "export", "new-lesson", "help", "--generate-completion-script", "Exit status: 0",
    ] {
      #expect(help.stdout.contains(option), "--help does not mention \(option)")
    }
    #expect(!help.stdout.contains("backprop run"), "the usage leaks a `run` subcommand")
    #expect(!help.stdout.contains("  run  "), "a `run` subcommand is listed")
  }

  @Test func helpCommandExplainsTheLanguage() throws {
    let train = try Self.backprop("help train")
    #expect(train.status == 0)
    #expect(train.stdout.hasPrefix("train N"))
    #expect(train.stdout.contains("example: train 1000"))
    let typo = try Self.backprop("help trian")
    #expect(typo.status == 2)
    #expect(typo.stdout.isEmpty)
    #expect(typo.stderr.contains("no command `trian`") && typo.stderr.contains("`train`"))
    let check = try Self.backprop("help check")
    #expect(check.status == 0 && check.stdout.contains("--json"))
  }

  @Test(
    "Exit status 2 for usage errors",
    arguments: [
      "--bogus", "--lessons /nonexistent --headless", "--screen 10x5", "--screen 79x24 --headless",
      "--screen abc", "--lesson /nonexistent.lesson --headless", "--script /nonexistent",
      "--page 2", "--ascii --utf8 --headless", "check /nonexistent.lesson",
    ])
  func usageErrors(arguments: String) throws {
    let result = try Self.backprop(arguments)
    #expect(result.status == 2, "\(arguments): status \(result.status)")
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.isEmpty)
  }

  @Test func tooSmallScreenSaysWhy() throws {
    let result = try Self.backprop("--screen 10x5 --headless")
    #expect(result.stderr.contains("at least 80x24"))
  }

  /// Answers on stdout, diagnostics on stderr, and status 1 when a command failed.
  @Test func headlessSplitsAnswersAndErrors() throws {
    let result = try Self.backprop("--headless", stdin: "example mazur\nset w_99 1\nget eta\n")
    #expect(result.status == 1)
    #expect(result.stdout.contains("> set w_99 1"))
    #expect(result.stdout.contains("η = 0.5"))
    #expect(!result.stdout.contains("error"))
    #expect(
      result.stderr
        == "<stdin>:2:5: error: there is no neuron 9 (expected a neuron from 1 to 6 (network 2-2-2))\n"
    )
    let fine = try Self.backprop("--headless", stdin: "get eta\n")
    #expect(fine.status == 0 && fine.stderr.isEmpty)
  }

  /// With --json everything, errors included, is on stdout: one stream to read.
  /// With both streams in one place, each error follows the command it belongs to (standard
  /// output is buffered in a pipe, so it must be flushed before a diagnostic is written).
  @Test func mergedStreamsKeepTheirOrder() throws {
    let binary = try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY"))
    let run = try Self.shell(
      "{ '\(binary)' --headless 2>&1; }", stdin: "example mazur\nset w_99 1\nget eta\nset w_98 1\n")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.count == 8 && lines[2] == "> set w_99 1" && lines[3].hasPrefix("<stdin>:2:5: error:")
        && lines[4] == "> get eta" && lines[6] == "> set w_98 1"
        && lines[7].hasPrefix("<stdin>:4:5: error:"),
      "\(lines)")
  }

  @Test func jsonKeepsErrorsInTheStream() throws {
    let result = try Self.backprop("--json", stdin: "set w_99 1\n")
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.hasPrefix("{\"ok\":false"))
    let usage = try Self.backprop("--json --script /nonexistent")
    #expect(usage.status == 2)
    #expect(usage.stderr.isEmpty)
    #expect(usage.stdout.contains("\"ok\":false") && usage.stdout.contains("--script"))
  }

  /// --ascii makes headless text ASCII too.
  @Test func asciiHeadlessText() throws {
    let result = try Self.backprop(
      "--headless --ascii", stdin: "example mazur\nforward\nbackward\nget eta\n")
    #expect(result.status == 0)
    let allASCII = result.stdout.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(allASCII)
    #expect(result.stdout.contains("eta = 0.5"))
    #expect(result.stdout.contains("d_5"))
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let result = try Self.backprop("--generate-completion-script \(shell)")
    #expect(result.status == 0)
    for word in ["lesson", "script", "lessons", "check", "new-lesson"] {
      #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
    }
    // Files for --lesson and --script, folders for --lessons.
    switch shell {
    case "bash": #expect(result.stdout.contains("-d") || result.stdout.contains("dirnames"))
    case "zsh":
      #expect(result.stdout.contains("_files -/") || result.stdout.contains("_path_files -/"))
    default: #expect(result.stdout.contains("complete_directories"))
    }
  }

  /// `check --json`: one object per diagnostic, then a summary; status 1.
  @Test func checkJSONAndStreams() throws {
    let folder = Self.scratch.appendingPathComponent("check-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/bad.lesson"
    try "@title T\n@section S\n\n> forwrd\n".write(toFile: file, atomically: true, encoding: .utf8)
    let json = try Self.backprop("check --json '\(file)'")
    #expect(json.status == 1)
    #expect(json.stderr.isEmpty)
    let lines = json.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "{\"file\":\"\(file)\",\"line\":4,\"column\":3,\"severity\":\"error\",\"message\":\"unknown command `forwrd`\",\"expected\":\"`forward`\"}"
    )
    #expect(lines.last?.hasPrefix("{\"ok\":false,\"lessons\":1,\"problems\":1") == true)
    let text = try Self.backprop("check '\(file)'")
    #expect(text.status == 1)
    #expect(text.stderr.contains("bad.lesson:4:3: unknown command"))
    #expect(text.stdout == "1 problem in 1 lesson checked.\n")
    // `--lesson` with the same parse error fails the same way as `check`.
    #expect(try Self.backprop("--headless --lesson '\(file)'").status == 1)
  }

  /// The skeleton passes `check`, and new-lesson never overwrites.
  @Test func newLessonPassesCheck() throws {
    let folder = Self.scratch.appendingPathComponent("new-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/15-my-first-lesson.lesson"
    #expect(try Self.backprop("new-lesson '\(file)'").status == 0)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasPrefix("@title My first lesson\n"))
    let check = try Self.backprop("check '\(file)'")
    #expect(check.status == 0, "\(check.stderr)")
    #expect(try Self.backprop("new-lesson '\(file)' --title Other").status == 2)
    let titled = folder + "/x.lesson"
    #expect(try Self.backprop("new-lesson '\(titled)' --title 'Über η'").status == 0)
    let titledText = try String(contentsOfFile: titled, encoding: .utf8)
    #expect(titledText.hasPrefix("@title Über η\n"))
    // Started at its second page headless, the skeleton shows that page.
    let started = try Self.backprop("--headless --lesson '\(file)' --page 2")
    #expect(started.stdout.contains("page 2 of 2") && started.stdout.contains("last page"))
  }

  /// `export --markdown`: one lesson to stdout, a folder to one .md per lesson, and a folder
  /// with a broken lesson to `check`'s diagnostics, status 1 and no file at all.
  @Test func exportWritesHandoutsOrNothing() throws {
    let folder = Self.scratch.appendingPathComponent("export-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lesson = E2E.packageRoot.appendingPathComponent("lessons/01-linear-neuron.lesson").path
    try FileManager.default.copyItem(atPath: lesson, toPath: folder + "/01-linear-neuron.lesson")
    let one = try Self.backprop("export '\(lesson)' --markdown")
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout.hasPrefix("# One linear neuron and its error surface\n"))
    #expect(!one.stdout.contains("## Answers"))
    let all = try Self.backprop("export '\(folder)' --markdown --answers --output '\(folder)/out'")
    #expect(all.status == 0, "\(all.stderr)")
    let written = try String(contentsOfFile: folder + "/out/01-linear-neuron.md", encoding: .utf8)
    #expect(written.contains("## Answers"))
    try "@title Bad\n@section Derivation\n\n> example mazur\n> forward\n@assert o_5 = 0.75 ± 1e-8\n"
      .write(toFile: folder + "/02-bad.lesson", atomically: true, encoding: .utf8)
    let bad = try Self.backprop("export '\(folder)' --markdown")
    let check = try Self.backprop("check '\(folder)/02-bad.lesson'")
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix(check.stderr))
    #expect(check.stderr.contains("02-bad.lesson:6:"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/01-linear-neuron.md"))
    #expect(try Self.backprop("export '\(lesson)'").status == 2)
  }

  /// Headless lesson runs keep no progress unless --progress.
  @Test func headlessLessonKeepsNoProgress() throws {
    let state = Self.scratch.appendingPathComponent("state-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: state) }
    let lesson = E2E.packageRoot.appendingPathComponent("lessons/01-linear-neuron.lesson").path
    _ = try Self.shell(
      "XDG_STATE_HOME='\(state)' '\(try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY")))' --headless --lesson '\(lesson)'",
      stdin: "next\n")
    #expect(!FileManager.default.fileExists(atPath: state + "/backprop/progress.json"))
    _ = try Self.shell(
      "XDG_STATE_HOME='\(state)' '\(try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY")))' --headless --progress --lesson '\(lesson)'",
      stdin: "next\n")
    #expect(FileManager.default.fileExists(atPath: state + "/backprop/progress.json"))
  }

  /// scripts/install into a temporary prefix; the installed binary, run from elsewhere, finds its
  /// course and `check` with no argument checks it; the uninstall removes exactly that.
  @Test func installsAnywhere() throws {
    let binary = try #require(E2E.binary(named: "backprop", override: "BACKPROP_BINARY"))
    let base = Self.scratch.appendingPathComponent("install-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    let prefix = base + "/prefix"
    let elsewhere = base + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    let script = E2E.packageRoot.appendingPathComponent("scripts/install").path
    let install = try Self.shell("BACKPROP_INSTALL_BINARY='\(binary)' '\(script)' '\(prefix)'")
    #expect(install.status == 0, "\(install.stderr)")
    #expect(install.stdout.contains("\(prefix)/bin/backprop"))
    let lessons = try FileManager.default.contentsOfDirectory(
      atPath: E2E.packageRoot.appendingPathComponent("lessons").path
    ).filter { $0.hasSuffix(".lesson") }
    let check = try Self.shell(
      "env -u BACKPROP_LESSONS '\(prefix)/bin/backprop' check", in: elsewhere)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("\(lessons.count) lessons checked"))
    let list = try Self.shell(
      "env -u BACKPROP_LESSONS '\(prefix)/bin/backprop' --headless", stdin: "lesson list\n",
      in: elsewhere)
    #expect(list.stdout.contains("1. One linear neuron"))
    // Found through $XDG_DATA_DIRS when the binary is elsewhere.
    // Copied by a child process: a file this process writes could be inherited, still open, by
    // a process another test spawns at that moment, and then exec fails with "Text file busy".
    let copy = try Self.shell("cp '\(binary)' '\(elsewhere)/backprop'")
    #expect(copy.status == 0)
    let viaData = try Self.shell(
      "env -u BACKPROP_LESSONS XDG_DATA_DIRS='\(prefix)/share' ./backprop check", in: elsewhere)
    #expect(
      viaData.stdout.contains("\(lessons.count) lessons checked"),
      "status \(viaData.status): \(viaData.stderr)")
    let uninstall = try Self.shell("'\(script)' --uninstall '\(prefix)'")
    #expect(uninstall.status == 0)
    let left = FileManager.default.enumerator(atPath: prefix)?.allObjects as? [String] ?? []
    #expect(left.isEmpty, "left behind: \(left)")
  }
}

@Suite(
  "backprop terminals and locales in tmux",
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct TerminalLocaleTests {
  /// TERM=dumb cannot move the cursor: the same refusal as "not a terminal", status 2.
  @Test func dumbTerminalIsRefused() async throws {
    let session = try #require(try await BackpropTUITests.start(.utf8))
    defer { session.close() }
    try session.launchDemo(
      arguments: "--no-progress", environment: "TERM=dumb HOME='\(session.scratch.path)'")
    let screen = try #require(
      await session.waitForScreen {
        $0.split(separator: "\n").contains { $0.hasPrefix("exit=") }
      })
    #expect(screen.contains("exit=2"))
    #expect(screen.contains("--headless"))
  }

  /// Under a C or POSIX locale the screen is ASCII; --utf8 brings Unicode back.
  @Test(arguments: ["", "LC_ALL=POSIX", "LANG=en_US.ISO-8859-1"])
  func nonUTF8LocaleDrawsASCII(setting: String) async throws {
    let session = try #require(try await BackpropTUITests.start(.unset))
    defer { session.close() }
    try session.launchDemo(
      arguments: "--no-progress", environment: "\(setting) HOME='\(session.scratch.path)'")
    #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
    try session.tmux("send-keys", "-t", session.name, "f", "f", "b")
    let screen = try #require(
      await session.waitForScreen { $0.contains("update 0/8") && $0.contains("d_") })
    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
    try session.tmux("send-keys", "-t", session.name, "q")
    #expect(await session.waitForScreen { $0.contains("exit=0") } != nil)
  }

  @Test func utf8FlagForcesUnicode() async throws {
    let session = try #require(try await BackpropTUITests.start(.unset))
    defer { session.close() }
    try session.launchDemo(
      arguments: "--no-progress --utf8", environment: "HOME='\(session.scratch.path)'")
    #expect(await session.waitForScreen { $0.contains("Free play") } != nil)
    try session.tmux("send-keys", "-t", session.name, "f", "f", "b")
    let screen = try #require(
      await session.waitForScreen { $0.contains("update 0/8") && $0.contains("δ") })
    #expect(screen.contains("─"))
    try session.tmux("send-keys", "-t", session.name, "q")
    #expect(await session.waitForScreen { $0.contains("exit=0") } != nil)
  }
}
