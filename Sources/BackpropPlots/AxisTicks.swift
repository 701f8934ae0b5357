/// One labelled position on an axis.
struct AxisTick: Equatable, Sendable {
  /// Position along the axis (for a logarithmic axis, the decimal logarithm of the value).
  var position: Double
  var label: String
}

/// Chooses "nice" tick positions (multiples of 1, 2 or 5 times a power of ten) so that labels are
/// short and a reader can interpolate between them.
enum AxisTicks {
  /// Ticks at multiples of a nice step, at most about `maxCount` of them inside `range`.
  /// `integerStep` keeps the step a whole number (epochs are counted, not measured).
  static func linear(_ range: PlotRange, maxCount: Int, integerStep: Bool = false) -> [AxisTick] {
    guard range.span > 0, range.span.isFinite else { return [] }
    var step = niceStep(range.span / Double(max(1, maxCount)))
    if integerStep { step = max(1, step.rounded()) }
    let first = (range.lower / step - 1e-9).rounded(.up)
    let last = (range.upper / step + 1e-9).rounded(.down)
    guard first <= last, last - first < 1000 else { return [] }
    let large = max(range.lower.magnitude, range.upper.magnitude) >= 1e6 || step < 1e-4
    let decimals = PlotNumberFormat.decimals(forStep: step)
    return stride(from: first, through: last, by: 1).map { k in
      let value = k * step
      let label =
        large
        ? PlotNumberFormat.compact(value) : PlotNumberFormat.fixed(value, decimals: decimals)
      return AxisTick(position: value, label: label)
    }
  }

  /// Ticks for an axis whose positions are decimal logarithms: at powers of ten when the range
  /// spans a decade or more, otherwise at nice values inside the single decade.
  static func logarithmic(_ range: PlotRange, maxCount: Int) -> [AxisTick] {
    guard range.span > 0, range.span.isFinite else { return [] }
    if range.span >= 1 {
      let step = max(1, niceStep(range.span / Double(max(1, maxCount))).rounded())
      let first = (range.lower / step - 1e-9).rounded(.up)
      let last = (range.upper / step + 1e-9).rounded(.down)
      guard first <= last else { return [] }
      return stride(from: first, through: last, by: 1).map { k in
        let exponent = k * step
        return AxisTick(
          position: exponent, label: PlotNumberFormat.compact(PlotMath.powerOfTen(exponent)))
      }
    }
    let values = PlotRange(PlotMath.powerOfTen(range.lower), PlotMath.powerOfTen(range.upper))
    return linear(values, maxCount: maxCount).compactMap { tick in
      guard tick.position > 0 else { return nil }
      return AxisTick(position: PlotMath.decimalLogarithm(tick.position), label: tick.label)
    }
  }

  /// The smallest of 1, 2, 5 or 10 times a power of ten that is at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    guard raw.isFinite, raw > 0 else { return 1 }
    let magnitude = PlotMath.powerOfTen((PlotMath.decimalLogarithm(raw)).rounded(.down))
    let fraction = raw / magnitude
    let nice: Double =
      fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10
    return nice * magnitude
  }
}
