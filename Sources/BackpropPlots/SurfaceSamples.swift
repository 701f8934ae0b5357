/// The values of E(x, y) a heat map was shaded from: one per data cell, taken at the cell's
/// centre. Exposed so tests can compare what is drawn with the closed form.
public struct SurfaceSamples: Equatable, Sendable {
  /// Data x at the centre of each data column, left to right.
  public let xs: [Double]
  /// Data y at the centre of each data row, top to bottom.
  public let ys: [Double]
  /// Row-major values: `values[row * xs.count + column]`.
  public let values: [Double]

  public init(xs: [Double], ys: [Double], values: [Double]) {
    precondition(values.count == xs.count * ys.count, "one value per column and row")
    self.xs = xs
    self.ys = ys
    self.values = values
  }

  /// The value sampled at (`xs[column]`, `ys[row]`).
  public subscript(column: Int, row: Int) -> Double {
    values[row * xs.count + column]
  }

  /// The values one row at a time, top row first.
  public var rows: [[Double]] {
    ys.indices.map { row in Array(values[(row * xs.count)..<((row + 1) * xs.count)]) }
  }
}
