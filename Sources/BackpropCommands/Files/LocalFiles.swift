import FoundationEssentials
import Glibc

/// The edge that carries out `FileOperation`s on the real file system. Everything else only
/// describes what it wants done, so this is the one place (with start-up reading) where the
/// program's files are touched.
public enum LocalFiles {
  /// The largest file a `read` operation accepts (a network file of the largest shape is far
  /// smaller); a FIFO or a device is refused like a missing file.
  public static let readLimit = 64 << 20

  /// Does `operation`; a read answers the file's bytes, anything else empty data.
  public static func perform(_ operation: FileOperation) -> Result<Data, FileError> {
    do throws(FileError) {
      switch operation {
      case .write(let path, let contents, let createsFolder, let folder):
        if let folder {
          try ConfinedFolder(folder).write(contents, to: path)
        } else {
          try write(contents, to: path, createsFolder: createsFolder)
        }
        return .success(Data())
      case .read(let path, let folder):
        if let folder { return .success(try ConfinedFolder(folder).read(path, limit: readLimit)) }
        guard case .success(let data) = RegularFile.read(path, limit: readLimit),
          data.count <= readLimit
        else { throw .cannotRead }
        return .success(data)
      case .move(let from, let to):
        try setAside(from, to)
        return .success(Data())
      case .merge(let path, let contents, let member, let key):
        try merge(contents, into: path, member: member, key: key)
        return .success(Data())
      }
    } catch {
      return .failure(error)
    }
  }

  /// Moves `from` to `to`, or to the first of `to.1`, `to.2`, … that does not exist: `link`
  /// fails rather than replace, so an earlier copy is never overwritten.
  static func setAside(_ from: String, _ to: String) throws(FileError) {
    for k in 0..<1000 {
      let candidate = k == 0 ? to : "\(to).\(k)"
      if link(from, candidate) == 0 {
        unlink(from)
        return
      }
      if errno != EEXIST { break }
    }
    let reason = String(cString: strerror(errno))
    throw .cannotReplace(reason: "the unreadable file could not be set aside: \(reason)")
  }

  /// See `FileOperation.merge`.
  static func merge(_ contents: Data, into path: String, member: String, key: String)
    throws(FileError)
  {
    let directory = PathText.parent(path)
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateFolder(directory)
    }
    let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard lock >= 0 else { throw .cannotCreate(path + ".lock") }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    defer { flock(lock, LOCK_UN) }
    guard var ours = try? JSONDecoder().decode(JSONValue.self, from: contents),
      case .object = ours
    else { throw .cannotCreate(path) }
    switch RegularFile.read(path, limit: readLimit) {
    case .failure(.missing): break
    case .success(let data) where data.count <= readLimit:
      guard let theirs = try? JSONDecoder().decode(JSONValue.self, from: data),
        let entries = theirs[member]?.setting(key, to: ours[member]?[key]),
        let merged = ours.setting(member, to: entries)
      else { throw .cannotReplace(reason: "it is not a progress file; it was left as it is") }
      ours = merged
    default:
      throw .cannotReplace(reason: "it cannot be read; it was left as it is")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let merged = try? encoder.encode(ours) else {
      throw .cannotCreate(path)
    }
    try write(merged, to: path, createsFolder: false)
  }

  /// Writes to a temporary file and renames it over `path`, so a crash mid-write leaves either
  /// the old file or the new one, never half of it.
  static func write(_ data: Data, to path: String, createsFolder: Bool) throws(FileError) {
    if createsFolder {
      let directory = PathText.parent(path)
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw .cannotCreateFolder(directory)
      }
    }
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw .cannotCreate(temporary)
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .cannotReplace(reason: reason)
    }
  }
}

extension Session {
  /// Runs a line and carries out any file it needs on the real file system at once: for the
  /// callers that are edges themselves (`backprop check`, headless lessons, tests).
  public mutating func executeOnDisk(_ line: String) -> Result<CommandOutput, CommandError> {
    let result = execute(line)
    guard case .success(let output) = result, let request = output.file else { return result }
    return complete(request, with: LocalFiles.perform(request.operation))
  }
}
