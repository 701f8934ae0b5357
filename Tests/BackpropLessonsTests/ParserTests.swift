import BackpropLessons
import Testing

/// Every directive and line kind of the format, read correctly.
@Suite struct ParserTests {
  @Test func headerProseAndComments() throws {
    let lesson = try Fixture.lesson(
      """
      @title  The linear neuron
      @section Learning as an optimization problem
      # a comment, never shown
      First line of a paragraph
      and its second line.
         # an indented comment

      A second paragraph with δ, η, φ, Σ and ∂.
      """)
    #expect(lesson.title == "The linear neuron")
    #expect(lesson.section == "Learning as an optimization problem")
    #expect(lesson.pages.count == 1)
    #expect(
      lesson.pages[0].items == [
        .prose(Prose(text: "First line of a paragraph and its second line.", line: 4)),
        .prose(Prose(text: "A second paragraph with δ, η, φ, Σ and ∂.", line: 8)),
      ])
    #expect(lesson.pages[0].ending == .end)
  }

  @Test func displayLinesAreKeptAsWritten() throws {
    let lesson = try Fixture.lesson(
      Fixture.text("Some text\n  E = (t − y)²\n\tΔw = −η ∂E/∂w\nMore text.\n"))
    #expect(
      lesson.pages[0].items == [
        .prose(Prose(text: "Some text", line: 3)),
        .prose(Prose(text: "  E = (t − y)²", isDisplay: true, line: 4)),
        .prose(Prose(text: "\tΔw = −η ∂E/∂w", isDisplay: true, line: 5)),
        .prose(Prose(text: "More text.", line: 6)),
      ])
  }

  @Test func backslashEscapesALineStart() throws {
    let lesson = try Fixture.lesson(
      Fixture.text("\\@title is prose here\n\\> so is this\n\\# and this\n"))
    #expect(
      lesson.pages[0].items == [
        .prose(Prose(text: "@title is prose here > so is this # and this", line: 3))
      ])
  }

  @Test func commandsKeepTheirColumn() throws {
    let lesson = try Fixture.lesson(Fixture.text("> example mazur\n   >   step 2\n"))
    #expect(
      lesson.pages[0].items == [
        .command(LessonCommand(text: "example mazur", line: 3, column: 3)),
        .command(LessonCommand(text: "step 2", line: 4, column: 8)),
      ])
  }

  @Test func appCommandsThatDrawAreAllowed() throws {
    let lesson = try Fixture.lesson(Fixture.text("> plot surface\n> screen 100x30\n"))
    #expect(lesson.pages[0].items.count == 2)
  }

  @Test func pausesLabelsAndGotosMakePages() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        """
        Page one.
        @pause Press next when you are ready.
        Page two.
        @goto end
        @label middle
        Page three.
        @label end
        @label also-end
        Page four.
        """))
    #expect(lesson.pages.count == 4)
    #expect(lesson.pages[0].ending == .pause(prompt: "Press next when you are ready.", line: 4))
    #expect(lesson.pages[1].ending == .goto(label: "end", line: 6, column: 7))
    #expect(lesson.pages[2].labels == ["middle"])
    #expect(lesson.pages[2].ending == .pause(prompt: nil, line: 9))
    #expect(lesson.pages[3].labels == ["end", "also-end"])
    #expect(lesson.labels == ["middle": 2, "end": 3, "also-end": 3])
    #expect(lesson.pageAfter(0) == 1)
    #expect(lesson.pageAfter(1) == 3)
    #expect(lesson.pageAfter(3) == nil)
  }

  @Test func numberQuestion() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        """
        @question
        What is o_5
        after the forward pass?

          o_5 = φ(net_5)
        @answer 0.75137 = o_5
        @tolerance 1e-3 2%
        @hint First net_5,
        then φ.
        @hint φ(1.1059) = ?
        @right Yes.
        @wrong No.
        @end
        """))
    guard case .question(let q) = lesson.pages[0].items[0] else {
      Issue.record("not a question")
      return
    }
    #expect(q.line == 3)
    #expect(
      q.prompt == [
        Prose(text: "What is o_5 after the forward pass?", line: 4),
        Prose(text: "  o_5 = φ(net_5)", isDisplay: true, line: 7),
      ])
    #expect(
      q.kind
        == .number(
          NumericAnswer(
            value: 0.75137, text: "0.75137", quantity: "o_5",
            tolerance: Tolerance(absolute: 1e-3, relative: 0.02),
            line: 8, valueColumn: 9, quantityColumn: 19)))
    #expect(q.hints == ["First net_5, then φ.", "φ(1.1059) = ?"])
    #expect(q.right == "Yes.")
    #expect(q.wrong == "No.")
  }

  @Test func numberAnswerForms() throws {
    func answer(_ line: String) throws -> NumericAnswer? {
      let lesson = try Fixture.lesson(Fixture.text("@question Q?\n\(line)\n@end\n"))
      guard case .question(let q) = lesson.pages[0].items[0], case .number(let a) = q.kind else {
        return nil
      }
      return a
    }
    let quantityOnly = try answer("@answer = E")
    #expect(quantityOnly?.value == nil)
    #expect(quantityOnly?.quantity == "E")
    #expect(quantityOnly?.tolerance == .answer)
    let literalOnly = try answer("@answer −1")
    #expect(literalOnly?.value == -1)
    #expect(literalOnly?.quantity == nil)
    let tight = try answer("@answer 0.3775=net_3")
    #expect(tight?.value == 0.3775)
    #expect(tight?.quantity == "net_3")
  }

  @Test func choiceQuestionAndMenu() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        """
        @question Where is E smallest?
        a) at y = 1
          b) at y = t -> here
        c) where x -> y is a map
        @answer b
        @on-wrong here
        @end
        @label here
        @question What next?
        a) Again -> here
        b) Stop -> here
        @end
        """))
    guard case .question(let quiz) = lesson.pages[0].items[0],
      case .question(let menu) = lesson.pages[1].items[0]
    else {
      Issue.record("not questions")
      return
    }
    #expect(
      quiz.kind
        == .choice(
          options: [
            ChoiceOption(letter: "a", text: "at y = 1", line: 4),
            ChoiceOption(letter: "b", text: "at y = t", target: "here", line: 5, targetColumn: 18),
            ChoiceOption(letter: "c", text: "where x -> y is a map", line: 6),
          ], answer: 1))
    #expect(quiz.onWrong == "here")
    #expect(!quiz.isMenu)
    #expect(menu.isMenu)
  }

  @Test func commandQuestion() throws {
    let lesson = try Fixture.lesson(
      Fixture.text("@question Run the forward pass.\n@answer >  fw\n@end\n"))
    guard case .question(let q) = lesson.pages[0].items[0] else { return }
    #expect(q.kind == .command(LessonCommand(text: "fw", line: 4, column: 12)))
  }

  @Test func assertions() throws {
    let lesson = try Fixture.lesson(
      Fixture.text(
        """
        @assert o_5 = 0.75136507 ± 1e-8
        @assert E=0.298 +- 0.1%
        @assert δ_5 = 0.13850
        @assert w_13 = 1 +/- 0
        """))
    let asserts = lesson.pages[0].items.compactMap { item -> Assertion? in
      if case .assertion(let a) = item { return a }
      return nil
    }
    #expect(
      asserts[0]
        == Assertion(
          quantity: "o_5", expected: 0.75136507, expectedText: "0.75136507",
          tolerance: Tolerance(absolute: 1e-8, relative: 0), line: 3, quantityColumn: 9,
          valueColumn: 15))
    #expect(asserts[1].quantity == "E")
    #expect(asserts[1].tolerance == Tolerance(absolute: 0, relative: 0.001))
    #expect(asserts[2].tolerance == Tolerance.printed("0.13850"))
    #expect(asserts[3].tolerance == Tolerance(absolute: 0, relative: 0))
    // A page of assertions only is passed through.
    #expect(lesson.pages[0].isPassThrough)
  }

  @Test func windowsLineEndingsAndByteOrderMark() throws {
    let text = "\u{FEFF}@title T\r\n@section S\r\n> example mazur\r\nProse.\r\n"
    let lesson = try LessonParser.parse(data: Data(text.utf8), file: "crlf.lesson")
    #expect(lesson.title == "T")
    #expect(
      lesson.pages[0].items == [
        .command(LessonCommand(text: "example mazur", line: 3, column: 3)),
        .prose(Prose(text: "Prose.", line: 4)),
      ])
  }

  @Test func directivesAreCaseInsensitive() throws {
    let lesson = try Fixture.lesson("@Title T\n@SECTION S\nText.\n@Pause\nMore.\n")
    #expect(lesson.pages.count == 2)
  }

  @Test func fileNameAndDirectory() throws {
    let lesson = try Lesson.load(path: Fixture.path("good.lesson"))
    #expect(lesson.fileName == "good.lesson")
    #expect(lesson.directory == Fixture.directory)
  }
}

import Foundation
