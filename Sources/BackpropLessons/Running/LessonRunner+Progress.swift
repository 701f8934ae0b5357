/// Leaving a lesson and coming back.
///
/// Progress records the pages visited (the path `previous` walks back along) rather than
/// engine snapshots: resuming replays the lesson's own commands along that path, which rebuilds
/// the engine exactly because the engine is deterministic, and keeps the progress file small.
extension LessonRunner {
  /// Where the student is, to be saved by a `ProgressStore`.
  public var progress: LessonProgress {
    LessonProgress(
      completed: status == .finished,
      page: pageNumber,
      path: history.map { $0.page + 1 },
      answers: Dictionary(uniqueKeysWithValues: answersTried.map { (String($0.key), $0.value) }))
  }

  /// Puts the student back where `progress` left them, with the engine rebuilt by running the
  /// commands of every page on the way. A finished lesson starts again from its first page.
  /// Returns a warning when the progress no longer fits the lesson (it was edited), in which case
  /// the lesson starts from its first page.
  @discardableResult
  public mutating func resume(from progress: LessonProgress, host: inout Host) -> String? {
    let path = progress.path.map { $0 - 1 }
    let answers = Dictionary(
      uniqueKeysWithValues: progress.answers.compactMap { key, value in Int(key).map { ($0, value) }
      })
    guard !progress.completed, let last = path.last else {
      start(host: &host)
      answersTried = answers
      return nil
    }
    guard path.allSatisfy({ lesson.pages.indices.contains($0) && !lesson.pages[$0].isPassThrough })
    else {
      start(host: &host)
      return
        "The saved place in \(lesson.fileName) no longer fits the lesson (it has changed); starting from its first page."
    }
    resetForStart()
    answersTried = answers
    for page in path.dropLast() {
      history.append(Visit(page: page, snapshot: host.snapshot()))
      seenPages.insert(page)
      replay(page, host: &host)
    }
    enter(last, host: &host)
    return nil
  }

  /// Runs a page's commands without showing anything, answering its command questions with
  /// the lesson's own command.
  mutating func replay(_ index: Int, host: inout Host) {
    for item in lesson.pages[index].items {
      switch item {
      case .command(let command): run(command, echo: false, host: &host)
      case .question(let question):
        if case .command(let command) = question.kind { run(command, echo: false, host: &host) }
      case .assertion(let assertion): check(assertion, host: host)
      case .prose: break
      }
    }
  }
}
