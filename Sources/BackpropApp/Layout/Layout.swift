/// The one place that works out where everything on the main screen goes.
///
/// In the spirit of ratatui's `Layout`: `(screen size, what is shown) → a rectangle per pane`.
/// The views draw into the rectangles it returns, and `update` asks the same function when it
/// scrolls or pages ("is the end of the page visible?"), so the two can never disagree. No other
/// code does arithmetic on pane sizes.
///
/// The rules, for a screen of at least 80×24 (smaller screens get a "too small" message instead):
/// - Row 0 is the title bar; the last row the status line; the row above it the command line.
///   The rows between are the body.
/// - A zoomed pane gets the whole body; the others are not drawn (their state is kept).
/// - Otherwise the body is three bands: the network diagram beside the values table on top, the
///   equation across the full width, and at the bottom the lesson (in a lesson) or the output
///   (in free play), with the plot to their right when one is shown.
/// - Bottom band: with a plot at least 12 rows (the plot draws nothing below 30×10 inside its
///   box), else 45% of the body; with a lesson and no plot at least 9 rows or 42%; the output alone
///   at least 6 rows or 30%. The equation has 6 rows from 40 rows up, else 5.
/// - The top band keeps at least 7 rows when it can: to get them the equation first gives up a
///   row (down to 4), then the bottom band gives up rows down to its minimum. The top band never
///   gets fewer than 5 rows (3 inside the box) at 80×24, the smallest supported screen.
/// - Widths: the diagram takes 45% of the width (half from 160 columns up), the values table the
///   rest; the plot takes 45% but at least 42 columns, the lesson or output the rest.
/// Every pane then gets at least its `minimumSize`, which the layout tests check for every size
/// from 80×24 to 240×70; nothing is dropped, except that panes other than a zoomed one are hidden.
public enum Layout {
  /// What the screen shows, as far as the layout cares.
  public struct Content: Equatable, Sendable {
    public var lesson: Bool
    public var plot: Bool
    public var zoomed: PaneID?
    /// Presenter mode: no values table; the equation large beside the network.
    public var presenter: Bool

    public init(lesson: Bool, plot: Bool, zoomed: PaneID? = nil, presenter: Bool = false) {
      self.lesson = lesson
      self.plot = plot
      self.zoomed = zoomed
      self.presenter = presenter
    }

    /// The panes this content shows when nothing is zoomed, in focus order.
    public var panes: [PaneID] {
      var list: [PaneID] =
        presenter
        ? [.network, .equation, lesson ? .lesson : .output]
        : [.network, .values, .equation, lesson ? .lesson : .output]
      if plot { list.append(.plot) }
      return list
    }
  }

  public static let minimumWidth = 80
  public static let minimumHeight = 24

  /// The smallest box (border included) each pane is given.
  public static func minimumSize(of pane: PaneID, presenter: Bool = false) -> (
    width: Int, height: Int
  ) {
    if presenter {
      switch pane {
      case .network: return (32, 9)
      case .equation: return (44, 9)
      case .values, .lesson, .output, .plot: break
      }
    }
    switch pane {
    case .network: return (32, 5)
    case .values: return (36, 5)
    case .equation: return (80, 4)
    case .lesson: return (38, 9)
    case .output: return (38, 6)
    case .plot: return (34, 12)
    }
  }

  /// The layout of the main screen (free play or a lesson) for a screen of `width`×`height`.
  public static func compute(width: Int, height: Int, content: Content) -> ScreenLayout {
    let w = max(width, 0)
    let h = max(height, 0)
    var layout = ScreenLayout(
      width: w, height: h,
      titleBar: Rect(x: 0, y: 0, width: w, height: 1),
      commandLine: Rect(x: 0, y: max(0, h - 2), width: w, height: 1),
      statusLine: Rect(x: 0, y: max(0, h - 1), width: w, height: 1))
    let body = Rect(x: 0, y: 1, width: w, height: max(0, h - 3))
    if let zoomed = content.zoomed, content.panes.contains(zoomed) {
      layout.panes = [(zoomed, body)]
      return layout
    }
    if content.presenter { return presenter(layout, body: body, content: content) }
    let bottomMinimum: Int
    var bottom: Int
    if content.plot {
      bottomMinimum = minimumSize(of: .plot).height
      bottom = max(bottomMinimum, body.height * 45 / 100)
    } else if content.lesson {
      bottomMinimum = minimumSize(of: .lesson).height
      bottom = max(bottomMinimum, body.height * 42 / 100)
    } else {
      bottomMinimum = minimumSize(of: .output).height
      bottom = max(bottomMinimum, body.height * 30 / 100)
    }
    var equation = h >= 40 ? 6 : 5
    let topWanted = 7
    if body.height - equation - bottom < topWanted { equation = minimumSize(of: .equation).height }
    let shortfall = topWanted - (body.height - equation - bottom)
    if shortfall > 0 { bottom = max(bottomMinimum, bottom - shortfall) }
    let top = max(0, body.height - equation - bottom)

    let diagramWidth = w >= 160 ? w / 2 : w * 45 / 100
    layout.panes.append((.network, Rect(x: 0, y: body.y, width: diagramWidth, height: top)))
    layout.panes.append(
      (.values, Rect(x: diagramWidth, y: body.y, width: w - diagramWidth, height: top)))
    layout.panes.append((.equation, Rect(x: 0, y: body.y + top, width: w, height: equation)))
    appendBottomBand(
      &layout, Rect(x: 0, y: body.y + top + equation, width: w, height: bottom), content: content)
    return layout
  }

