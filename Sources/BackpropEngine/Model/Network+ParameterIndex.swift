/// The parameters in the order `allParameters` lists them (each layer's weights row by row, then
/// its biases when the network has them), by position, without building the list: a table that
/// shows a screenful of a 784-30-10 network's 23,860 weights asks for those rows only.
extension Network {
  /// How many parameters `allParameters` lists.
  public var parameterCount: Int {
    shape.weightCount + (hasBiases ? shape.neuronCount - shape.inputCount : 0)
  }

  /// `allParameters[index]`.
  public func parameter(at index: Int) -> Parameter {
    precondition(index >= 0 && index < parameterCount, "parameter index out of range")
    var offset = index
    for l in 1..<shape.layerCount {
      let fanIn = shape.layerSizes[l - 1]
      let weights = shape.layerSizes[l] * fanIn
      if offset < weights {
        return .weight(
          from: shape.firstNeuron[l - 1] + offset % fanIn, to: shape.firstNeuron[l] + offset / fanIn
        )
      }
      offset -= weights
      if hasBiases {
        if offset < shape.layerSizes[l] { return .bias(shape.firstNeuron[l] + offset) }
        offset -= shape.layerSizes[l]
      }
    }
    preconditionFailure("unreachable: the index was checked against parameterCount")
  }

  /// The position of `parameter` in `allParameters`, nil if the network has no such parameter.
  public func index(of parameter: Parameter) -> Int? {
    guard contains(parameter) else { return nil }
    var before = 0
    for l in 1..<shape.layerCount {
      let fanIn = shape.layerSizes[l - 1]
      let first = shape.firstNeuron[l]
      switch parameter {
      case .weight(let i, let j) where shape.layer(ofNeuron: j) == l:
        return before + (j - first) * fanIn + (i - shape.firstNeuron[l - 1])
      case .bias(let j) where shape.layer(ofNeuron: j) == l:
        return before + shape.layerSizes[l] * fanIn + (j - first)
      default:
        before += shape.layerSizes[l] * fanIn + (hasBiases ? shape.layerSizes[l] : 0)
      }
    }
    return nil
  }
}
