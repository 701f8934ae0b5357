// End-to-end checks of the ncurses edge (TerminalUI) in a real terminal: tmux.
//
// Unit tests cannot catch what matters most at this edge: that the screen really shows the text,
// that keys and resizes arrive, and above all that the user's terminal is given back exactly as it
// was (`stty -g` identical) however the program ends — by its own quit key, by Ctrl-C in raw mode,
// by SIGTERM, or by a Swift trap. A tty left raw is the worst thing a terminal app can do.
//
// The program under test is `terminal-demo` (a tiny TerminalApp) found beside the test binary or in
// the package's .build/debug; set TERMINAL_DEMO_BINARY to test another build. Each test starts a
// private tmux server (its own socket, no user config) and kills it at the end.

import Foundation
import Testing

@Suite(
  "Terminal restore in tmux",
  .enabled(if: E2E.tmuxPath != nil, "tmux is not installed; skipping terminal end-to-end tests"))
struct TerminalRestoreTests {
  /// How the locale reaches the app: explicitly UTF-8, or unset (a C locale, whose character set
  /// is ASCII: the screen must use ASCII glyphs, since the terminal may not show UTF-8).
  enum LocaleSetting: String, CaseIterable, CustomTestStringConvertible {
    case utf8 = "LANG=C.UTF-8"
    case unset = "locale unset"
    var testDescription: String { rawValue }
    /// Whether the app should draw Unicode glyphs under this setting.
    var expectsUnicode: Bool { self == .utf8 }
    /// The demo's box corner under this setting.
    var corner: String { expectsUnicode ? "┌" : "+" }
    /// The scroll markers and the menu's selection mark under this setting.
    var up: String { expectsUnicode ? "↑" : "^" }
    var down: String { expectsUnicode ? "↓" : "v" }
    var selected: String { expectsUnicode ? "▶" : ">" }
    var envPrefix: String {
      switch self {
      case .utf8: return "env -u LC_ALL -u LC_CTYPE LANG=C.UTF-8"
      case .unset: return "env -u LANG -u LC_ALL -u LC_CTYPE"
      }
    }
  }

  enum Ending: String, CaseIterable, CustomTestStringConvertible {
    case ctrlC = "Ctrl-C"
    case sigterm = "kill -TERM"
    case crash = "Swift trap"
    /// Sent from another process (issue 10, #9): no crash-reporter prompt, death by the signal.
    case sigabrt = "kill -ABRT"
    case sigsegv = "kill -SEGV"
    case sigquit = "kill -QUIT"
    var testDescription: String { rawValue }
  }

  @Test(
    "Shows text, reacts to a key and a resize, quits on q with the tty restored",
    arguments: LocaleSetting.allCases)
  func showsTextAndReactsToKeysAndResize(locale: LocaleSetting) async throws {
    let session = try #require(try await PaneSession.start(locale: locale))
    defer { session.close() }
    let before = try session.sttyState()
    try session.launchDemo()

    let first = try #require(
      await session.waitForScreen { $0.contains("size: 100x30") && $0.contains("last key: none") },
      "the demo screen never appeared")
    #expect(first.contains("demo"))
    // A UTF-8 locale draws Unicode; a C locale (unset) draws ASCII, as README promises.
    if locale.expectsUnicode {
      #expect(first.contains("glyphs: unicode"))
      #expect(first.contains("δ = η"))
    } else {
      #expect(first.contains("glyphs: ascii"))
      #expect(first.contains("d = eta"))
      #expect(first.unicodeScalars.allSatisfy { $0.isASCII })
    }
    #expect(first.contains("\(locale.corner) terminal-demo"))

