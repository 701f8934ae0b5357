/// A loss curve: one E per epoch, kept in at most `bucketLimit` buckets so that
/// `train 100000000` holds constant memory.
///
/// Buckets lie on one grid of epochs: with `epochsPerBucket` = k, bucket b covers epochs
/// b·k + 1 … (b + 1)·k. While k is 1 each bucket is one epoch and `means` are the exact losses.
/// When a curve would pass `bucketLimit` buckets, k doubles and neighbouring buckets merge. A
/// bucket keeps the minimum, maximum, sum and count of its epochs: all a plot needs (the mean and
/// the band the epochs span), and the CSV export says which epochs each row covers.
///
/// The training curve starts at epoch 1. The test curve of `data split` starts at the epoch the
/// test set arrived, on the same grid: the trainer keeps its k equal to the training curve's
/// (`coarsen(to:)`), so test bucket b and training bucket b cover the same epochs.
public struct LossHistory: Equatable, Sendable {
  public static let bucketLimit = 4_096

  /// The smallest value recorded, and the epoch it was recorded for (the earliest on a tie).
  public struct Extreme: Equatable, Sendable {
    public var value: Double
    public var epoch: Int
  }

  /// Epochs recorded.
  public private(set) var count = 0
  /// The most recent epoch's E.
  public private(set) var last: Double?
  /// The epoch number of `last`; 0 while empty.
  public private(set) var lastEpoch = 0
  /// The epoch number of the first value recorded; 0 while empty.
  public private(set) var firstEpoch = 0
  /// Epochs per bucket: 1, 2, 4, …
  public private(set) var epochsPerBucket = 1
  /// The grid index of the first bucket kept (0 for a curve that starts at epoch 1).
  public private(set) var firstBucket = 0
  public private(set) var smallest: Extreme?
  public private(set) var minimums: [Double] = []
  public private(set) var maximums: [Double] = []
  private var sums: [Double] = []
  /// Epochs recorded in each bucket: `epochsPerBucket`, except at the ends of the curve.
  private var counts: [Int] = []

  public init() {}

  public var isEmpty: Bool { count == 0 }

  /// The buckets kept.
  public var bucketCount: Int { sums.count }

  /// The mean E of each bucket, oldest first: with `epochsPerBucket == 1`, one per epoch.
  public var means: [Double] {
    sums.indices.map { k in sums[k] / Double(counts[k]) }
  }

  /// The first and last epoch recorded in bucket `k` (of those kept, oldest first).
  public func epochs(ofBucket k: Int) -> ClosedRange<Int> {
    let grid = (firstBucket + k) * epochsPerBucket
    let first = k == 0 ? firstEpoch : grid + 1
    let last = k == sums.count - 1 ? lastEpoch : grid + epochsPerBucket
    return first...last
  }

  /// Records the next epoch's E (the epoch after `lastEpoch`).
  public mutating func append(_ loss: Double) {
    record(loss, epoch: lastEpoch + 1)
  }

  /// Records E for `epoch`. A curve has a value for every epoch from its first: an epoch that
  /// is not the next one (a gap, or going back) starts the curve over from it.
  public mutating func record(_ loss: Double, epoch: Int) {
    if count > 0 && epoch != lastEpoch + 1 {
      let grid = epochsPerBucket
      self = LossHistory()
      epochsPerBucket = grid
    }
    if count == 0 {
      firstEpoch = epoch
      firstBucket = (epoch - 1) / epochsPerBucket
    }
    count += 1
    last = loss
    lastEpoch = epoch
    if smallest == nil || loss < smallest!.value { smallest = Extreme(value: loss, epoch: epoch) }
    var bucket = (epoch - 1) / epochsPerBucket - firstBucket
    if bucket >= Self.bucketLimit {
      coarsen(to: epochsPerBucket * 2)
      bucket = (epoch - 1) / epochsPerBucket - firstBucket
    }
    if bucket == sums.count - 1 {
      sums[bucket] += loss
      minimums[bucket] = Swift.min(minimums[bucket], loss)
      maximums[bucket] = Swift.max(maximums[bucket], loss)
      counts[bucket] += 1
      return
    }
    // The next bucket (epochs come one after another, so none is skipped).
    sums.append(loss)
    minimums.append(loss)
    maximums.append(loss)
    counts.append(1)
  }

  /// Appends each of `values` for the epochs after `lastEpoch`, with the same result as
  /// appending them one by one; runs of epochs that fall into the newest bucket are summed in
  /// registers (the kernel hands over a block of epochs at a time, and on a tiny network a
  /// per-epoch append would cost as much as a sample-step).
  mutating func append(contentsOf values: UnsafeBufferPointer<Double>) {
    var k = 0
    while k < values.count {
      let b = sums.count - 1
      let room = b < 0 ? 0 : (firstBucket + b + 1) * epochsPerBucket - lastEpoch
      guard room > 0 else {
        append(values[k])
        k += 1
        continue
      }
      let take = Swift.min(room, values.count - k)
      var sum = sums[b]
      var low = minimums[b]
      var high = maximums[b]
      var best = smallest
      for (offset, v) in values[k..<(k + take)].enumerated() {
        sum += v
        low = Swift.min(low, v)
        high = Swift.max(high, v)
        if best == nil || v < best!.value {
          best = Extreme(value: v, epoch: lastEpoch + 1 + offset)
        }
      }
      sums[b] = sum
      minimums[b] = low
      maximums[b] = high
      smallest = best
      counts[b] += take
      count += take
      lastEpoch += take
      k += take
      last = values[k - 1]
    }
  }

  /// Widens the buckets to `epochs` each (a power-of-two multiple of `epochsPerBucket`), merging
  /// the ones that now share a bucket of the grid.
  public mutating func coarsen(to epochs: Int) {
    while epochsPerBucket < epochs {
      let newFirst = firstBucket / 2
      var merged = 0
      for k in sums.indices {
        let target = (firstBucket + k) / 2 - newFirst
        if target == merged - 1 {
          sums[target] += sums[k]
          minimums[target] = Swift.min(minimums[target], minimums[k])
          maximums[target] = Swift.max(maximums[target], maximums[k])
          counts[target] += counts[k]
        } else {
          sums[target] = sums[k]
          minimums[target] = minimums[k]
          maximums[target] = maximums[k]
          counts[target] = counts[k]
          merged = target + 1
        }
      }
      sums.removeLast(sums.count - merged)
      minimums.removeLast(minimums.count - merged)
      maximums.removeLast(maximums.count - merged)
      counts.removeLast(counts.count - merged)
      firstBucket = newFirst
      epochsPerBucket *= 2
    }
  }
}
