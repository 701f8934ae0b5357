import BackpropCommands
import BackpropEngine
import TextGrid

/// Everything the app shows, as one value. `update` makes a new one from a message; the views
/// render it; nothing else holds state.
public struct AppState: Sendable {
  public enum Screen: Equatable, Sendable {
    /// The lesson menu, with the highlighted row (the last row is free play).
    case start(selected: Int)
    case freePlay
    case lesson
  }

  public enum Overlay: Equatable, Sendable {
    case help
    /// "Quit? y/n", asked when a lesson is unfinished.
    case confirmQuit
  }

  /// A long `train` run in the TUI, done a chunk per tick so keys can interrupt it.
  public struct TrainingJob: Equatable, Sendable {
    public var remaining: Int
    public var total: Int
    public var startEpoch: Int
    /// Whole epochs (`train N`), or micro-steps for a command that would otherwise hold the
    /// screen (see `App.startStepJob`).
    public var kind: StepJob? = nil
    /// A `gradcheck` under way (see `App.startGradcheckJob`): it changes nothing, so stopping
    /// it only drops the check.
    public var check: GradientCheck.Progress? = nil
    /// For `train N`: the mean training and test E when it started, for the closing report's
    /// before → after (the same wording as the session's, `TrainingReport`).
    public var errorBefore: Double? = nil
    public var testBefore: Double? = nil
    /// The size of a slice relative to the base slice of its kind (`App.trainingSliceWork`,
    /// `App.sliceSteps`), adapted after every slice to the time it took (`App.adaptPace`).
    public var pace: Double = 1
    /// The share of its planned work the last slice did: less than 1 when a boundary cut it
    /// short (the end of a phase, of an epoch, of the job), so that `App.adaptPace` reads its
    /// time as the rate it was, not as a fast slice.
    public var lastSliceShare: Double = 1
  }

  /// `step N`, `forward`, `backward`, `update`, `finish` or `epoch` on a network where one
  /// run of it is more than a slice of work: run as micro-steps a slice at a time.
  public struct StepJob: Equatable, Sendable {
    /// The command as typed, for the status line and the closing report.
    public var command: String
    /// What ends the job: a count of micro-steps (`remaining` counts down), the end of a phase,
    /// or the end of the epoch.
    public enum Goal: Equatable, Sendable {
      case count
      case phase(Phase)
      case epoch
    }
    public var goal: Goal
    /// Micro-steps run so far.
    public var done = 0
  }

  /// One line of the output pane.
  public struct OutputLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case command, output, error }
    public var text: String
    public var kind: Kind
  }

  public var session: Session
  public var screen: Screen
  public var overlay: Overlay?
  public var editor = LineEditor()
  /// Whether keys go to the command line (true) or act as shortcuts (false).
  public var isEditing = false
  /// Completion candidates to show after an ambiguous Tab.
  public var completions: [String] = []
  public var output: [OutputLine] = []
  public var plot = PlotSettings()
  public var width: Int
  public var height: Int
  public var glyphs: GlyphSet
  public var colors: Bool
  public var job: TrainingJob?
  /// A one-line message for the status bar (errors point at their column here).
  public var notice: String?
  public var lessons: LessonState
  /// True in the TUI: long `train` runs become jobs that show progress and can be interrupted.
  public var isInteractive = false
  /// The pane that PgUp/PgDn/Home/End scroll and Z zooms (nil: the lesson or output pane).
  public var focus: PaneID?
  /// The pane that fills the screen (`zoom`, Z), if any.
  public var zoomed: PaneID?
  /// How far each text pane is scrolled, by the rule of its view (`Viewport`); a pane without
  /// an entry follows what the person is waiting for.
  public var scroll: [PaneID: Int] = [:]
  /// Columns scrolled to the right in panes whose display lines are not re-wrapped.
  public var horizontalScroll: [PaneID: Int] = [:]
  /// First row of the help overlay shown.
  public var helpScroll = 0
  /// Presenter mode (`present on`): the equation large beside the network, for a projector.
  public var presenter = false
  /// Micro-steps or epochs on a timer (`play`, `train N animate`).
  public var autoplay: Autoplay?
  /// A demo script being stepped through (`source FILE`).
  public var demo: DemoScript?
  /// The commands being written to a demo script (`record FILE`).
  public var recording: Recording?
  /// Runs kept for comparison in the loss and surface plots (`baseline save`).
  public var baselines: [Baseline] = []

  public init(
    session: Session = Session(), width: Int = 100, height: Int = 30, glyphs: GlyphSet = .unicode,
    colors: Bool = false, lessons: LessonState = LessonState(), startScreen: Bool = true
  ) {
    self.session = session
    self.width = width
    self.height = height
    self.glyphs = glyphs
    self.colors = colors
    self.lessons = lessons
    screen = startScreen ? .start(selected: 0) : .freePlay
  }

  /// Lines of output kept for scrolling back.
  public static let scrollback = 2_000

  /// Appends lines to the output pane, keeping the last `scrollback`; the pane shows the newest
  /// again, since that is what the person is waiting for.
  public mutating func log(_ lines: [String], kind: OutputLine.Kind) {
    guard !lines.isEmpty else { return }
    output += lines.map { OutputLine(text: $0, kind: kind) }
    // Trim in batches so appending stays cheap however long the session.
    if output.count > Self.scrollback + Self.scrollback / 4 {
      output.removeFirst(output.count - Self.scrollback)
    }
    scroll[.output] = nil
    horizontalScroll[.output] = nil
  }

  /// Where the panes go now: the one layout function, for views and `update` alike.
  public var layout: ScreenLayout {
    Layout.compute(
      width: width, height: height,
      content: Layout.Content(
        lesson: screen == .lesson, plot: plot.kind != .none, zoomed: zoomed,
        presenter: presenter))
  }

  /// The pane that scroll keys act on: the chosen one if it is on screen, else the lesson or
  /// output pane.
  public var focusedPane: PaneID {
    let order = layout.order
    if let focus, order.contains(focus) { return focus }
    if let zoomed, order.contains(zoomed) { return zoomed }
    return screen == .lesson ? .lesson : .output
  }
}
