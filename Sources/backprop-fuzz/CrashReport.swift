import Foundation

/// On a crash, the input being run is written to stderr, so a finding is never lost.
enum CrashReport {
  nonisolated(unsafe) static var current = ""
  nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
  nonisolated(unsafe) static var length = 0

  static func set(_ text: String) {
    let bytes = Array(
      ("\nbackprop-fuzz: crashed on input: " + text.debugDescription + "\n").utf8.prefix(1 << 16))
    bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
    length = bytes.count
  }

  static func install() {
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
      signal(sig) { sig in
        _ = write(2, CrashReport.buffer, CrashReport.length)
        signal(sig, SIG_DFL)
        raise(sig)
      }
    }
  }
}
