import Testing
import TextGrid

/// The characters after an Escape, as a terminal sends them, decoded one at a time as the
/// terminal loop reads them.
@Suite struct EscapeSequenceTests {
  /// Feeds `text` a character at a time, as the loop does, and returns the key at the first
  /// complete step (or what `finish` makes of the rest).
  static func key(after text: String) -> (key: Key?, consumed: Int) {
    var following: [Character] = []
    for c in text {
      following.append(c)
      if case .key(let key) = EscapeSequence.decode(following) { return (key, following.count) }
    }
    return (EscapeSequence.finish(following), following.count)
  }

  @Test(arguments: [
    // tmux/screen (what xterm-256color's terminfo does not list), xterm, rxvt and VT220.
    ("[1~", Key.home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("[H", .home),
    ("[F", .end), ("OH", .home), ("OF", .end), ("[5~", .pageUp), ("[6~", .pageDown),
    ("[3~", .delete), ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left),
    ("OA", .up), ("[1;5A", .up), ("[1;2H", .home), ("[Z", .backTab), ("OP", .function(1)),
    ("[11~", .function(1)), ("[15~", .function(5)), ("[17~", .function(6)),
    ("[24~", .function(12)), ("[1;5P", .function(1)),
  ])
  func namedKeys(text: String, expected: Key) {
    let decoded = Self.key(after: text)
    #expect(decoded.key == expected)
    #expect(decoded.consumed == text.count, "the whole sequence is consumed")
  }

  @Test func escapeAloneAndAltChords() {
    #expect(EscapeSequence.finish([]) == .escape)
    #expect(Self.key(after: "x").key == .alt("x"))
    #expect(Self.key(after: "q").key == .alt("q"))
    #expect(Self.key(after: "[").key == .alt("["))
    #expect(Self.key(after: "O").key == .alt("O"))
    #expect(Self.key(after: "\u{1B}").key == .escape)
  }

  /// A sequence the app has no key for is dropped whole, never typed as text.
  @Test func unknownSequencesAreDroppedWhole() {
    for text in ["[2~", "[99~", "[200~", "[?1;2c", "[I", "OZ", "[1;"] {
      let decoded = Self.key(after: text)
      #expect(decoded.key == nil, "\(text.debugDescription)")
      #expect(decoded.consumed == text.count)
    }
    let long = "[" + String(repeating: "1", count: 40) + "~"
    #expect(Self.key(after: long).key == nil)
    #expect(Self.key(after: long).consumed <= EscapeSequence.maximumLength + 1)
  }
}
