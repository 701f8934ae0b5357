/// Equality of two states bit for bit, for deciding whether a command changed anything.
///
/// The synthesized `==` compares doubles as numbers, so a state holding a NaN (after a
/// divergence) is unequal to itself: every read-only command then looked like a change, became
/// an undo entry and cleared redo. Here a double equals another when their bit patterns do.
/// A `==` that answers true is trusted (it is the fast path, and differs only for +0 and −0);
/// only when it answers false are the values taken apart with `Mirror` to look for doubles.
public enum BitwiseEquality {
  public static func equal<T: Equatable>(_ a: T, _ b: T) -> Bool {
    a == b || same(a, b)
  }

  static func same(_ a: Any, _ b: Any) -> Bool {
    if let x = a as? Double, let y = b as? Double { return x.bitPattern == y.bitPattern }
    if let x = a as? [Double], let y = b as? [Double] {
      guard x.count == y.count else { return false }
      return zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
    if let x = a as? any Equatable, equatableEqual(x, b) { return true }
    let left = Mirror(reflecting: a)
    let right = Mirror(reflecting: b)
    guard left.displayStyle == right.displayStyle, left.children.count == right.children.count,
      !left.children.isEmpty
    else { return false }
    if left.displayStyle == .enum || left.displayStyle == .optional {
      guard left.children.first?.label == right.children.first?.label else { return false }
    }
    return zip(left.children, right.children).allSatisfy { same($0.value, $1.value) }
  }

  private static func equatableEqual<T: Equatable>(_ a: T, _ b: Any) -> Bool {
    guard let b = b as? T else { return false }
    return a == b
  }
}
