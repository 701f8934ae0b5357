import Foundation

/// The edge that carries out `FileOperation`s on the real file system. Everything else only
/// describes what it wants done, so this is the one place (with start-up reading) where the
/// program's files are touched.
public enum LocalFiles {
  /// Does `operation`; a read answers the file's bytes, anything else empty data.
  public static func perform(_ operation: FileOperation) -> Result<Data, FileError> {
    switch operation {
    case .write(let path, let contents, let createsFolder, let folder):
      do throws(FileError) {
        let target = try confine(path, to: folder)
        try write(contents, to: target, createsFolder: createsFolder)
        return .success(Data())
      } catch {
        return .failure(error)
      }
    case .read(let path, let folder):
      do throws(FileError) {
        let target = try confine(path, to: folder)
        guard let data = FileManager.default.contents(atPath: target) else {
          throw .cannotRead
        }
        return .success(data)
      } catch {
        return .failure(error)
      }
    case .move(let from, let to):
      _ = rename(from, to)
      return .success(Data())
    }
  }

  /// The path with symbolic links resolved, refused if it leaves `folder`: a link inside a
  /// lesson's folder must not lead a lesson's `save` elsewhere. The lexical checks (no `..`, no
  /// absolute path) were made before the operation was asked for.
  static func confine(_ path: String, to folder: String?) throws(FileError) -> String {
    guard let folder else { return path }
    let base = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard target.hasPrefix(base + "/") else { throw .outsideFolder }
    return target
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
