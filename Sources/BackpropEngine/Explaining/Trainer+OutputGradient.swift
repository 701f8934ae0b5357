/// ∂E/∂o_j, the quantity the article's Eq. 5 computes before δ_j, read off the values a pass has
/// already produced (nothing new is stored, so the stepping code is unchanged).
///
/// For an output neuron it is the loss's derivative at o_j. For an inner neuron it is
/// Σ_ℓ w_jℓ δ_ℓ over the next layer, with the weights δ_j itself used: the weights as they were
/// before the update pass changed them (or, in the early mode, as the mistake left them).
extension Trainer {
  /// Whether ∂E/∂o_j belongs to the current pass: o_j for an output neuron, every δ_ℓ of the next
  /// layer for an inner one.
  public func isOutputGradientComputed(_ j: Int) -> Bool {
    let shape = network.shape
    guard let l = shape.layer(ofNeuron: j), l > 0 else { return false }
    if l == shape.outputLayer { return isComputed(.output(j)) }
    return shape.neurons(inLayer: l + 1).allSatisfy { isComputed(.delta($0)) }
  }

  /// ∂E/∂o_j with the values held now; meaningful when `isOutputGradientComputed(j)`.
  public func outputGradient(_ j: Int) -> Double {
    let shape = network.shape
    let l = shape.layer(ofNeuron: j)!
    if l == shape.outputLayer {
      let first = shape.firstNeuron[l]
      let t = currentSample?.targets[j - first] ?? 0
      return network.loss.derivative(target: t, output: values.output[j - 1])
    }
    var sum = 0.0
    for ell in shape.neurons(inLayer: l + 1) {
      sum += weightUsedByDelta(from: j, to: ell) * values.delta[ell - 1]
    }
    return sum
  }

  /// w_jℓ as the backward pass read it: the update pass may have changed it since.
  public func weightUsedByDelta(from j: Int, to ell: Int) -> Double {
    let k = network.shape.weightIndex(from: j, to: ell)!
    if mode != .early, position.phase == .update, position.index > 0,
      k < values.weightsBeforeUpdate.count
    {
      return values.weightsBeforeUpdate[k]
    }
    return network.weights[k]
  }
}
