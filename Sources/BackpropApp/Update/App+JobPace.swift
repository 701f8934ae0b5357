/// How big a job's slice is. Keys are read between slices, so a slice must be short whatever the
/// data and network: a fixed amount of work is a few milliseconds on a small network and whole
/// seconds on a large one (each micro-step of a 1,024-wide layer builds its explanation). So the
/// slice starts at a base size and follows the time the last one took, which the TUI loop measures
/// and sends as `.jobSliceTook` — `update` itself stays free of the clock.
extension App {
  /// The time one slice should take: short enough that a key stops a job at once, long enough
  /// that drawing the progress between slices costs little.
  static let sliceTarget: Duration = .milliseconds(50)

  /// The most a slice may grow or shrink after one measurement, so that one odd reading (the
  /// machine busy elsewhere, a slice cut short by the end of a phase) cannot swing it far.
  static let paceStep = 4.0

  /// `base` scaled by the job's pace, at least 1.
  static func sliceSize(_ base: Int, _ job: AppState.TrainingJob) -> Int {
    max(1, Int((Double(base) * job.pace).rounded()))
  }

  /// Scales the running job's pace by how far `duration` (the last slice) was from
  /// `sliceTarget`, for the work the slice really did (`lastSliceShare`), by at most `paceStep`
  /// either way. Nothing without a job.
  ///
  /// Measured: a `train` slice that finished the last third of an epoch in 11 ms, read as a
  /// whole slice's work, made the next one four times the target (200 ms instead of 50).
  static func adaptPace(_ duration: Duration, _ state: inout AppState) {
    guard var job = state.job else { return }
    let took = max(seconds(duration), 1e-6)
    let rate = job.lastSliceShare * seconds(sliceTarget) / took
    let factor = min(paceStep, max(1 / paceStep, rate))
    job.lastSliceShare = 1
    // Below one unit of work the pace cannot shrink the slice further; keep it from sinking
    // without end, and from growing past what any slice could use.
    job.pace = min(1e6, max(1e-6, job.pace * factor))
    state.job = job
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
