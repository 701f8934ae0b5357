/// The order in which the `Kernel` visits a network's layers, and each layer's sizes and
/// offsets: where the kernel's loops get their counts.
///
/// Why it is a protocol: the kernel's passes are generic over it, so the one copy of the math in
/// `Kernel` is compiled twice by the compiler, not written twice by us. `RecordedLayout` reads the
/// counts from the kernel's layer records at run time and serves every shape. `FixedLayout` states
/// them as constants for the logistic networks the course is built on (2-2-1 for XOR, 2-2-2 for
/// Mazur's example); there every count, offset and activation is known when compiling, so each loop
/// over two or three neurons is written out and every address is a constant.
protocol KernelLayout {
  /// Whether every count and offset is a constant. A training loop then inlines the kernel's
  /// passes (for a 2-2-1 network they come to a few dozen instructions), and narrow logistic
  /// layers hand their o_j on in registers. With recorded counts the passes are loops themselves:
  /// inlined, they made a wide network's training 20% slower (2-64-64-1, measured), so the loop
  /// calls them.
  static var countsAreConstant: Bool { get }
  /// n_0, the inputs.
  var inputCount: Int { get }
  /// n_(L−1), the outputs.
  var outputCount: Int { get }
  /// j − 1 of the first output neuron.
  var outputOffset: Int { get }
  /// Calls `body` with layers 1 … L−1, in that order.
  func forEachLayer(_ body: (Kernel.Layer) -> Void)
  /// Calls `body(layer, receivers)` for each layer l from L−2 down to 1, with layer l + 1: the
  /// order in which δ flows back.
  func forEachLayerBackward(_ body: (Kernel.Layer, Kernel.Layer) -> Void)
}

/// Any shape: the counts come from the kernel's layer records.
struct RecordedLayout: KernelLayout {
  static var countsAreConstant: Bool { false }
  let inputCount: Int
  let outputCount: Int
  let outputOffset: Int
  /// Layers 1 … L−1.
  let layers: UnsafePointer<Kernel.Layer>
  let layerCount: Int

  @inline(__always)
  func forEachLayer(_ body: (Kernel.Layer) -> Void) {
    var layer = layers
    let end = layers + layerCount
    while layer < end {
      body(layer.pointee)
      layer += 1
    }
  }

  @inline(__always)
  func forEachLayerBackward(_ body: (Kernel.Layer, Kernel.Layer) -> Void) {
    var upper = layers + (layerCount &- 1)
    while upper > layers {
      body((upper - 1).pointee, upper.pointee)
      upper -= 1
    }
  }
}

/// The sizes of a network with one hidden layer, as constants.
protocol FixedLayerSizes {
  static var inputs: Int { get }
  static var hidden: Int { get }
  static var outputs: Int { get }
}

/// A network of logistic neurons with one hidden layer whose sizes are `Sizes`: every count, offset
/// and activation is a constant.
///
/// The activations are constants too, not only the sizes: with a layer's activation read at run
/// time, the values o_j reach the next layer through the paths of several activations, and the
/// compiler reloads them from memory, in pairs, right after they were stored one by one; the
/// processor then waits for the stores to drain instead of forwarding them (measured: 2-2-1
/// trained at 0.95 × C that way, and at 1.06 × C with constant activations).
struct FixedLayout<Sizes: FixedLayerSizes>: KernelLayout {
  static var countsAreConstant: Bool { true }
  var inputCount: Int { Sizes.inputs }
  var outputCount: Int { Sizes.outputs }
  var outputOffset: Int { Sizes.inputs + Sizes.hidden }

  /// Layer 1, the hidden layer.
  var hidden: Kernel.Layer {
    Kernel.Layer(
      size: Sizes.hidden, fanIn: Sizes.inputs, first: Sizes.inputs, source: 0, weights: 0,
      activation: .logistic)
  }

  /// Layer 2, the outputs.
  var output: Kernel.Layer {
    Kernel.Layer(
      size: Sizes.outputs, fanIn: Sizes.hidden, first: Sizes.inputs + Sizes.hidden,
      source: Sizes.inputs, weights: Sizes.inputs * Sizes.hidden, activation: .logistic)
  }

  @inline(__always)
  func forEachLayer(_ body: (Kernel.Layer) -> Void) {
    body(hidden)
    body(output)
  }

  @inline(__always)
  func forEachLayerBackward(_ body: (Kernel.Layer, Kernel.Layer) -> Void) {
    body(hidden, output)
  }
}

/// 2-2-1: XOR, the course's running example.
enum XORSizes: FixedLayerSizes {
  static var inputs: Int { 2 }
  static var hidden: Int { 2 }
  static var outputs: Int { 1 }
}

/// 2-2-2: Mazur's worked example.
enum MazurSizes: FixedLayerSizes {
  static var inputs: Int { 2 }
  static var hidden: Int { 2 }
  static var outputs: Int { 2 }
}
