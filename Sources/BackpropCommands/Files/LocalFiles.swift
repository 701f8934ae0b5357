import Foundation

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
        return rename(from, to) == 0 ? .success(Data()) : .failure(.cannotRead)
      }
    } catch {
      return .failure(error)
    }
  }

  /// Writes to a temporary file and renames it over `path`, so a crash mid-write leaves either
  /// the old file or the new one, never half of it.
  static func write(_ data: Data, to path: String, createsFolder: Bool) throws(FileError) {
    if createsFolder {
      let directory = (path as NSString).deletingLastPathComponent
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