    try session.tmux("send-keys", "-t", session.name, "x")
    #expect(
      await session.waitForScreen { $0.contains("last key: 'x'") } != nil,
      "the key press did not change the screen")

    try session.tmux("resize-window", "-t", session.name, "-x", "80", "-y", "24")
    let resized = try #require(
      await session.waitForScreen { $0.contains("size: 80x24") }, "the resize did not re-lay out")
    // The box is redrawn to the new width: its top-right corner sits in column 80.
    let top = resized.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    #expect(
      top.count == 80 && top.hasSuffix(locale.expectsUnicode ? "┐" : "+"),
      "top line after resize: \(top)")

    try session.tmux("send-keys", "-t", session.name, "q")
    let after = try #require(
      await session.waitForScreen { $0.contains("exit=0") }, "the demo did not quit on q")
    #expect(!after.contains("\(locale.corner) terminal-demo"), "the alternate screen was not left")
    #expect(try session.sttyState() == before)
  }

  @Test(
    "The tty is restored however the app ends",
    arguments: LocaleSetting.allCases, Ending.allCases)
  func restoresTerminal(locale: LocaleSetting, ending: Ending) async throws {
    let session = try #require(try await PaneSession.start(locale: locale))
    defer { session.close() }
    let before = try session.sttyState()
    try session.launchDemo()
    #expect(
      await session.waitForScreen { $0.contains("size: 100x30") } != nil,
      "the demo screen never appeared")

    // What the pane's shell prints once the demo is gone (128 + n for a death by signal n).
    let expectedExits: [String]
    switch ending {
    case .ctrlC:
      // raw() delivers Ctrl-C as a key, and the demo quits on it.
      try session.tmux("send-keys", "-t", session.name, "C-c")
      expectedExits = ["exit=0"]
    case .sigterm:
      let pid = try #require(session.demoPID(), "the launcher did not record the pid")
      #expect(kill(pid, SIGTERM) == 0)
      expectedExits = ["exit=143"]
    case .sigabrt, .sigsegv, .sigquit:
      let pid = try #require(session.demoPID(), "the launcher did not record the pid")
      let signal = ending == .sigabrt ? SIGABRT : ending == .sigsegv ? SIGSEGV : SIGQUIT
      #expect(kill(pid, signal) == 0)
      expectedExits = ["exit=\(128 + signal)"]
    case .crash:
      try session.tmux("send-keys", "-t", session.name, "!")
      // A Swift trap is SIGILL on x86_64 and SIGTRAP on arm64.
      expectedExits = ["exit=132", "exit=133"]
    }
    let after = try #require(
      await session.waitForScreen { screen in expectedExits.contains { screen.contains($0) } },
      "the demo did not end with \(expectedExits) after \(ending.rawValue)")
    #expect(!after.contains("\(locale.corner) terminal-demo"), "the alternate screen was not left")
    if ending == .crash {
      // stderr was held back while ncurses owned the screen and replayed after endwin.
      #expect(after.contains("crashed on purpose"), "the fatal error message was lost")
    }
    #expect(try session.sttyState() == before)
  }
}

