/// The loss curve: mean E per epoch, kept in at most `bucketLimit` buckets so that
/// `train 100000000` holds constant memory.
///
/// While there are no more epochs than buckets, each bucket is one epoch and `means` are the
/// exact per-epoch losses. Past that, neighbouring buckets merge pairwise and each bucket covers
/// twice as many epochs; a bucket keeps the minimum, maximum and sum of its epochs, which is all
/// a plot of the curve needs (its mean, and the band it spans).
public struct LossHistory: Equatable, Sendable {
  public static let bucketLimit = 4_096

  /// Completed epochs recorded.
  public private(set) var count = 0
  /// The most recent epoch's mean E.
  public private(set) var last: Double?
  /// Epochs per bucket: 1, 2, 4, …
  public private(set) var epochsPerBucket = 1
  public private(set) var minimums: [Double] = []
  public private(set) var maximums: [Double] = []
  private var sums: [Double] = []
  /// Epochs in the newest bucket (the others are full).
  private var newestCount = 0

  public init() {}

  public var isEmpty: Bool { count == 0 }

  /// The mean loss of each bucket, oldest first: with `epochsPerBucket == 1`, one per epoch.
  public var means: [Double] {
    sums.indices.map { k in
      sums[k] / Double(k == sums.count - 1 ? newestCount : epochsPerBucket)
    }
  }

  public mutating func append(_ loss: Double) {
    count += 1
    last = loss
    if newestCount > 0 && newestCount < epochsPerBucket {
      let k = sums.count - 1
      sums[k] += loss
      minimums[k] = Swift.min(minimums[k], loss)
      maximums[k] = Swift.max(maximums[k], loss)
      newestCount += 1
      return
    }
    if sums.count == Self.bucketLimit { mergePairs() }
    sums.append(loss)
    minimums.append(loss)
    maximums.append(loss)
    newestCount = 1
  }

  /// Appends each of `values` in order, with the same result as appending them one by one; runs
  /// of epochs that fall into the newest bucket are summed in registers (the kernel hands over a
  /// block of epochs at a time, and on a tiny network a per-epoch append would cost as much as a
  /// sample-step).
  mutating func append(contentsOf values: UnsafeBufferPointer<Double>) {
    var k = 0
    while k < values.count {
      guard newestCount > 0 && newestCount < epochsPerBucket else {
        append(values[k])
        k += 1
        continue
      }
      let take = Swift.min(epochsPerBucket - newestCount, values.count - k)
      let b = sums.count - 1
      var sum = sums[b]
      var low = minimums[b]
      var high = maximums[b]
      for v in values[k..<(k + take)] {
        sum += v
        low = Swift.min(low, v)
        high = Swift.max(high, v)
      }
      sums[b] = sum
      minimums[b] = low
      maximums[b] = high
      newestCount += take
      count += take
      k += take
      last = values[k - 1]
    }
  }

  /// Halves the number of buckets; called only when every bucket is full.
  private mutating func mergePairs() {
    let half = sums.count / 2
    for k in 0..<half {
      sums[k] = sums[2 * k] + sums[2 * k + 1]
      minimums[k] = Swift.min(minimums[2 * k], minimums[2 * k + 1])
      maximums[k] = Swift.max(maximums[2 * k], maximums[2 * k + 1])
    }
    sums.removeLast(sums.count - half)
    minimums.removeLast(minimums.count - half)
    maximums.removeLast(maximums.count - half)
    epochsPerBucket *= 2
    newestCount = epochsPerBucket
  }
}
