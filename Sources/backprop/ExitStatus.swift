import FoundationEssentials
import Glibc
import TextGrid

/// The exit statuses backprop uses, as README and `--help` document them: the conventions of
/// well-kept command-line tools (grep, diff, git), rather than sysexits' 64.
enum ExitStatus {
  /// Everything ran and every check held.
  static let success: Int32 = 0
  /// A command or a check failed (a headless command's error, a lesson problem).
  static let failure: Int32 = 1
  /// The command line was wrong: a bad flag or value, a missing file, no terminal.
  static let usage: Int32 = 2

  /// The lines `--help` ends with.
  static let documentation = """
    Exit status: 0 success; 1 a command or check failed; 2 usage error (bad flag or value, \
    missing file, no terminal).
    """
}

/// Output at the edge: answers to standard output, diagnostics to standard error, and with
/// `--ascii` every line spelled in ASCII (δ_5 → d_5, η → eta, · → *, − → -).
struct Output {
  var ascii = false

  func answer(_ line: String) {
    print(ascii ? ASCIIFallback.transliterate(line) : line)
  }

  func diagnostic(_ line: String) {
    // Answers are buffered when standard output is a pipe; flush them first so that, with both
    // streams in one place (`2>&1`), an error follows the command it belongs to.
    fflush(nil)
    var text = (ascii ? ASCIIFallback.transliterate(line) : line) + "\n"
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 && errno != EINTR { break }
        offset += max(0, written)
      }
    }
  }
}
