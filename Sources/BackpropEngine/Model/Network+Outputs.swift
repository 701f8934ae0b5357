import FoundationEssentials

extension Network {
  /// The output neurons' o_j for one input vector: the forward pass in the article's words,
  /// net_j = Σ_i w_ij o_i + b_j, o_j = φ(net_j), layer by layer. For the decision-boundary plot,
  /// which asks this once per cell and needs no E, δ or step history.
  public func outputs(for inputs: [Double]) -> [Double] {
    var o = inputs
    for l in 1..<shape.layerCount {
      let activation = activations[l]
      var nets: [Double] = []
      for j in shape.neurons(inLayer: l) {
        var net = hasBiases ? biases[j - 1] : 0
        for (k, i) in shape.neurons(inLayer: l - 1).enumerated() {
          net += self[.weight(from: i, to: j)] * o[k]
        }
        nets.append(net)
      }
      if activation == .softmax {
        o = nets.indices.map { k in nets.withUnsafeBufferPointer { Softmax.output(at: k, nets: $0) }
        }
      } else {
        o = nets.map(activation.value)
      }
    }
    return o
  }
}
