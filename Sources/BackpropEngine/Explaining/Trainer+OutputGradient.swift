/// When ∂E/∂o_j, the quantity the article's Eq. 5 computes before δ_j, can be read off the values
/// a pass has already produced (the formula itself is `outputGradient(_:)` in
/// `Trainer+Backpropagation.swift`, the one δ_j uses; nothing new is stored).
extension Trainer {
  /// Whether ∂E/∂o_j belongs to the current pass: o_j for an output neuron, every δ_ℓ of the next
  /// layer for an inner one.
  public func isOutputGradientComputed(_ j: Int) -> Bool {
    let shape = network.shape
    guard let l = shape.layer(ofNeuron: j), l > 0 else { return false }
    if l == shape.outputLayer { return isComputed(.output(j)) }
    return shape.neurons(inLayer: l + 1).allSatisfy { isComputed(.delta($0)) }
  }

  /// w_jℓ as the backward pass read it: the update pass may have changed it since (see `w(_:_:)`).
  public func weightUsedByDelta(from j: Int, to ell: Int) -> Double { w(j, ell) }
}
