import TextGrid

/// The lesson's current page: prose wrapped to the pane by words; display lines (formulas,
/// matrices set apart in the prose) shown as written and never re-wrapped (←/→ scroll them when
/// they are wider than the pane, or zoom the pane); commands and their output laid out as in the
/// output pane (`PaneRow.printed`); the question and its feedback.
///
/// A page longer than the pane scrolls (PgUp/PgDn, and space scrolls before it turns the page).
/// Unscrolled, a new page shows its top, and once the student has answered or typed something
/// on the page, its end: the reveal and the output they are waiting for.
enum LessonPane {
  static func rows(_ state: AppState, width: Int) -> [PaneRow] {
    let g = state.glyphs
    var rows: [PaneRow] = []
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
      if kind == .display {
        // Formulas and matrices set apart in the prose keep their shape.
        rows.append(PaneRow(text: g.text(text), style: style, isDisplay: true))
      } else if kind == .output || kind == .command {
        rows += PaneRow.printed(g.text(text), style: style, width: width, glyphs: g)
      } else {
        for piece in TextWrap.wrap(g.text(text), width: width, ellipsis: g.text("…")) {
          rows.append(PaneRow(text: piece, style: style, isDisplay: false))
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
    let all = rows(state, width: width)
    let view = viewport(state, rows: all.count, height: height)
    return PaneBody(
      rows: all[view.range], width: width, height: height, viewport: view,
      shift: state.horizontalScroll[.lesson] ?? 0)
  }
}
