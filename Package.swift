// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "backprop",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "backprop", targets: ["backprop"]),
    .executable(name: "backprop-bench", targets: ["backprop-bench"]),
    .executable(name: "backprop-fuzz", targets: ["backprop-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // A grid of styled characters: what every view renders into, and what the terminal copies.
    .target(name: "TextGrid"),
    // The per-neuron backpropagation engine. No UI, no strings on the hot path.
    .target(name: "BackpropEngine"),
    // The one command language: parsing, the session value, undo/redo, text and JSON answers.
    .target(name: "BackpropCommands", dependencies: ["BackpropEngine"]),
    // Pure plotting functions: data in, text grid out.
    .target(name: "BackpropPlots", dependencies: ["TextGrid"]),
    // Lesson files: parser, runner, progress store, checker.
    .target(
      name: "BackpropLessons", dependencies: ["BackpropCommands", "BackpropEngine", "TextGrid"]),
    // The Elm-style app: State, Message, update, and views rendering into a TextGrid.
    .target(
      name: "BackpropApp",
      dependencies: [
        "BackpropCommands", "BackpropEngine", "BackpropLessons", "BackpropPlots", "TextGrid",
      ]),
    // ncursesw, seen through a small shim header.
    .systemLibrary(
      name: "CNCursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]),
    // The only code that talks to ncurses: copies a TextGrid to the screen, turns keys into events.
    .target(name: "TerminalUI", dependencies: ["CNCursesw", "TextGrid"]),
    .executableTarget(
      name: "backprop",
      dependencies: [
        "BackpropApp", "BackpropCommands", "BackpropEngine", "BackpropLessons", "TerminalUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "backprop-bench",
      dependencies: [
        "BackpropApp", "BackpropCommands", "BackpropEngine", "BackpropPlots", "TextGrid",
      ]),
    // Seeded fuzzing of command lines, lessons, network and progress files (issue 10).
    .executableTarget(
      name: "backprop-fuzz",
      dependencies: ["BackpropApp", "BackpropCommands", "BackpropEngine", "BackpropLessons"]),
    .executableTarget(name: "terminal-demo", dependencies: ["TerminalUI", "TextGrid"]),
    .testTarget(name: "TextGridTests", dependencies: ["TextGrid"]),
    // Golden files for every test target: characters and styles, a line diff, UPDATE_GOLDEN=1.
    .target(name: "TestSupport", dependencies: ["TextGrid"], path: "Tests/TestSupport"),
    .testTarget(name: "TestSupportTests", dependencies: ["TestSupport", "TextGrid"]),
    .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine"]),
    .testTarget(
      name: "BackpropCommandsTests", dependencies: ["BackpropCommands", "BackpropEngine"]),
    .testTarget(
      name: "BackpropPlotsTests", dependencies: ["BackpropPlots", "TextGrid", "TestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "BackpropLessonsTests",
      dependencies: ["BackpropLessons", "BackpropCommands", "TextGrid", "TestSupport"],
      exclude: ["Fixtures", "Golden"]),
    .testTarget(
      name: "BackpropAppTests",
      dependencies: [
        "BackpropApp", "TextGrid", "BackpropCommands", "BackpropEngine", "BackpropLessons",
        "TestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(name: "EndToEndTests"),
  ]
)
