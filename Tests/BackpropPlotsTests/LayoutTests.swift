import BackpropPlots
import Testing
import TextGrid

/// Labels stay out of the data area and out of each other's way.
@Suite struct LayoutTests {
  static let sizes = [(30, 10), (40, 12), (57, 17), (80, 24), (120, 40)]

  @Test(arguments: sizes) func rowsHaveOneJobEach(size: (Int, Int)) throws {
    let frames = [
      Fixtures.twoCasesSurface.frame(width: size.0, height: size.1),
      Fixtures.parabola.frame(width: size.0, height: size.1),
      Fixtures.logLoss.frame(width: size.0, height: size.1),
    ]
    for case let frame? in frames {
      let special = [frame.titleRow, frame.axisRow, frame.tickLabelRow, frame.legendRow]
      #expect(Set(special).count == 4)
      #expect(special.allSatisfy { !frame.dataRows.contains($0) })
      #expect(frame.axisColumn < frame.dataLeft)
      #expect(frame.dataLeft + frame.dataWidth <= size.0)
      #expect(frame.dataWidth >= size.0 / 2 && frame.dataHeight == size.1 - 4)
    }
  }

  /// Only shades and markers appear in the data area of a surface, so no label leaked into it.
  @Test(arguments: sizes) func surfaceDataAreaHoldsOnlyShadesAndMarkers(size: (Int, Int)) throws {
    for glyphs in [GlyphSet.unicode, .ascii] {
      let markers: Set<Character> =
        glyphs.isUnicode ? ["●", "•", "·", "?"] : ["X", "o", "~", "/", "\\", "|", "?"]
      let allowed = Set(glyphs.shades).union(markers)
      for plot in [Fixtures.singleCaseSurface, Fixtures.twoCasesSurface, Fixtures.brokenSurface] {
        let grid = plot.render(width: size.0, height: size.1, glyphs: glyphs)
        let frame = try #require(plot.frame(width: size.0, height: size.1, glyphs: glyphs))
        for row in frame.dataRows {
          for column in frame.dataColumns {
            #expect(allowed.contains(grid[column, row].character))
          }
        }
      }
    }
  }

  /// Tick labels are numbers separated by spaces, in order, and each sits under its tick mark.
  @Test(arguments: sizes) func tickLabelsAreSeparateAndOrdered(size: (Int, Int)) throws {
    for glyphs in [GlyphSet.unicode, .ascii] {
      let tee: Character = glyphs.isUnicode ? "┬" : "+"
      let grids: [(TextGrid, PlotFrame?)] = [
        (
          Fixtures.twoCasesSurface.render(width: size.0, height: size.1, glyphs: glyphs),
          Fixtures.twoCasesSurface.frame(width: size.0, height: size.1, glyphs: glyphs)
        ),
        (
          Fixtures.loss.render(width: size.0, height: size.1, glyphs: glyphs),
          Fixtures.loss.frame(width: size.0, height: size.1, glyphs: glyphs)
        ),
      ]
      for (grid, frame) in grids {
        let frame = try #require(frame)
        let labels = grid.lines[frame.tickLabelRow].split(separator: " ").map { Double($0) }
        #expect(labels.count >= 2)
        #expect(labels.allSatisfy { $0 != nil })
        let numbers = labels.compactMap { $0 }
        #expect(numbers == numbers.sorted())
        let marks = frame.dataColumns.filter { grid[$0, frame.axisRow].character == tee }
        #expect(marks.count == numbers.count)
        for (mark, number) in zip(marks, numbers) {
          // The tick's column covers the labelled value.
          let dx = frame.xRange.span / Double(frame.dataWidth)
          let left = frame.xCenter(ofColumn: mark) - dx / 2
          #expect(number >= left - 1e-9 && number <= left + dx + 1e-9)
        }
        // Y tick labels stay in the margin, right-aligned against the axis.
        for row in frame.dataRows {
          for column in 0..<frame.axisColumn where grid[column, row].character != " " {
            #expect(grid[frame.axisColumn, row].character != glyphs.vertical)
          }
        }
      }
    }
  }
}
