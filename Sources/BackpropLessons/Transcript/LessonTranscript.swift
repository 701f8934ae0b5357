import TextGrid
import BackpropCommands

/// A lesson run without a screen: inputs come from a sequence of lines (stdin in the CLI) and
/// what a student would read comes back as plain text.
///
/// This is `backprop --headless` for lessons, and it is how a whole lesson is tested: the
/// transcript of a fixed list of inputs is compared with a golden file. Each input line is
/// echoed as `» line`; an empty line means `next`, `quit` leaves. When the inputs run out the
/// transcript ends with a note saying where it stopped.
public enum LessonTranscript {
  /// The transcript as lines.
  public static func run<Host: LessonHost>(
    lesson: Lesson, host: inout Host, inputs: some Sequence<String>, width: Int = 80
  ) -> [String] {
    var out: [String] = []
    run(lesson: lesson, host: &host, inputs: inputs, width: width) { out.append($0) }
    return out
  }

  /// Streams the transcript to `emit` as it goes (so stdin can be interactive), resuming from
  /// `progress` when given, and returns the runner so its `progress` can be saved.
  @discardableResult
  public static func run<Host: LessonHost>(
    lesson: Lesson, host: inout Host, inputs: some Sequence<String>, width: Int = 80,
    resumingFrom progress: LessonProgress? = nil, emit: (String) -> Void
  ) -> LessonRunner<Host> {
    var runner = LessonRunner<Host>(lesson: lesson)
    // No one can look at a menu in a transcript, so `skip` takes its first option.
    runner.skipTakesFirstOption = true
    emit("\(lesson.title) (\(lesson.section))")
    if let progress, let warning = runner.resume(from: progress, host: &host) {
      emit("(\(warning))")
    } else if progress == nil {
      runner.start(host: &host)
    }
    return withoutActuallyEscaping(emit) { emit in
      var renderer = Renderer(width: width, emit: emit)
      renderer.page(runner)
      return steer(runner, &renderer, host: &host, inputs: inputs, emit: emit)
    }
  }

  static func steer<Host: LessonHost>(
    _ runner: LessonRunner<Host>, _ renderer: inout Renderer, host: inout Host,
    inputs: some Sequence<String>, emit: (String) -> Void
  ) -> LessonRunner<Host> {
    var runner = runner
    var iterator = inputs.makeIterator()
    while !runner.isFinished, let input = iterator.next() {
      emit("")
      emit("» " + input)
      renderer.previous = .response
      if let word = input.split(separator: " ").first,
        CommandSpec.named(String(word)) == .quit
      {
        emit("(left the lesson at page \(runner.pageNumber) of \(runner.pageCount))")
        return runner
      }
      let visits = runner.pageVisits
      let count = runner.lines.count
      runner.handle(
        LessonInput.parse(
          input, waitingFor: runner.isWaitingForAnswer ? runner.currentQuestion : nil), host: &host)
      if runner.pageVisits != visits {
        renderer.page(runner)
      } else {
        renderer.lines(runner.lines.dropFirst(count))
      }
    }
    if !runner.isFinished {
      emit("")
      emit("(end of input: stopped at page \(runner.pageNumber) of \(runner.pageCount))")
    }
    return runner
  }

  /// Lines as plain text, with blank lines between blocks, for any view that wants text.
  public static func render(_ lines: some Sequence<LessonLine>, width: Int = 80) -> [String] {
    var out: [String] = []
    withoutActuallyEscaping({ (line: String) in out.append(line) }) { emit in
      var renderer = Renderer(width: width, emit: emit)
      renderer.lines(lines)
    }
    return out
  }

  /// Keeps track of the previous line so blocks get a blank line between them.
  struct Renderer {
    let width: Int
    let emit: (String) -> Void
    var previous: LessonLine.Kind?

    init(width: Int, emit: @escaping (String) -> Void) {
      self.width = width
      self.emit = emit
    }

    mutating func page<Host>(_ runner: LessonRunner<Host>) {
      emit("")
      emit("── page \(runner.pageNumber) of \(runner.pageCount) ──")
      previous = nil
      lines(runner.lines)
    }

    mutating func lines(_ lines: some Sequence<LessonLine>) {
      for line in lines where line.kind != .response { self.line(line) }
    }

    mutating func line(_ line: LessonLine) {
      if let previous, Self.startsBlock(line.kind, after: previous) { emit("") }
      let text = line.text
      switch line.kind {
      case .prose: wrap(text)
      case .display, .output: emit(text)
      case .command: emit("> " + text)
      case .error: wrap(text, "error: ", "       ")
      case .question: wrap(text, previous == .question ? "  " : "? ", "  ")
      case .option: wrap(text, "   ", "      ")
      case .response: emit("» " + text)
      case .right: wrap(text, "✓ ", "  ")
      case .wrong: wrap(text, "✗ ", "  ")
      case .hint: wrap(text, "Hint: ", "      ")
      case .answer: wrap(text, "→ ", "  ")
      case .note: wrap(text, "· ", "  ")
      case .pause: emit("[\(text)]")
      case .end: emit("— \(text) —")
      }
      previous = line.kind
    }

    func wrap(_ text: String, _ first: String = "", _ rest: String = "") {
      TextWrap.wrap(text, width: width, first: first, rest: rest).forEach(emit)
    }

    /// Paragraphs and commands always start a block; errors always stick to what they are about.
    static func startsBlock(_ kind: LessonLine.Kind, after previous: LessonLine.Kind) -> Bool {
      switch kind {
      case .prose, .command: return true
      case .error: return false
      default: return group(kind) != group(previous)
      }
    }

    static func group(_ kind: LessonLine.Kind) -> Int {
      switch kind {
      case .prose: return 0
      case .display: return 1
      case .command, .output, .error: return 2
      case .question, .option: return 3
      case .response, .right, .wrong, .hint, .answer, .note: return 4
      case .pause: return 5
      case .end: return 6
      }
    }
  }
}
