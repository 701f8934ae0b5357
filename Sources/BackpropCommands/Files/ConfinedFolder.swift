import FoundationEssentials
import Glibc

/// Reads and writes files that must stay inside one folder (a lesson's `save` and `load`), on
/// the real file system, so that no symbolic link leads them elsewhere.
///
/// Resolving the whole path with `resolvingSymlinksInPath` is not enough: it leaves a path whose
/// last part does not exist yet unresolved, so `save out/x.json`, with `out` a link to a folder
/// outside, passed the check and escaped. Instead the real path of the file's *parent folder*
/// is found (`realpath`, which resolves every link), that folder is opened, and the opened
/// folder's real path is checked against the confining folder's. The file is then created and
/// renamed relative to that open folder (`openat` with `O_CREAT | O_EXCL | O_NOFOLLOW`,
/// `renameat`), so swapping a link after the check changes nothing, and a link as the last
/// part is refused rather than followed.
struct ConfinedFolder {
  /// The confining folder's real path.
  let base: String

  init(_ folder: String) throws(FileError) {
    guard let real = Self.realPath(folder) else { throw .outsideFolder }
    base = real
  }

  /// Writes `data` to `path` atomically, inside the folder.
  func write(_ data: Data, to path: String, beforeUse: () -> Void = {}) throws(FileError) {
    let (directory, name) = try open(parentOf: path)
    defer { close(directory) }
    beforeUse()
    var info = stat()
    if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
      // A link (to anywhere) is never written through; a folder or a FIFO is not replaced.
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFLNK: throw .outsideFolder
      default: throw .cannotReplace(reason: "it is not a regular file")
      }
    }
    let temporary = ".\(name).tmp-\(getpid())"
    let fd = openat(
      directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotCreate(temporary) }
    let written = data.withUnsafeBytes { bytes -> Bool in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        offset += n
      }
      return true
    }
    close(fd)
    guard written else {
      unlinkat(directory, temporary, 0)
      throw .cannotCreate(temporary)
    }
    if renameat(directory, temporary, directory, name) != 0 {
      let reason = String(cString: strerror(errno))
      unlinkat(directory, temporary, 0)
      throw .cannotReplace(reason: reason)
    }
  }

  /// The bytes of the regular file at `path` inside the folder (a link as the last part is
  /// followed only if it stays inside).
  func read(_ path: String, limit: Int) throws(FileError) -> Data {
    let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotRead }
    defer { close(fd) }
    guard let real = Self.realPath(ofDescriptor: fd), inside(real) else {
      throw .outsideFolder
    }
    guard case .success(let data) = RegularFile.read("/proc/self/fd/\(fd)", limit: limit),
      data.count <= limit
    else { throw .cannotRead }
    return data
  }

  /// Opens the real parent folder of `path` and checks it lies inside; answers the open folder
  /// and the last part of the path.
  func open(parentOf path: String) throws(FileError) -> (Int32, String) {
    let name = PathText.lastComponent(path)
    guard !name.isEmpty, name != ".", name != "..", !path.hasSuffix("/") else {
      throw .outsideFolder
    }
    let parent = PathText.parent(path)
    let directory = Glibc.open(
      parent.isEmpty ? "." : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else { throw .cannotCreate(path) }
    guard let real = Self.realPath(ofDescriptor: directory), real == base || inside(real) else {
      close(directory)
      throw .outsideFolder
    }
    return (directory, name)
  }

  func inside(_ real: String) -> Bool { real.hasPrefix(base == "/" ? "/" : base + "/") }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What an open descriptor really is: the kernel's own answer, immune to later link swaps.
  static func realPath(ofDescriptor fd: Int32) -> String? {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"))
  }
}
