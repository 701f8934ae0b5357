/// The `Kernel` of the last `train` call, kept so that the next call (the TUI trains in chunks of
/// about 0.05 s) does not set one up again.
///
/// It is not part of the trainer's value: a kernel holds no weights, only the network's layout
/// and scratch space, so two trainers compare equal whatever their caches hold. Copies of a
/// trainer share the cache; a copy that finds it shared (or made for another layout) makes its
/// own, so two copies never write the same scratch space.
struct KernelCache: Equatable, @unchecked Sendable {
  /// Owns the kernel's buffers and frees them with the last trainer that holds it.
  private final class Box {
    let kernel: Kernel
    init(_ kernel: Kernel) { self.kernel = kernel }
    deinit { kernel.deallocate() }
  }

  private var box: Box?

  /// A kernel for `network`'s layout that no other trainer is using.
  mutating func kernel(for network: Network) -> Kernel {
    if isKnownUniquelyReferenced(&box), let kernel = box?.kernel, kernel.fits(network) {
      return kernel
    }
    let fresh = Box(Kernel(network: network))
    box = fresh
    return fresh.kernel
  }

  /// Every cache is equal: it is a speed-up, not state.
  static func == (lhs: KernelCache, rhs: KernelCache) -> Bool { true }
}
