import TextGrid

/// The lesson's current page: prose wrapped to the pane by words, display lines (formulas,
/// matrices), commands and their output shown as written and never re-wrapped (←/→ scroll them
/// when they are wider than the pane, or zoom the pane), the question and its feedback.
///
/// A page longer than the pane scrolls (PgUp/PgDn, and space scrolls before it turns the page).
/// Unscrolled, a new page shows its top, and once the student has answered or typed something
/// on the page, its end: the reveal and the output they are waiting for.
enum LessonPane {
  /// One row of the page at a given width.
  struct Row {
    var text: String
    var style: CellStyle
    /// Shown as written: clipped and scrolled sideways, never wrapped.
    var isDisplay: Bool
  }

  static func rows(_ state: AppState, width: Int) -> [Row] {
    let g = state.glyphs
    var rows: [Row] = []
    for (text, kind) in state.lessons.pageLines {
      let style: CellStyle
      switch kind {
      case .prose, .display: style = .plain
      case .heading: style = .bold
      case .command: style = .bold
      case .output: style = .dim
      case .question: style = state.colors ? [.bold, .cyan] : .bold
      case .feedback: style = state.colors ? .green : .underline
      case .error: style = state.colors ? [.bold, .red] : .bold
      }
      if kind == .output || kind == .command || kind == .display {
        rows.append(Row(text: g.text(text), style: style, isDisplay: true))
      } else {
        for piece in TextWrap.wrap(g.text(text), width: width, ellipsis: g.text("…")) {
          rows.append(Row(text: piece, style: style, isDisplay: false))
        }
      }
    }
    return rows
  }

  /// The viewport over the page at this pane size, as both the view and `update` see it.
  static func viewport(_ state: AppState, rows: Int, height: Int) -> Viewport {
    Viewport(
      total: rows, height: height, scroll: state.scroll[.lesson],
      anchorAtEnd: state.lessons.isWaitingForTypedAnswer || state.lessons.followsEnd)
  }

  static func render(_ state: AppState, width: Int, height: Int) -> PaneBody {
    var grid = TextGrid(width: width, height: height)
    let all = rows(state, width: width)
    let view = viewport(state, rows: all.count, height: height)
    let shift = state.horizontalScroll[.lesson] ?? 0
    var body = PaneBody(grid, viewport: view)
    for (k, row) in all[view.range].enumerated() {
      if row.isDisplay {
        let piece = Columns.slice(row.text, from: shift, width: width)
        grid.put(piece.text, x: 0, y: k, style: row.style)
        body.hasMoreLeft = body.hasMoreLeft || piece.hiddenLeft
        body.hasMoreRight = body.hasMoreRight || piece.hiddenRight
      } else {
        grid.put(row.text, x: 0, y: k, style: row.style)
      }
    }
    body.grid = grid
    return body
  }
}