/// Paths and process helpers shared by the tests.
enum E2E {
  static let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let directories =
      path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/opt/homebrew/bin"]
    return directories.map { $0 + "/tmux" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  /// The package root, from this file's path: Tests/EndToEndTests/<this file>.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The demo binary: an explicit override, else beside the running test binary (same build
  /// configuration and scratch path as the tests), else the default debug build.
  static func demoBinary() -> String? {
    binary(named: "terminal-demo", override: "TERMINAL_DEMO_BINARY")
  }

  /// A product of this package: an explicit override, beside the test binary, or in .build/debug.
  static func binary(named name: String, override variable: String) -> String? {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment[variable] {
      candidates.append(override)
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    // On macOS the test binary sits inside a .xctest bundle: climb out of it.
    for _ in 0..<4 {
      candidates.append(directory.appendingPathComponent(name).path)
      directory = directory.deletingLastPathComponent()
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs a program to completion and returns its exit status and stdout.
  ///
  /// Spawned with `posix_spawn` rather than Foundation's `Process`, for two reasons found the hard
  /// way: `Process` spawns with the calling thread's signal mask, and test threads block SIGTERM
  /// and SIGHUP, so a tmux server started from them cannot be stopped (`kill-server` signals
  /// itself); and it does not close inherited descriptors, so a tmux server started by one test
  /// can keep another test's output pipe open and that read never ends (the first version of these
  /// tests hung that way with tests running in parallel). Here the child gets an empty mask,
  /// default dispositions, /dev/null for stdin and stderr, and stdout in a file that only the child
  /// opens, so no pipe exists to be leaked.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("backprop-e2e-out-\(UUID().uuidString)").path
    defer { unlink(outputPath) }

    #if os(Linux)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var environment = ProcessInfo.processInfo.environment
    // Never talk to (or nest inside) a tmux the tests happen to run under.
    environment["TMUX"] = nil
    environment["TMUX_PANE"] = nil
    // tmux itself runs UTF-8; each case sets the app's locale explicitly on its command line.
    environment["LC_ALL"] = nil
    environment["LANG"] = "C.UTF-8"
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw SpawnFailure(executable: executable, error: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED/WEXITSTATUS are macros; a death by signal n is reported as 128 + n, like sh does.
    let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    return (exitStatus, output)
  }

  struct SpawnFailure: Error, CustomStringConvertible {
    let executable: String
    let error: Int32
    var description: String { "posix_spawn \(executable) failed with error \(error)" }
  }
}

/// One private tmux server with one 100x30 window running `sh`, into which the demo is typed, so the
/// pane (and its tty) survives the demo and `stty -g` can be read before and after.
final class PaneSession {
  let socket: String
  let name = "e2e"
  let locale: TerminalRestoreTests.LocaleSetting
  let tmuxPath: String
  let binary: String
  let scratch: URL

  private init(
    socket: String, locale: TerminalRestoreTests.LocaleSetting, tmuxPath: String, binary: String,
    scratch: URL
  ) {
    self.socket = socket
    self.locale = locale
    self.tmuxPath = tmuxPath
    self.binary = binary
    self.scratch = scratch
  }

  /// Starts the server and waits for the shell prompt. Records an issue and returns nil when the
  /// demo binary has not been built.
  static func start(
    locale: TerminalRestoreTests.LocaleSetting, binaryName: String = "terminal-demo",
    override: String = "TERMINAL_DEMO_BINARY"
  ) async throws -> PaneSession? {
    guard let tmuxPath = E2E.tmuxPath else { return nil }
    guard let binary = E2E.binary(named: binaryName, override: override) else {
      Issue.record("\(binaryName) not found; build it (swift build) or set \(override)")
      return nil
    }
    let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "backprop-e2e-\(unique)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let session = PaneSession(
      socket: "backprop-e2e-\(unique)", locale: locale, tmuxPath: tmuxPath, binary: binary,
      scratch: scratch)
    try session.tmux(
      "new-session", "-d", "-s", session.name, "-x", "100", "-y", "30", "env PS1='e2e$ ' sh")
    // A loaded machine can take a while to start many tmux servers at once.
    guard await session.waitForScreen(timeout: 30, { $0.contains("e2e$") }) != nil else {
      Issue.record("the shell prompt never appeared in tmux")
      session.close()
      return nil
    }
    return session
  }

  /// Kills this test's tmux server (and so everything in it) and removes the scratch files.
  func close() {
    let socketPath = try? tmux("display-message", "-p", "#{socket_path}")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try? E2E.run(tmuxPath, ["-L", socket, "kill-server"])
    // tmux leaves the socket file behind; remove it so test runs do not litter /tmp.
    if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    try? FileManager.default.removeItem(at: scratch)
  }

  @discardableResult
  func tmux(_ arguments: String...) throws -> String {
    let result = try E2E.run(tmuxPath, ["-L", socket, "-f", "/dev/null"] + arguments)
    if result.status != 0 {
      throw TmuxFailure(command: arguments.joined(separator: " "), status: result.status)
    }
    return result.output
  }

  struct TmuxFailure: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    var description: String { "tmux \(command) exited with \(status)" }
  }

  func capture() -> String {
    (try? tmux("capture-pane", "-p", "-t", name)) ?? ""
  }

  /// Polls the visible screen until `predicate` holds (then returns it), for at most 10 s.
  func waitForScreen(timeout: Double = 30, _ predicate: (String) -> Bool) async -> String? {
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    while ContinuousClock.now < deadline {
      let screen = capture()
      if predicate(screen) { return screen }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  /// `stty -g` of the pane's terminal: the complete termios state, in a comparable form.
  func sttyState() throws -> String {
    let tty = try tmux("display-message", "-p", "-t", name, "#{pane_tty}")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let result = try E2E.run("/bin/sh", ["-c", "stty -g < \"$1\"", "sh", tty])
    #expect(result.status == 0, "stty -g < \(tty) failed")
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private var pidFile: URL { scratch.appendingPathComponent("demo.pid") }

  /// Types the launcher into the pane's shell. The launcher records its pid and then execs the
  /// demo (so the pid is the demo's), and the shell prints `exit=<status>` once the demo is gone.
  /// `backtrace` is the `SWIFT_BACKTRACE` setting, or nil for none (as a student runs it).
  func launchDemo(
    arguments: String = "", environment: String = "", backtrace: String? = "enable=no"
  )
    throws
  {
    let launcher = scratch.appendingPathComponent("launch.sh")
    let setting = backtrace.map { "SWIFT_BACKTRACE=\($0)" } ?? "unset SWIFT_BACKTRACE;"
    let script = """
      #!/bin/sh
      echo $$ > '\(pidFile.path)'
      \(setting) exec \(locale.envPrefix) \(environment) '\(binary)' \(arguments)

      """
    try script.write(to: launcher, atomically: true, encoding: .utf8)
    try tmux("send-keys", "-t", name, "-l", "sh '\(launcher.path)'; echo \"exit=$?\"")
    try tmux("send-keys", "-t", name, "Enter")
  }

  func demoPID() -> pid_t? {
    guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
    return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
