import BackpropCommands
import BackpropEngine

/// Micro-steps (or epochs) run on a timer: `play [SPEED]` and `train N animate`. The timer is
/// the `.tick` message, so `update` stays pure and a test drives it with ticks of its own.
public struct Autoplay: Equatable, Sendable {
  public enum Work: Equatable, Sendable {
    /// One micro-step per tick.
    case microSteps
    /// `train N animate`: `perTick` epochs per tick until `remaining` is spent.
    case epochs(remaining: Int, perTick: Int, startEpoch: Int)
  }

  public var work: Work
  /// Ticks a second.
  public var speed: Double
  public var isPaused = false

  public static let speeds: ClosedRange<Double> = 0.1...50
  /// Ticks a second for `train N animate`: smooth, and N epochs in about five seconds.
  public static let animationSpeed = 20.0

  /// Milliseconds between ticks at this speed.
  public var interval: Int { max(1, Int((1000 / speed).rounded())) }
}

/// A demo script being played in the interface (`source FILE`): its lines, and how far the
/// presenter has got. `history` keeps the session and plot as they were before each line ran,
/// so `p` takes a line back exactly (its undo entries included).
public struct DemoScript: Sendable {
  public struct Step: Sendable {
    public var line: Int
    public var session: Session
    public var plot: PlotSettings
  }

  public var name: String
  public var lines: [String]
  /// The index of the next line to run.
  public var next = 0
  /// The lines run, in order, with the state before each.
  public var history: [Step] = []

  public init(name: String, lines: [String]) {
    self.name = name
    self.lines = lines
  }

  public var isFinished: Bool { next >= lines.count }
}

/// `record FILE`: the commands of this session, written out as a demo script.
public struct Recording: Equatable, Sendable {
  public var path: String
  public var lines: [String] = []

  /// The script as the file holds it.
  public var text: String {
    (["# recorded by backprop: play it with `source FILE` or `--demo FILE`"] + lines)
      .joined(separator: "\n") + "\n"
  }
}

/// A run kept for comparison (`baseline save`): its loss curve and descent trail.
public struct Baseline: Equatable, Sendable {
  public var name: String
  public var losses: LossHistory
  public var trail: [[Double]]
  /// The network shape the trail's weight indices belong to.
  public var shape: String

  public static let limit = 4
}
