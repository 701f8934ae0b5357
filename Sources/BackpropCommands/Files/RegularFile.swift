import FoundationEssentials
import Glibc

/// Reads a file only if it is a regular file, and only up to a size limit.
///
/// `FileManager.contents(atPath:)` and `FileHandle(forReadingAtPath:)` open whatever the path
/// names: a FIFO called `01-intro.lesson` or `progress.json` blocks the open until a writer
/// appears, which hung `check`, `--lesson` and start-up. Here the file is opened without
/// blocking, its type is checked on the open descriptor (so it cannot be swapped between the
/// check and the read), and at most `limit + 1` bytes are read, so an endless file is safe too.
public enum RegularFile {
  public enum Failure: Error, Equatable, Sendable {
    case missing
    case folder
    /// A FIFO, a device, a socket: not something to read as a file.
    case notRegular
    case cannotOpen(String)
    case cannotRead(String)

    /// Words for a message: "no such file", "is a FIFO, not a regular file", …
    public var message: String {
      switch self {
      case .missing: return "no such file"
      case .folder: return "this is a folder, not a file"
      case .notRegular: return "this is not a regular file (a FIFO, device or socket)"
      case .cannotOpen(let why): return "cannot open the file for reading (\(why))"
      case .cannotRead(let why): return "cannot read the file (\(why))"
      }
    }
  }

  /// The file's bytes, at most `limit + 1` of them (so a caller can tell "too large").
  public static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      return .failure(code == ENOENT ? .missing : .cannotOpen(String(cString: strerror(code))))
    }
    defer { Glibc.close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      return .failure(.cannotOpen(String(cString: strerror(errno))))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.folder)
    default: return .failure(.notRegular)
    }
    // A regular file never blocks; clear the flag anyway so reads behave normally.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count <= limit {
      let want = min(buffer.count, limit + 1 - data.count)
      let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
      if got < 0 {
        if errno == EINTR { continue }
        return .failure(.cannotRead(String(cString: strerror(errno))))
      }
      if got == 0 { break }
      data.append(contentsOf: buffer[0..<got])
    }
    return .success(data)
  }

  /// Whether `path` names a regular file (following links), without opening it.
  public static func isRegular(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }
}
