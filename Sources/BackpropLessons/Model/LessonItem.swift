/// One thing on a page, in the order the author wrote it.
public enum LessonItem: Equatable, Sendable {
  case prose(Prose)
  case command(LessonCommand)
  case assertion(Assertion)
  case question(Question)
}

/// A paragraph of text, or a display line (a formula) that is kept exactly as written.
public struct Prose: Equatable, Sendable {
  public var text: String
  /// A line indented by two spaces or a tab: shown as written, never joined or wrapped.
  public var isDisplay: Bool
  public var line: Int

  public init(text: String, isDisplay: Bool = false, line: Int) {
    self.text = text
    self.isDisplay = isDisplay
    self.line = line
  }
}

/// A line of the command language, run exactly as if the student had typed it.
public struct LessonCommand: Equatable, Sendable {
  public var text: String
  public var line: Int
  /// Column of the command's first character, so a `CommandError` column can be turned into a
  /// column of the file.
  public var column: Int

  public init(text: String, line: Int, column: Int) {
    self.text = text
    self.line = line
    self.column = column
  }
}

/// `@assert NAME = NUMBER [± TOLERANCE]`: a fact the author expects to hold at this point.
public struct Assertion: Equatable, Sendable {
  /// The quantity as written (w_35, o_5, δ_5, E, …).
  public var quantity: String
  public var expected: Double
  /// The number as written, for messages.
  public var expectedText: String
  public var tolerance: Tolerance
  public var line: Int
  public var quantityColumn: Int
  public var valueColumn: Int

  public init(
    quantity: String, expected: Double, expectedText: String, tolerance: Tolerance, line: Int,
    quantityColumn: Int, valueColumn: Int
  ) {
    self.quantity = quantity
    self.expected = expected
    self.expectedText = expectedText
    self.tolerance = tolerance
    self.line = line
    self.quantityColumn = quantityColumn
    self.valueColumn = valueColumn
  }
}