  /// The bottom band, the same on every screen: the lesson or the output, and the plot to its
  /// right (45% of the width, at least 42 columns) when one is shown.
  static func appendBottomBand(_ layout: inout ScreenLayout, _ band: Rect, content: Content) {
    let plotWidth = content.plot ? max(42, band.width * 45 / 100) : 0
    layout.panes.append(
      (
        content.lesson ? .lesson : .output,
        Rect(x: band.x, y: band.y, width: band.width - plotWidth, height: band.height)
      ))
    if content.plot {
      layout.panes.append(
        (
          .plot,
          Rect(x: band.maxX - plotWidth, y: band.y, width: plotWidth, height: band.height)
        ))
    }
  }
}

extension Layout {
  /// Presenter mode: the network on the left of the top band and the equation (drawn large) to
  /// its right; the lesson or output below, short, with the plot beside it when one is shown.
  /// - Bottom band: with a plot at least 12 rows or 40% of the body; with a lesson at least 9
  ///   rows or 30%; the output alone at least 6 rows or 22% (captions and answers, not tables).
  /// - Widths: the network 35% but at least 32 columns, the equation the rest; the plot as on the
  ///   main screen.
  static func presenter(_ base: ScreenLayout, body: Rect, content: Content) -> ScreenLayout {
    var layout = base
    let w = body.width
    let bottom: Int
    if content.plot {
      bottom = max(minimumSize(of: .plot).height, body.height * 40 / 100)
    } else if content.lesson {
      bottom = max(minimumSize(of: .lesson).height, body.height * 30 / 100)
    } else {
      bottom = max(minimumSize(of: .output).height, body.height * 22 / 100)
    }
    let top = body.height - bottom
    let networkWidth = max(32, w * 35 / 100)
    layout.panes.append((.network, Rect(x: 0, y: body.y, width: networkWidth, height: top)))
    layout.panes.append(
      (.equation, Rect(x: networkWidth, y: body.y, width: w - networkWidth, height: top)))
    appendBottomBand(
      &layout, Rect(x: body.x, y: body.y + top, width: w, height: bottom), content: content)
    return layout
  }
}

/// The panes of the main screen. Their names are what `zoom` takes.
public enum PaneID: String, CaseIterable, Equatable, Hashable, Sendable {
  case network, values, equation, lesson, output, plot
}

/// A rectangle of character cells.
public struct Rect: Equatable, Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// The inside of a pane's box: one row of border above and below, a border and a column of
  /// padding on each side.
  public var inner: Rect {
    Rect(x: x + 2, y: y + 1, width: max(0, width - 4), height: max(0, height - 2))
  }

  public func intersects(_ other: Rect) -> Bool {
    !isEmpty && !other.isEmpty && x < other.maxX && other.x < maxX && y < other.maxY
      && other.y < maxY
  }

  public func contains(_ other: Rect) -> Bool {
    other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
  }
}

/// Where everything goes on the main screen: the answer of `Layout.compute`.
public struct ScreenLayout: Equatable, Sendable {
  public var width: Int
  public var height: Int
  public var titleBar: Rect
  public var commandLine: Rect
  public var statusLine: Rect
  /// The panes drawn, in focus order.
  public var panes: [(PaneID, Rect)] = []

  public subscript(pane: PaneID) -> Rect? { panes.first { $0.0 == pane }?.1 }

  /// The panes drawn, in the order Tab visits them.
  public var order: [PaneID] { panes.map(\.0) }

  public static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
    a.width == b.width && a.height == b.height && a.titleBar == b.titleBar
      && a.commandLine == b.commandLine && a.statusLine == b.statusLine
      && a.panes.map(\.0) == b.panes.map(\.0) && a.panes.map(\.1) == b.panes.map(\.1)
  }
}
