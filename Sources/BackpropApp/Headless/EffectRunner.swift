import BackpropCommands
import FoundationEssentials

/// Carries out the file effects of an update and feeds their outcomes back, at the edges: the
/// terminal loop and the headless runner use it on the real disk, and a test can hand it a
/// dictionary of files instead.
public struct EffectRunner {
  /// How one file operation is carried out.
  public var perform: (FileOperation) -> Result<Data, FileError>

  public init(perform: @escaping (FileOperation) -> Result<Data, FileError> = LocalFiles.perform) {
    self.perform = perform
  }

  /// Carries out every file operation in `effect`, in order, delivering each outcome
  /// (`.fileDone`, through `App.receive`) before the next; files that the answers ask for in
  /// turn are carried out too. Answers what is left for the event loop (see
  /// `AppEffect.loopControl`) and the answers of the finished commands, in order.
  public func settle(_ effect: AppEffect, _ state: inout AppState)
    -> (control: AppEffect, answers: [LineResult])
  {
    var pending = effect.flattened
    var control: [AppEffect] = []
    var answers: [LineResult] = []
    while !pending.isEmpty {
      let next = pending.removeFirst()
      guard case .file(let task) = next else {
        control.append(next)
        continue
      }
      let answer = App.receive(task, perform(task.operation), &state)
      answers.append(answer)
      pending.insert(contentsOf: answer.effect.flattened, at: 0)
    }
    return (AppEffect.sequence(control).loopControl, answers)
  }
}
