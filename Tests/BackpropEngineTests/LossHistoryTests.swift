@testable import BackpropEngine
import Foundation
import Testing

/// The loss curve's buckets: bounded, on one grid of epochs, each keeping the mean, minimum and
/// maximum of exactly the epochs it covers; the test curve on the training curve's grid.
@Suite struct LossHistoryTests {
  /// A curve with a wiggle and one spike, so minimum, maximum and mean differ in every bucket.
  static func value(_ epoch: Int) -> Double {
    epoch == 7_777 ? 50 : 1 / Double(epoch) + 0.01 * sin(Double(epoch))
  }

  /// Each bucket against a direct computation over the epochs it says it covers.
  static func expectBucketsMatch(_ history: LossHistory, from firstEpoch: Int, to lastEpoch: Int) {
    let means = history.means
    var covered = firstEpoch
    for b in 0..<history.bucketCount {
      let epochs = history.epochs(ofBucket: b)
      #expect(epochs.lowerBound == covered)
      covered = epochs.upperBound + 1
      // On the grid: a bucket never straddles a multiple of the bucket width.
      #expect(
        (epochs.lowerBound - 1) / history.epochsPerBucket
          == (epochs.upperBound - 1) / history.epochsPerBucket)
      let values = epochs.map(value)
      #expect(close(means[b], values.reduce(0, +) / Double(values.count), relative: 1e-12))
      #expect(history.minimums[b] == values.min())
      #expect(history.maximums[b] == values.max())
    }
    #expect(covered == lastEpoch + 1)
  }

  @Test func aLongCurveStaysBoundedAndExact() {
    var history = LossHistory()
    for epoch in 1...20_000 { history.append(Self.value(epoch)) }
    #expect(history.count == 20_000)
    #expect(history.bucketCount <= LossHistory.bucketLimit)
    #expect(history.epochsPerBucket == 8)
    #expect(history.last == Self.value(20_000))
    Self.expectBucketsMatch(history, from: 1, to: 20_000)
    // The exact minimum survives the bucketing, with its epoch.
    let smallest = (1...20_000).min { Self.value($0) < Self.value($1) }!
    #expect(history.smallest == LossHistory.Extreme(value: Self.value(smallest), epoch: smallest))
  }

  /// A test curve that starts mid-run, kept on the training curve's grid as that coarsens.
  @Test func aLateCurveFollowsTheTrainingGrid() {
    var training = LossHistory()
    var test = LossHistory()
    for epoch in 1...12_345 {
      training.append(Self.value(epoch))
      if epoch >= 3_001 {
        test.record(Self.value(epoch), epoch: epoch)
        test.coarsen(to: training.epochsPerBucket)
      }
    }
    #expect(test.epochsPerBucket == training.epochsPerBucket)
    #expect(test.firstEpoch == 3_001)
    #expect(test.count == 12_345 - 3_000)
    Self.expectBucketsMatch(test, from: 3_001, to: 12_345)
    // Test bucket b covers the same epochs as training bucket firstBucket + b (the first one
    // only from the epoch the test set arrived).
    for b in 1..<test.bucketCount {
      #expect(test.epochs(ofBucket: b) == training.epochs(ofBucket: test.firstBucket + b))
    }
    #expect(
      test.epochs(ofBucket: 0).upperBound
        == training.epochs(ofBucket: test.firstBucket).upperBound)
  }

  /// Appending a block at once (the kernel's way) equals appending one by one.
  @Test func blocksEqualSingleAppends() {
    var single = LossHistory()
    var blocks = LossHistory()
    let values = (1...9_000).map(Self.value)
    for v in values { single.append(v) }
    var start = 0
    for size in [1, 5_000, 37, 3_962] {
      values[start..<(start + size)].withUnsafeBufferPointer { blocks.append(contentsOf: $0) }
      start += size
    }
    #expect(blocks == single)
  }

  /// An epoch that does not follow the last one starts the curve over, rather than leave a
  /// bucket with no epochs in it.
  @Test func aGapStartsOver() {
    var history = LossHistory()
    for epoch in 1...5 { history.record(Double(epoch), epoch: epoch) }
    history.record(9, epoch: 9)
    #expect(history.count == 1)
    #expect(history.firstEpoch == 9)
    #expect(history.means == [9])
  }
}
