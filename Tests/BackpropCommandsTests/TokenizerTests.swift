import Testing

@testable import BackpropCommands

/// The tokenizer is forgiving of how people type: any spacing, `key = value`, comments, quotes.
/// Columns are checked because every error message relies on them.
@Suite struct TokenizerTests {
  static func words(_ line: String) throws -> [String] {
    try Tokenizer.tokenize(line).map(\.text)
  }

  @Test func runsOfSpacesAndTabsSeparateWords() throws {
    let tokens = try Tokenizer.tokenize("  set\tw_35   0.4 ")
    #expect(
      tokens == [Token("set", column: 3), Token("w_35", column: 7), Token("0.4", column: 14)])
  }

  @Test func emptyAndBlankLinesHaveNoWords() throws {
    #expect(try Tokenizer.tokenize("").isEmpty)
    #expect(try Tokenizer.tokenize("   \t ").isEmpty)
  }

  @Test(arguments: [
    "network 2-2 loss = ce", "network 2-2 loss= ce", "network 2-2 loss =ce",
    "network 2-2 loss=ce", "network  2-2  loss  =  ce",
  ])
  func assignmentsAreJoinedWhateverTheSpacing(_ line: String) throws {
    let tokens = try Tokenizer.tokenize(line)
    #expect(tokens.map(\.text) == ["network", "2-2", "loss=ce"])
    // The joined word starts where the key does.
    #expect(tokens[2].column == column(of: "loss", in: line))
  }

  @Test func aHashStartsACommentOnlyAtTheStartOfAWord() throws {
    #expect(try Self.words("# nothing here") == [])
    #expect(try Self.words("show weights # the weights") == ["show", "weights"])
    #expect(try Self.words("show weights #comment") == ["show", "weights"])
    #expect(try Self.words("save a#b.json") == ["save", "a#b.json"])
  }

  @Test func quotesKeepSpacesAndHashes() throws {
    let tokens = try Tokenizer.tokenize(#"save "my net # 2.json" 'x y'"#)
    #expect(tokens.map(\.text) == ["save", "my net # 2.json", "x y"])
    // A quoted word's column is that of its first character inside the quotes.
    #expect(tokens[1].column == 7)
    #expect(tokens[2].column == 25)
  }

  @Test func anUnclosedQuoteIsAnErrorAtTheQuote() {
    #expect(throws: CommandError.self) { try Tokenizer.tokenize(#"save "x"#) }
    do {
      _ = try Tokenizer.tokenize(#"load   'my file"#)
    } catch {
      #expect(error.column == 8)
      #expect(error.message == "this quote is never closed")
    }
  }

  /// Through the session: a comment after a command is ignored, and so is a line that is only a
  /// comment (it succeeds and changes nothing).
  @Test func commentsThroughTheSession() {
    var session = Session()
    let before = session.trainer
    session.run("# just a note")
    #expect(session.trainer == before)
    session.run("set w_35 0.25   # try a smaller weight")
    #expect(session.trainer.network[.weight(from: 3, to: 5)] == 0.25)
  }

  @Test func spacedAssignmentsThroughTheSession() {
    var session = Session()
    session.run("network 3-2 softmax loss = ce bias = off seed = 4")
    #expect(session.trainer.network.loss == .crossEntropy)
    #expect(session.trainer.network.biasMode == .off)
    #expect(session.trainer.network.outputActivation == .softmax)
  }

  @Test(arguments: [
    ("0.5", 0.5), (".5", 0.5), ("-1", -1), ("−1", -1), ("1e-3", 0.001),
    ("3.5e+2", 350), ("+2", 2), ("1_000", 1000),
  ])
  func numbersAsPeopleTypeThem(_ text: String, _ value: Double) {
    #expect(NumberParser.parse(text) == value)
  }

  @Test(arguments: ["abc", "", "1,5", "0x10", "one"])
  func notNumbers(_ text: String) {
    #expect(NumberParser.parse(text) == nil)
  }
}
