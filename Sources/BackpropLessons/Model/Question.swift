/// A question that waits for the student: a number to predict, a choice among options (or a
/// menu), or a command to type.
public struct Question: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case number(NumericAnswer)
    /// `answer` is the index of the right option; nil makes the question a menu, where every
    /// option is right and leads to its own label.
    case choice(options: [ChoiceOption], answer: Int?)
    case command(LessonCommand)
  }

  /// Line of the `@question` directive; also the key for the answers a student tried.
  public var line: Int
  public var prompt: [Prose]
  public var kind: Kind
  /// Shown one per wrong try, in order; after the last one the answer is revealed.
  public var hints: [String]
  /// Feedback for a right answer, and for each wrong one.
  public var right: String?
  public var wrong: String?
  /// `@on-wrong LABEL`: the page to go on to when the first try was wrong or the question was
  /// skipped (a remedial page), instead of the next one.
  public var onWrong: String?
  public var onWrongColumn: Int

  public init(
    line: Int, prompt: [Prose], kind: Kind, hints: [String] = [], right: String? = nil,
    wrong: String? = nil, onWrong: String? = nil, onWrongColumn: Int = 1
  ) {
    self.line = line
    self.prompt = prompt
    self.kind = kind
    self.hints = hints
    self.right = right
    self.wrong = wrong
    self.onWrong = onWrong
    self.onWrongColumn = onWrongColumn
  }

  /// A choice question without a right answer, whose options lead to labels.
  public var isMenu: Bool {
    if case .choice(_, nil) = kind { return true }
    return false
  }
}

/// The answer to a number question: a literal, an engine quantity, or both
/// (`@answer 0.75137 = o_5`), in which case `backprop check` verifies that they agree.
public struct NumericAnswer: Equatable, Sendable {
  public var value: Double?
  /// The literal as written (shown when the answer is revealed).
  public var text: String?
  public var quantity: String?
  public var tolerance: Tolerance
  public var line: Int
  public var valueColumn: Int
  public var quantityColumn: Int

  public init(
    value: Double?, text: String?, quantity: String?, tolerance: Tolerance = .answer, line: Int,
    valueColumn: Int, quantityColumn: Int
  ) {
    self.value = value
    self.text = text
    self.quantity = quantity
    self.tolerance = tolerance
    self.line = line
    self.valueColumn = valueColumn
    self.quantityColumn = quantityColumn
  }
}

/// One option of a choice question: `b) w1 = −w2`, optionally `-> LABEL`.
public struct ChoiceOption: Equatable, Sendable {
  public var letter: Character
  public var text: String
  /// The page this option leads to when chosen.
  public var target: String?
  public var line: Int
  public var targetColumn: Int

  public init(
    letter: Character, text: String, target: String? = nil, line: Int, targetColumn: Int = 1
  ) {
    self.letter = letter
    self.text = text
    self.target = target
    self.line = line
    self.targetColumn = targetColumn
  }

  /// "b) w1 = −w2", as shown.
  public var display: String { "\(letter)) \(text)" }
}
