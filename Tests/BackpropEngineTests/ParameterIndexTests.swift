import BackpropEngine
import Testing

/// `Network.parameter(at:)` and `index(of:)` agree with the list `allParameters` builds, for
/// every bias mode and a few shapes.
@Suite struct ParameterIndexTests {
  @Test(arguments: [[2, 3, 1], [4, 5, 3, 2], [1, 1], [3, 7, 2]])
  func positionsMatchTheList(_ sizes: [Int]) throws {
    for mode in [BiasMode.on, .off, .frozen] {
      let network = try Network(
        shape: try NetworkShape(layerSizes: sizes), activations: [.logistic],
        loss: .halfSquaredError, biasMode: mode)
      let all = network.allParameters
      #expect(network.parameterCount == all.count)
      for (k, p) in all.enumerated() {
        #expect(network.parameter(at: k) == p)
        #expect(network.index(of: p) == k)
      }
      #expect(network.index(of: .weight(from: 1, to: 1)) == nil)
      if mode == .off { #expect(network.index(of: .bias(sizes[0] + 1)) == nil) }
    }
  }
}
