import Glibc

/// printf-style formatting of one number through the C library.
///
/// `String(format:)` lives in Foundation proper, and importing that loads Foundation and ICU at
/// start-up (about 7 MiB of resident memory before the first screen). The product needs only
/// `%f`, `%e` and `%g` of a single double, which C's `vsnprintf` does exactly.
public enum CFormat {
  /// `format` holds exactly one conversion for a `Double`, such as `%.3f` or `%.4e`.
  public static func string(_ format: String, _ x: Double) -> String {
    var capacity = 64
    while true {
      let (text, needed) = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) {
        buffer -> (String?, Int) in
        let written = withVaList([x]) { vsnprintf(buffer.baseAddress, capacity, format, $0) }
        guard written >= 0 else { return ("", 0) }
        if Int(written) < capacity { return (String(cString: buffer.baseAddress!), 0) }
        return (nil, Int(written) + 1)
      }
      if let text { return text }
      capacity = needed
    }
  }
}
