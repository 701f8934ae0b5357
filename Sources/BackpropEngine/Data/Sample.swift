/// One training case: inputs x (the outputs o of the input neurons) and targets t.
public struct Sample: Equatable, Codable, Sendable {
  public var inputs: [Double]
  public var targets: [Double]

  public init(inputs: [Double], targets: [Double]) {
    self.inputs = inputs
    self.targets = targets
  }
}
