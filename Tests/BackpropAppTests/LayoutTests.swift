import BackpropApp
import Testing

/// The one layout function, checked as a property over every supported size and every
/// combination of panes: rectangles fit the screen, do not overlap, and each pane gets at least
/// its stated minimum (a zoomed pane, the whole body).
@Suite struct LayoutTests {
  static let contents: [Layout.Content] = {
    var list: [Layout.Content] = []
    for presenter in [false, true] {
      for lesson in [false, true] {
        for plot in [false, true] {
          list.append(Layout.Content(lesson: lesson, plot: plot, presenter: presenter))
          for pane in PaneID.allCases {
            list.append(
              Layout.Content(lesson: lesson, plot: plot, zoomed: pane, presenter: presenter))
          }
        }
      }
    }
    return list
  }()

  @Test(arguments: contents)
  func rectanglesFitAndDoNotOverlap(_ content: Layout.Content) {
    for width in stride(from: 80, through: 240, by: 4) {
      for height in stride(from: 24, through: 70, by: 2) {
        let layout = Layout.compute(width: width, height: height, content: content)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let fixed = [layout.titleBar, layout.commandLine, layout.statusLine]
        let all = layout.panes.map(\.1) + fixed
        for r in all {
          #expect(screen.contains(r), "\(r) is off a \(width)×\(height) screen")
        }
        for a in all.indices {
          for b in all.indices where a < b {
            #expect(
              !all[a].intersects(all[b]), "\(all[a]) overlaps \(all[b]) at \(width)×\(height)")
          }
        }
        if let zoomed = content.zoomed, content.panes.contains(zoomed) {
          #expect(layout.order == [zoomed])
          #expect(layout[zoomed] == Rect(x: 0, y: 1, width: width, height: height - 3))
        } else {
          // Nothing is dropped: every pane the content shows is there, at least its minimum.
          #expect(layout.order == content.panes)
          for (pane, rect) in layout.panes {
            let minimum = Layout.minimumSize(of: pane, presenter: content.presenter)
            #expect(
              rect.width >= minimum.width && rect.height >= minimum.height,
              "\(pane) is \(rect.width)×\(rect.height) at \(width)×\(height)")
          }
          // The body is covered: the panes' areas add up to it.
          let area = layout.panes.map { $0.1.width * $0.1.height }.reduce(0, +)
          #expect(area == width * (height - 3))
        }
      }
    }
  }

  /// Defect: at 100×30, the `screen` default, a lesson's plot got 9 rows and drew nothing.
  @Test func aLessonPlotHasItsRowsAt100x30() {
    let layout = Layout.compute(width: 100, height: 30, content: .init(lesson: true, plot: true))
    let plot = try! #require(layout[.plot])
    #expect(plot.inner.width >= 30 && plot.inner.height >= 10)
  }
}

extension Layout.Content: CustomTestStringConvertible {
  public var testDescription: String {
    "lesson: \(lesson), plot: \(plot), zoomed: \(zoomed?.rawValue ?? "none"), presenter: \(presenter)"
  }
}
