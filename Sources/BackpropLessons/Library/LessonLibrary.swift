import FoundationEssentials
import BackpropCommands

/// The course: the lesson files in one folder, in the order of the numbers in their names.
///
/// `locate` finds that folder from any working directory, so `backprop` works whether it is
/// run as `swift run`, from an install, or from a checkout: an explicit `--lessons DIR` wins,
/// then `$BACKPROP_LESSONS`, then a `lessons/` folder found by walking up from the executable
/// (with `swift run` the binary sits in `<repo>/.build/debug/`; an installed one in `PREFIX/bin/`,
/// with the course in `PREFIX/share/backprop/lessons`), then `backprop/lessons` in the XDG data
/// folders (`$XDG_DATA_HOME`, then each of `$XDG_DATA_DIRS`), then `./lessons`.
public struct LessonLibrary: Equatable, Sendable {
  /// How the folder was found (for `lesson list` and error messages).
  public enum Origin: String, Equatable, Sendable {
    case explicit, environment, executable, dataDirectory, workingDirectory
  }

  public struct Location: Equatable, Sendable {
    public var directory: String
    public var origin: Origin

    public init(directory: String, origin: Origin) {
      self.directory = directory
      self.origin = origin
    }
  }

  /// The folder could not be listed.
  public struct LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  public static let fileExtension = "lesson"

  public let directory: String
  public let entries: [LessonEntry]

  public init(directory: String, entries: [LessonEntry]) {
    self.directory = directory
    self.entries = entries
  }

  // MARK: - Finding the course

  public static func locate(
    explicit: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = LessonLibrary.executablePath(),
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> Location {
    if let explicit, !explicit.isEmpty { return Location(directory: explicit, origin: .explicit) }
    if let variable = environment["BACKPROP_LESSONS"], !variable.isEmpty {
      return Location(directory: variable, origin: .environment)
    }
    if let executablePath {
      var folder = PathText.parent(executablePath)
      while !folder.isEmpty {
        for candidate in [folder + "/lessons", folder + "/share/backprop/lessons"]
        where containsLessons(candidate) {
          return Location(directory: candidate, origin: .executable)
        }
        if folder == "/" { break }
        folder = PathText.parent(folder)
      }
    }
    for folder in dataDirectories(environment) where containsLessons(folder + "/backprop/lessons") {
      return Location(directory: folder + "/backprop/lessons", origin: .dataDirectory)
    }
    let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
    return Location(directory: base + "lessons", origin: .workingDirectory)
  }

  /// `$XDG_DATA_HOME` (default `~/.local/share`) and `$XDG_DATA_DIRS` (default
  /// `/usr/local/share:/usr/share`), as the XDG base directory specification orders them.
  static func dataDirectories(_ environment: [String: String]) -> [String] {
    var folders: [String] = []
    if let home = environment["XDG_DATA_HOME"], home.hasPrefix("/") {
      folders.append(home)
    } else if let home = environment["HOME"], !home.isEmpty {
      folders.append(home + "/.local/share")
    }
    let shared =
      environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "/usr/local/share:/usr/share"
    folders += shared.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
    return folders
  }

  /// The running executable with symbolic links resolved: `argument0` (made absolute, or looked
  /// up in `$PATH`), else `/proc/self/exe`.
  public static func executablePath(
    argument0: String? = CommandLine.arguments.first,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> String? {
    var found: String?
    if let argument0, !argument0.isEmpty {
      if argument0.contains("/") {
        found = argument0.hasPrefix("/") ? argument0 : currentDirectory + "/" + argument0
      } else {
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
          let candidate = "\(folder)/\(argument0)"
          if FileManager.default.isExecutableFile(atPath: candidate) {
            found = candidate
            break
          }
        }
      }
    }
    if let path = found, FileManager.default.fileExists(atPath: path) {
      return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
    if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return link
    }
    return nil
  }

  static func containsLessons(_ folder: String) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.contains { $0.hasSuffix("." + fileExtension) }
  }

  // MARK: - Reading the course

  /// Lists every `*.lesson` file in `directory`. With `parsing`, each is parsed too (for
  /// `lesson list` with its errors); without, only its `@title` and `@section` lines are read,
  /// which is all the menu needs, and start-up stays fast: a lesson is parsed when it is opened.
  public static func load(directory: String, parsing: Bool = true) throws(LoadError)
    -> LessonLibrary
  {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw LoadError(
        message: "cannot list the lessons in \(directory): no such folder, or it cannot be read")
    }
    let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let absoluteFolder = LessonSource.absolutePath(folder)
    let entries = lessonFiles(names).map { name -> LessonEntry in
      let path = folder + "/" + name
      var entry = LessonEntry(
        number: number(of: name), fileName: name, path: path, title: name, section: "",
        diagnostics: [])
      entry.folder = absoluteFolder
      do throws(LessonParseFailure) {
        if parsing {
          let lesson = try Lesson.load(path: path)
          entry.title = lesson.title
          entry.section = lesson.section
          entry.lesson = lesson
        } else {
          guard let data = FileManager.default.contents(atPath: path) else {
            throw LessonParseFailure(diagnostics: [
              LessonDiagnostic(file: path, line: 1, column: 1, message: "cannot read this file")
            ])
          }
          let heading = headings(of: data)
          entry.title = heading.title ?? name
          entry.section = heading.section ?? ""
        }
      } catch {
        entry.diagnostics = error.diagnostics
      }
      return entry
    }
    return LessonLibrary(directory: directory, entries: entries)
  }

  /// The `@title` and `@section` of a lesson file, read from their directive lines alone: the
  /// bytes are scanned for line starts and only those two lines are decoded (the whole file is
  /// checked and parsed when the lesson is opened).
  static func headings(of data: Data) -> (title: String?, section: String?) {
    var title: String?
    var section: String?
    let bytes = [UInt8](data)
    var start = 0
    while start < bytes.count && (title == nil || section == nil) {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      var k = start
      while k < end && (bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t")) { k += 1 }
      if k < end && bytes[k] == UInt8(ascii: "@") {
        let line = String(decoding: bytes[k..<end], as: UTF8.self)
        if title == nil, line.hasPrefix("@title ") {
          title = line.dropFirst(7).trimmed()
        } else if section == nil, line.hasPrefix("@section ") {
          section = line.dropFirst(9).trimmed()
        }
      }
      start = end + 1
    }
    return (title, section)
  }

  /// The `.lesson` names among `names`, numbered ones first in numeric order, then the rest by name.
  public static func lessonFiles(_ names: [String]) -> [String] {
    names.filter { $0.hasSuffix("." + fileExtension) && !$0.hasPrefix(".") }.sorted { a, b in
      switch (number(of: a), number(of: b)) {
      case (let x?, let y?) where x != y: return x < y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a < b
      }
    }
  }

  /// The number a file name starts with.
  public static func number(of fileName: String) -> Int? {
    Int(fileName.prefix { $0.isASCII && $0.isNumber })
  }

  /// The lesson meant by `1`, `01`, `01-linear-neuron`, `linear-neuron` or the file name.
  public func entry(matching query: String) -> LessonEntry? {
    let q = query.lowercased()
    if let n = Int(q) { return entries.first { $0.number == n } }
    return entries.first { entry in
      let name = entry.fileName.lowercased()
      let stem = String(name.dropLast(Self.fileExtension.count + 1))
      let bare = String(stem.drop { $0.isNumber || $0 == "-" || $0 == "_" })
      return q == name || q == stem || q == bare
    }
  }
}
