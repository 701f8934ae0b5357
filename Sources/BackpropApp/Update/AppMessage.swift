import BackpropCommands
import FoundationEssentials
import TextGrid

/// What can happen to the app: the terminal's events, and whole lines (from headless input or a
/// lesson) that go straight to the command language.
public enum AppMessage: Equatable, Sendable {
  case key(Key)
  case submit(String)
  case resize(width: Int, height: Int)
  case tick
  /// How long the last `.tick` of a job took to run, measured by the edge that ran it (the TUI
  /// loop): the job sizes its next slice from it (see `App.adaptPace`), so a slice stays near
  /// `App.sliceTarget` on any data size, and `update` never reads the clock itself.
  case jobSliceTook(Duration)
  /// What became of a file operation asked for by an `AppEffect.file`.
  case fileDone(FileTask, Result<Data, FileError>)
}

/// The answer to one submitted line.
public struct LineResult: Equatable, Sendable {
  public var lines: [String]
  public var isError: Bool
  /// JSON for `--json`: one object per line submitted.
  public var json: String
  public var effect: AppEffect
  /// False for answers that are not for the output pane (a printed screen).
  public var logs: Bool = true
}
