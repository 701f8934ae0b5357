import BackpropCommands
import FoundationEssentials

/// What the app asks of the world after an update, as a value: the edges (the terminal loop and
/// the headless runner, through `EffectRunner`) carry it out, and what becomes of a file comes
/// back as `AppMessage.fileDone`. This is what keeps `App.update` pure: it never reads or writes
/// a file or the clock itself.
public enum AppEffect: Equatable, Sendable {
  case none
  /// Deliver `.tick` soon (a training job is running).
  case tick(milliseconds: Int)
  case quit
  /// Carry out a file operation, then deliver `.fileDone` with its outcome.
  case file(FileTask)
  /// Several effects, in order.
  case batch([AppEffect])

  /// The effects in order, as one (`.none` for none, the effect itself for one).
  public static func sequence(_ effects: [AppEffect]) -> AppEffect {
    AppEffect.batch(effects).then(.none)
  }

  /// This effect and then `other`, without nesting or `.none`s.
  public func then(_ other: AppEffect) -> AppEffect {
    let all = flattened + other.flattened
    switch all.count {
    case 0: return .none
    case 1: return all[0]
    default: return .batch(all)
    }
  }

  /// The effects in order, batches opened, `.none` left out.
  public var flattened: [AppEffect] {
    switch self {
    case .none: return []
    case .batch(let effects): return effects.flatMap(\.flattened)
    default: return [self]
    }
  }

  /// The file operations asked for, in order.
  public var fileTasks: [FileTask] {
    flattened.compactMap { if case .file(let task) = $0 { task } else { nil } }
  }

  /// What is left for the event loop once the files are dealt with: quitting wins, then the
  /// soonest tick.
  public var loopControl: AppEffect {
    let effects = flattened
    if effects.contains(.quit) { return .quit }
    let ticks = effects.compactMap { if case .tick(let ms) = $0 { ms } else { nil } }
    return ticks.min().map { .tick(milliseconds: $0) } ?? .none
  }
}

/// A file operation the app asked for, and what its outcome is for.
public struct FileTask: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    /// Saving lesson progress; a failure becomes one warning and progress stays in memory.
    case progress
    /// Reading the progress file again as the lesson menu comes back, for what another
    /// instance saved meanwhile; a failure (no file yet) changes nothing.
    case progressReread
    /// `save` or `load` typed as `line`: its answer is printed once the outcome is known.
    case command(FileRequest, line: String)
    /// A `save` run by a lesson, whose line the lesson showed at once (a page cannot wait for
    /// the disk); a failed write is reported afterwards as an error line.
    case lessonSave(FileRequest)
    /// `source FILE`: a demo script to play.
    case demo(name: String)
    /// `record FILE`: the script written so far; a failure is reported once.
    case recording
    /// Reading a lesson file to open it, typed as `line`; it opens once the file is read.
    case openLesson(fileName: String, line: String)
  }

  public var operation: FileOperation
  public var purpose: Purpose

  public init(_ operation: FileOperation, for purpose: Purpose) {
    self.operation = operation
    self.purpose = purpose
  }
}
