import Foundation
import Testing

@testable import BackpropEngine

/// The kernel kept across `train` calls is a speed-up only: training in chunks, training copies
/// that share a kept kernel, and training after the layout changed all end exactly where a trainer
/// that never kept a kernel ends (checked against micro-steps, the readable path).
@Suite struct KernelCacheTests {
  /// The readable path: `epochs` whole epochs, micro-step by micro-step.
  static func microStepped(_ start: Trainer, epochs: Int) -> Trainer {
    var t = start
    for _ in 0..<epochs {
      repeat { t.step() } while t.position != .start && t.divergence == nil
    }
    return t
  }

  @Test func trainingInChunksEqualsMicroStepping() {
    let start = Example.xor.trainer()
    var chunked = start
    for _ in 0..<6 { chunked.train(epochs: 50) }
    let micro = Self.microStepped(start, epochs: 300)
    #expect(chunked.network == micro.network)
    #expect(chunked.losses == micro.losses)
    #expect(chunked.trail == micro.trail)
    #expect(chunked.epoch == micro.epoch)
  }

  /// Two copies share the kept kernel; each trains on its own scratch space, and neither
  /// disturbs the other.
  @Test func copiesThatShareAKernelTrainIndependently() {
    var a = Example.xor.trainer()
    a.train(epochs: 20)
    var b = a
    a.train(epochs: 30)
    b.train(epochs: 10)
    b.train(epochs: 20)
    let micro = Self.microStepped(Example.xor.trainer(), epochs: 50)
    #expect(a.network == micro.network)
    #expect(b.network == micro.network)
    #expect(a == b)
  }

  /// A kept kernel made for another layout is not used: handed to a trainer of another shape,
  /// activation and loss, training still matches the micro-steps on the new network.
  @Test func aKernelForAnotherLayoutIsNotReused() throws {
    var old = Example.xor.trainer()
    old.train(epochs: 5)
    var other = try Network(
      shape: try NetworkShape(layerSizes: [2, 3, 1]), activations: [.tanh, .logistic],
      loss: .binaryCrossEntropy, biasMode: .on)
    other.randomize(seed: 3)
    let kernel = Kernel(network: old.network)
    defer { kernel.deallocate() }
    #expect(kernel.fits(old.network))
    #expect(!kernel.fits(other))

    let start = Trainer(network: other, samples: old.samples, learningRate: 0.5)
    let micro = Self.microStepped(start, epochs: 40)
    var fast = start
    fast.kernelCache = old.kernelCache
    old.kernelCache = KernelCache()  // the only holder now: reused if it fitted
    fast.train(epochs: 40)
    #expect(fast.network == micro.network)
    #expect(fast.losses == micro.losses)
  }
}
