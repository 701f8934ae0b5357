import Foundation

/// On a crash, the input being run is written to stderr, so a finding is never lost.
///
/// `set` runs before every input, so it only copies the input's bytes (a `memcpy`); the signal
/// handler escapes them as it writes, without allocating (which a signal handler must not).
enum CrashReport {
  static let capacity = 1 << 16
  nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  nonisolated(unsafe) static var length = 0
  /// Where the handler assembles the escaped text, allocated up front.
  nonisolated(unsafe) static var escaped = UnsafeMutablePointer<UInt8>.allocate(
    capacity: 4 * capacity + 128)

  static func set(_ text: String) {
    var text = text
    text.withUTF8 { set(bytes: $0) }
  }

  static func set(bytes: UnsafeBufferPointer<UInt8>) {
    length = min(bytes.count, capacity)
    if length > 0 { buffer.update(from: bytes.baseAddress!, count: length) }
  }

  static func set(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { set(bytes: $0) } }

  /// The input as a quoted string with control bytes, quotes and backslashes escaped, written
  /// into `escaped`; answers its length. Async-signal-safe: no allocation, no locks.
  static func escapeInput() -> Int {
    var n = 0
    func put(_ byte: UInt8) {
      escaped[n] = byte
      n += 1
    }
    let prefix: StaticString = "\nbackprop-fuzz: crashed on input: \""
    for k in 0..<prefix.utf8CodeUnitCount { put(prefix.utf8Start[k]) }
    let hex: StaticString = "0123456789abcdef"
    for k in 0..<length {
      let byte = buffer[k]
      if byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5C {
        put(0x5C)
        if byte == 0x22 || byte == 0x5C {
          put(byte)
        } else {
          put(UInt8(ascii: "x"))
          put(hex.utf8Start[Int(byte >> 4)])
          put(hex.utf8Start[Int(byte & 15)])
        }
      } else {
        put(byte)
      }
    }
    put(0x22)
    put(0x0A)
    return n
  }

  static func install() {
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
      signal(sig) { sig in
        _ = write(2, CrashReport.escaped, CrashReport.escapeInput())
        signal(sig, SIG_DFL)
        raise(sig)
      }
    }
  }
}
