/// The column and row of one cell of a rendered plot's `TextGrid`.
///
/// A named value rather than a tuple so tests can compare optional positions with `==`.
public struct CellPosition: Hashable, Sendable {
  public var x: Int
  public var y: Int

  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}
