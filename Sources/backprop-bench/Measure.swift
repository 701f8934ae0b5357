import Foundation

/// Clocks and memory, read the same way by every figure.
enum Measure {
  /// Wall-clock seconds (monotonic).
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// CPU seconds used by this process: on a shared machine the fair figure, since another
  /// program's load does not count against us.
  static func cpu() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }

  /// Peak resident memory (VmHWM) in MiB, from /proc.
  static func peakMiB() -> Double { status("VmHWM:") }

  /// Resident memory now (VmRSS) in MiB.
  static func residentMiB() -> Double { status("VmRSS:") }

  private static func status(_ key: String) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return .nan
    }
    for line in text.split(separator: "\n") where line.hasPrefix(key) {
      let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
      return kb / 1024
    }
    return .nan
  }
}
