import BackpropEngine

/// The undo history: what `undo` and `back` return to, bounded in bytes rather than in entries.
///
/// Copying a whole `Trainer` before every micro-step made each step cost as much as the values
/// it touched (a network's gradient array, copied on write), and a long session hundreds of
/// MiB. So most entries hold no trainer at all: an entry without a `snapshot` is *the previous
/// entry's state after one `Trainer.step()`*, and is rebuilt by replaying that step, which gives
/// the same bits (stepping is deterministic, and `stepExplained` changes the state exactly as
/// `step` does). Every `snapshotSpacing`-th micro-step, and the state before every command, is
/// kept whole, so a rebuild replays at most `snapshotSpacing − 1` micro-steps.
///
/// Appending costs the same whatever the length (the session owns the only reference to the
/// entries, see `Session.commit`), and the oldest entries are dropped in batches once the
/// snapshots' estimated size passes `byteLimit`, so a big network simply keeps fewer of them.
struct History: Sendable {
  private(set) var entries: [HistoryEntry] = []
  /// Estimated bytes held by the entries (their snapshots, and a little for each entry).
  private(set) var bytes = 0

  /// The memory the history may use. A 784-30-10 network keeps some tens of whole snapshots.
  static let byteLimit = 32 << 20
  /// At most this many entries (micro-steps are cheap, but each `back` must still find its way).
  static let entryLimit = 20_000
  /// A micro-step entry holds a whole trainer every this many steps.
  static let snapshotSpacing = 32
  /// What an entry without a snapshot costs: its label reference, group, optional.
  static let entryBytes = 48

  var count: Int { entries.count }
  var isEmpty: Bool { entries.isEmpty }
  var last: HistoryEntry? { entries.last }

  /// The trainer as it was at entry `index`: its snapshot, or the nearest earlier one replayed.
  func trainer(at index: Int) -> Trainer {
    var base = index
    while entries[base].snapshot == nil { base -= 1 }
    var t = entries[base].snapshot!
    for _ in base..<index { t.step() }
    return t
  }

  mutating func append(_ entry: HistoryEntry) {
    precondition(entry.snapshot != nil || !entries.isEmpty, "the first entry must be whole")
    bytes += Self.cost(of: entry, after: entries.last(where: { $0.snapshot != nil })?.snapshot)
    entries.append(entry)
  }

  mutating func append(contentsOf more: [HistoryEntry]) {
    for e in more { append(e) }
  }

  /// Removes and returns the newest entry.
  @discardableResult
  mutating func removeLast() -> HistoryEntry {
    let e = entries.removeLast()
    bytes -= Self.cost(of: e, after: entries.last(where: { $0.snapshot != nil })?.snapshot)
    return e
  }

  /// Drops the oldest entries, a quarter more than needed at a time so that trimming is rare,
  /// while the history is over either limit. The first entry left is always whole.
  ///
  /// A command's first entry (the state before it, always whole) is never dropped while later
  /// entries of the same command stay: `undo` then still takes the whole command back, and only
  /// `back` loses the micro-steps in between. The newest command's first entry stays even when it
  /// alone is over the limit (a network of a million weights has snapshots of tens of MiB), so
  /// the last command can always be undone.
  mutating func trim() {
    guard bytes > Self.byteLimit || entries.count > Self.entryLimit else { return }
    let byteTarget = Self.byteLimit - Self.byteLimit / 4
    let countTarget = Self.entryLimit - Self.entryLimit / 4
    var cut = 0
    var left = bytes
    var previous: Trainer?
    while cut < entries.count
      && (left > byteTarget || entries.count - cut > countTarget || entries[cut].snapshot == nil)
    {
      left -= Self.cost(of: entries[cut], after: previous)
      if let s = entries[cut].snapshot { previous = s }
      cut += 1
    }
    guard cut > 0 else { return }
    // The command the cut ends in, if it cuts into one (or takes everything).
    let split = cut == entries.count || entries[cut].group == entries[cut - 1].group
    if split {
      let group = entries[cut - 1].group
      var first = cut - 1
      while first > 0 && entries[first - 1].group == group { first -= 1 }
      let start = entries[first]
      entries.removeSubrange(first..<cut)
      entries.removeFirst(first)
      entries.insert(start, at: 0)
    } else {
      entries.removeFirst(cut)
    }
    // Costs depend on the entry before (shared samples): count them again, as trimming is rare.
    bytes = 0
    var before: Trainer?
    for entry in entries {
      bytes += Self.cost(of: entry, after: before)
      if let s = entry.snapshot { before = s }
    }
  }

  /// Estimated bytes of an entry. Samples usually stay the same across many entries and are
  /// then stored once (arrays share storage), so they count only when they changed.
  static func cost(of entry: HistoryEntry, after previous: Trainer?) -> Int {
    guard let t = entry.snapshot else { return entryBytes }
    var doubles =
      t.network.weights.count + t.network.biases.count + 4
      * (t.losses.bucketCount + t.testLosses.bucketCount)
    let v = t.values
    doubles += v.net.count * 4 + v.weightGradient.count + v.biasGradient.count
    doubles += v.weightGradientSum.count + v.biasGradientSum.count
    doubles += v.weightsBeforeUpdate.count + v.biasesBeforeUpdate.count
    doubles += t.trail.count * (t.trail.first?.count ?? 0)
    var result = entryBytes + 512 + 8 * doubles + 32 * t.trail.count
    if previous.map({ t.samples == $0.samples }) != true { result += sampleBytes(t) }
    return result
  }

  private static func sampleBytes(_ t: Trainer) -> Int {
    t.samples.reduce(0) { $0 + 64 + 8 * ($1.inputs.count + $1.targets.count) }
  }
}

/// One step back in history: the trainer as it was (or nil: the previous entry's after one
/// micro-step), and the command that changed it. Entries that share a `group` came from one
/// command, one per micro-step, so `undo` removes them together and `back` one at a time.
struct HistoryEntry: Sendable {
  var snapshot: Trainer?
  var label: String
  var group: Int
}

/// Something `undo` or `back` took back: the undo entries it removed (so `redo` restores the
/// micro-step history too) and the state to return to.
struct RedoEntry: Sendable {
  var entries: [HistoryEntry]
  var trainer: Trainer
  var label: String
}
