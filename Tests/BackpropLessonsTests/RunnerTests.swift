import BackpropCommands
import BackpropLessons
import Testing

/// Navigation: pages, snapshots, jumps and branches.
@Suite struct RunnerTests {
  static let threePages = Fixture.text(
    """
    Page one.
    > example mazur
    @pause
    Page two.
    > forward
    @pause
    Page three.
    > backward
    """)

  @Test func startShowsTheFirstPageAndWaits() throws {
    let d = Drive(try Fixture.lesson(Self.threePages))
    #expect(d.runner.status == .endOfPage)
    #expect(d.runner.pageNumber == 1)
    #expect(d.runner.pageCount == 3)
    #expect(d.runner.lines.first == LessonLine(.prose, "Page one."))
    #expect(d.runner.lines[1] == LessonLine(.command, "example mazur"))
    #expect(d.runner.lines[2].kind == .output)
    #expect(d.runner.lines.last == LessonLine(.pause, "Type `next` to go on."))
    #expect(!d.runner.canGoBack)
  }

  @Test func previousRestoresTheEngineExactly() throws {
    var d = Drive(try Fixture.lesson(Self.threePages))
    let onPage1 = d.host.session.trainer
    d.send(.next)
    let onPage2 = d.host.session.trainer
    let page2Lines = d.runner.lines
    d.send(.next)
    #expect(d.runner.pageNumber == 3)
    #expect(d.host.session.trainer != onPage2)
    d.send(.previous)
    #expect(d.runner.pageNumber == 2)
    #expect(d.host.session.trainer == onPage2)
    #expect(d.runner.lines == page2Lines)
    d.send(.previous)
    #expect(d.runner.pageNumber == 1)
    #expect(d.host.session.trainer == onPage1)
    d.send(.previous)
    #expect(d.runner.lines.last == LessonLine(.note, "This is the first page."))
    d.send(.next)
    #expect(d.host.session.trainer == onPage2)
  }

  @Test func repeatPageUndoesExploring() throws {
    var d = Drive(try Fixture.lesson(Self.threePages))
    d.send(.next)
    let onPage2 = d.host.session.trainer
    d.send(.command("backward"))
    #expect(d.host.session.trainer != onPage2)
    let visits = d.runner.pageVisits
    d.send(.repeatPage)
    #expect(d.runner.pageVisits == visits + 1)
    #expect(d.runner.pageNumber == 2)
    #expect(d.host.session.trainer == onPage2)
  }

  @Test func exploringIsShownAndUndoneWhenTheLessonGoesOn() throws {
    var d = Drive(
      try Fixture.lesson(
        Fixture.text("> example mazur\n@pause\n> get w_13\n@assert w_13 = 0.15 ± 0\n")))
    d.send(.command("set w_13 9"))
    #expect(
      d.runner.lines.suffix(2) == [
        LessonLine(.command, "set w_13 9"), LessonLine(.output, "w_13 = 9"),
      ])
    d.send(.command("frobnicate"))
    #expect(d.runner.lines.last?.kind == .error)
    d.send(.next)
    // The next page sees the lesson's weights, not the student's w_13 = 9.
    #expect(d.texts(.output) == ["w_13 = 0.15"])
    #expect(d.runner.problems.isEmpty)
    #expect((try? d.host.value(named: "w_13")) == 0.15)
  }

  @Test func gotoAndLabels() throws {
    var d = Drive(
      try Fixture.lesson(
        Fixture.text(
          "One.\n@goto three\n@label two\nTwo.\n@pause\n@label three\nThree.\n@goto two\n")))
    d.send(.next)
    #expect(d.texts(.prose) == ["Three."])
    #expect(d.runner.pageNumber == 3)
    d.send(.next)
    #expect(d.texts(.prose) == ["Two."])
    d.send(.next)
    #expect(d.texts(.prose) == ["Three."])
    d.send(.previous)
    #expect(d.texts(.prose) == ["Two."])
  }

  @Test func pagesThatShowNothingArePassedThrough() throws {
    var d = Drive(
      try Fixture.lesson(Fixture.text("> example mazur\n@pause\n@assert E = 99\n@pause\nLast.\n")))
    d.send(.next)
    #expect(d.texts(.prose) == ["Last."])
    #expect(d.runner.pageNumber == 3)
    #expect(d.runner.problems.map(\.line) == [5])
    d.send(.previous)
    #expect(d.runner.pageNumber == 1)
  }

  @Test func finishing() throws {
    var d = Drive(try Fixture.lesson(Fixture.text("Only page.\n")))
    #expect(d.runner.isFinished)
    #expect(d.runner.lines.last == LessonLine(.end, "End of the lesson."))
    d.send(.next)
    #expect(d.runner.lines.last?.kind == .note)
    #expect(d.runner.progress.completed)
  }

  @Test func inputsThatDoNotApplyOnlyAddANote() throws {
    var d = Drive(try Fixture.lesson(Self.threePages))
    for input in [LessonInput.answer("1"), .hint, .skip] {
      let before = d.runner.lines.count
      d.send(input)
      #expect(d.runner.lines.count == before + 1)
      #expect(d.runner.lines.last?.kind == .note)
      #expect(d.runner.pageNumber == 1)
    }
  }

  @Test func lessonProblemsPointIntoTheFile() throws {
    let d = Drive(
      try Fixture.lesson(Fixture.text("> example mazur\n>   set w_99 1\n@assert w_13 = 0.3\n")))
    #expect(
      d.runner.problems.map { "\($0.line):\($0.column)" } == ["4:9", "5:16"])
    #expect(d.runner.problems[0].message.hasPrefix("`set w_99 1` failed: there is no neuron 9"))
    #expect(d.runner.problems[1].message == "w_13 is 0.15 (expected 0.3 ± 0.05)")
    #expect(d.texts(.error).count == 1)
  }

  @Test func sessionItselfRefusesAppCommands() throws {
    let lesson = try Fixture.lesson(Fixture.text("> plot surface\n"))
    var session = Session()
    var runner = LessonRunner<Session>(lesson: lesson)
    runner.start(host: &session)
    #expect(runner.lines.contains { $0.kind == .error })
    var headless = HeadlessLessonHost()
    var other = LessonRunner<HeadlessLessonHost>(lesson: lesson)
    other.start(host: &headless)
    #expect(!other.lines.contains { $0.kind == .error })
    #expect(other.problems.isEmpty)
  }
}
