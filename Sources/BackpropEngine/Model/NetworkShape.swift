/// The layer sizes of a fully connected network and the article's numbering of its neurons.
///
/// Neurons are numbered j = 1, 2, … across the whole network, inputs first (so in a 2-2-2 network
/// the inputs are 1 and 2, the hidden neurons 3 and 4, the outputs 5 and 6), which is what lets
/// every weight be named w_ij as in the article.
public struct NetworkShape: Hashable, Codable, Sendable {
  /// Largest supported network; larger ones are refused with a message, not attempted.
  public static let maximumLayers = 16
  public static let maximumNeuronsPerLayer = 1_024
  /// Weights in all: 784-30-10 has 23,860 and 16 layers of 256 just under a million. The trainer
  /// keeps several values per weight (w, ∂E/∂w, its batch sum, w before the update) and the undo
  /// history snapshots them, so 16 layers of 1,024 (15.7 million weights) would take gigabytes.
  public static let maximumWeights = 1 << 20

  public let layerSizes: [Int]
  /// Global number (1-based) of the first neuron of each layer.
  public let firstNeuron: [Int]
  /// Offset into the flat weight array of the weights into each layer (layer 0 has none).
  public let weightOffset: [Int]
  public let neuronCount: Int
  public let weightCount: Int

  public init(layerSizes: [Int]) throws(ShapeError) {
    guard layerSizes.count >= 2 else { throw .tooFewLayers(layerSizes.count) }
    guard layerSizes.count <= Self.maximumLayers else { throw .tooManyLayers(layerSizes.count) }
    for (l, n) in layerSizes.enumerated() {
      guard n >= 1 else { throw .emptyLayer(l) }
      guard n <= Self.maximumNeuronsPerLayer else { throw .layerTooLarge(layer: l, size: n) }
    }
    var weights = 0
    for l in 1..<layerSizes.count { weights += layerSizes[l - 1] * layerSizes[l] }
    guard weights <= Self.maximumWeights else { throw .tooManyWeights(weights) }
    self.layerSizes = layerSizes
    var first: [Int] = []
    var offsets: [Int] = []
    var neuron = 1
    var weight = 0
    for (l, n) in layerSizes.enumerated() {
      first.append(neuron)
      neuron += n
      offsets.append(weight)
      if l > 0 { weight += n * layerSizes[l - 1] }
    }
    firstNeuron = first
    weightOffset = offsets
    neuronCount = neuron - 1
    weightCount = weight
  }

  public var layerCount: Int { layerSizes.count }
  public var inputCount: Int { layerSizes[0] }
  public var outputCount: Int { layerSizes[layerSizes.count - 1] }
  public var outputLayer: Int { layerSizes.count - 1 }

  /// The global neuron numbers of layer `l`.
  public func neurons(inLayer l: Int) -> ClosedRange<Int> {
    firstNeuron[l]...(firstNeuron[l] + layerSizes[l] - 1)
  }

  /// The layer that neuron `j` belongs to, or nil if there is no such neuron.
  public func layer(ofNeuron j: Int) -> Int? {
    guard j >= 1, j <= neuronCount else { return nil }
    var l = layerSizes.count - 1
    while firstNeuron[l] > j { l -= 1 }
    return l
  }

  /// Index into the flat weight array of w_ij, or nil when i does not feed j directly.
  public func weightIndex(from i: Int, to j: Int) -> Int? {
    guard let lj = layer(ofNeuron: j), lj > 0, let li = layer(ofNeuron: i), li == lj - 1 else {
      return nil
    }
    return weightOffset[lj] + (j - firstNeuron[lj]) * layerSizes[li] + (i - firstNeuron[li])
  }

  /// The (i, j) of a flat weight index.
  public func weightEndpoints(ofIndex k: Int) -> (from: Int, to: Int) {
    var l = layerSizes.count - 1
    while weightOffset[l] > k { l -= 1 }
    let local = k - weightOffset[l]
    let fanIn = layerSizes[l - 1]
    return (firstNeuron[l - 1] + local % fanIn, firstNeuron[l] + local / fanIn)
  }

  /// "2-2-2".
  public var description: String { layerSizes.map(String.init).joined(separator: "-") }
}

/// Why a list of layer sizes is not a network backprop can build.
public enum ShapeError: Error, Equatable, CustomStringConvertible {
  case tooFewLayers(Int)
  case tooManyLayers(Int)
  case emptyLayer(Int)
  case layerTooLarge(layer: Int, size: Int)
  case tooManyWeights(Int)

  public var description: String {
    switch self {
    case .tooFewLayers(let n):
      return
        "a network needs at least an input and an output layer (got \(n) layer\(n == 1 ? "" : "s"))"
    case .tooManyLayers(let n):
      return "at most \(NetworkShape.maximumLayers) layers are supported (got \(n))"
    case .emptyLayer(let l): return "layer \(l) has no neurons"
    case .layerTooLarge(let l, let n):
      return
        "layer \(l) has \(n) neurons; at most \(NetworkShape.maximumNeuronsPerLayer) per layer are supported"
    case .tooManyWeights(let n):
      return
        "this network has \(n) weights; at most \(NetworkShape.maximumWeights) (2^20) are supported"
    }
  }
}
