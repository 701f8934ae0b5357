/// A window of `height` rows onto `total` rows of content: which row is at the top, and how many
/// are hidden above and below.
///
/// Views and `update` both use it, with the rectangle `Layout` gives, so "is the end of the page
/// visible?" has one answer. A pane without a stored scroll position is anchored either at its
/// top (a new lesson page) or at its end (the output of the command just typed, the question
/// that waits).
public struct Viewport: Equatable, Sendable {
  public let total: Int
  public let height: Int
  public let start: Int

  /// `scroll` is the first row shown (clamped); nil anchors at the top or at the end.
  public init(total: Int, height: Int, scroll: Int?, anchorAtEnd: Bool) {
    self.total = max(0, total)
    self.height = max(0, height)
    let maxStart = max(0, self.total - self.height)
    if let scroll {
      start = min(max(0, scroll), maxStart)
    } else {
      start = anchorAtEnd ? maxStart : 0
    }
  }

  public var maxStart: Int { max(0, total - height) }
  public var above: Int { start }
  public var below: Int { max(0, total - start - height) }
  public var range: Range<Int> { start..<min(total, start + height) }

  /// Rows a page key moves: the pane's height less one row kept for context.
  public var pageStep: Int { max(1, height - 1) }

  /// The scroll position after a key: PgUp/PgDn by a page, Home/End to either end, arrows by one.
  public func scrolled(_ motion: Motion) -> Int {
    switch motion {
    case .pageDown: return min(maxStart, start + pageStep)
    case .pageUp: return max(0, start - pageStep)
    case .lineDown: return min(maxStart, start + 1)
    case .lineUp: return max(0, start - 1)
    case .home: return 0
    case .end: return maxStart
    }
  }

  public enum Motion: Equatable, Sendable {
    case pageUp, pageDown, lineUp, lineDown, home, end
  }
}
