import FoundationEssentials

/// Something to do to a file, as a value: the pure parts of the program (the session, the
/// progress store, `App.update`) say what they need, and the edges (`LocalFiles`, or a test's
/// dictionary of files) do it and report the outcome.
public enum FileOperation: Equatable, Sendable {
  /// Writes `contents` to `path` atomically: a temporary file renamed over the old one, so a
  /// crash mid-write leaves either the old file or the new, never half of it. With
  /// `createsFolder` the folder is made first. With `confinedTo`, the path is refused if it
  /// leads outside that folder once symbolic links are resolved.
  case write(path: String, contents: Data, createsFolder: Bool = false, confinedTo: String? = nil)
  /// Reads the whole file; its bytes are the outcome.
  case read(path: String, confinedTo: String? = nil)
  /// Renames a file, for setting a corrupt one aside, never over an existing file: when `to`
  /// exists, `to.1`, `to.2`, … is used instead, so a second corruption keeps the first.
  case move(from: String, to: String)
  /// Writes `contents`, a JSON object whose `member` maps keys to entries, to `path` without
  /// losing what another instance wrote meanwhile: under a lock (`path.lock`) the file is read
  /// again, only the entry for `key` is taken from `contents` (removed if `contents` has none),
  /// and the result is written atomically, creating the folder. A file that exists but cannot
  /// be parsed is never overwritten.
  case merge(path: String, contents: Data, member: String, key: String)

  /// The file the operation is about.
  public var path: String {
    switch self {
    case .write(let path, _, _, _), .read(let path, _), .move(let path, _),
      .merge(let path, _, _, _):
      return path
    }
  }

  /// The bytes a write puts in the file.
  public var written: Data? {
    switch self {
    case .write(_, let contents, _, _), .merge(_, let contents, _, _): return contents
    default: return nil
    }
  }
}

/// Why a file operation failed, with what a message needs.
public enum FileError: Error, Equatable, Sendable {
  /// The path leads outside the folder it is confined to (through a symbolic link).
  case outsideFolder
  /// No such file, or it cannot be opened or read.
  case cannotRead
  /// The folder for the file could not be created.
  case cannotCreateFolder(String)
  /// The temporary file (this path) could not be created.
  case cannotCreate(String)
  /// The temporary file could not be renamed over the target (the system's reason).
  case cannotReplace(reason: String)
}
