import Testing

import TextGrid

@Suite struct TextWrapTests {
  // MARK: - wrap

  @Test func textThatFitsIsReturnedExactly() {
    for line in ["", "one two", "  indented  with   inner   spacing  ", "δ_5 = 0.13850"] {
      #expect(TextWrap.wrap(line, width: max(1, line.displayWidth)) == [line])
    }
    #expect(TextWrap.wrap("one two three", width: 7) == ["one two", "three"])
    #expect(TextWrap.wrap("anything", width: 0) == [])
  }

  @Test func numbersAndNamesAreNeverSplit() {
    let text = "gradient -0.038098 and 1.1856e-44 then 0.291027924 for ∂E/∂w_35 and δ_5"
    let lines = TextWrap.wrap(text, width: 12)
    #expect(
      lines == [
        "gradient", "-0.038098", "and", "1.1856e-44", "then", "0.291027924", "for ∂E/∂w_35",
        "and δ_5",
      ])
    #expect(lines.joined(separator: " ") == text)
  }

  @Test func leadingSpacesBecomeAHangingIndent() {
    #expect(
      TextWrap.wrap("    indented text that goes on", width: 16) == [
        "    indented", "    text that", "    goes on",
      ])
    // The indent is capped at half the width so some text always fits.
    #expect(TextWrap.wrap("          ab cd", width: 6) == ["   ab", "   cd"])
  }

  @Test func spacesAtABreakAreDroppedButInnerSpacingIsKept() {
    #expect(TextWrap.wrap("aa  bb     cc", width: 6) == ["aa  bb", "cc"])
    #expect(TextWrap.wrap("aa bb   ", width: 4) == ["aa", "bb"])
  }

  @Test func onlyATokenWiderThanTheLineIsCutWithAnEllipsis() {
    #expect(TextWrap.wrap("a verylongword b", width: 6) == ["a", "veryl…", "b"])
    #expect(TextWrap.wrap("a verylongword b", width: 6, ellipsis: "...") == ["a", "ver...", "b"])
    // The ellipsis itself is shortened when even it does not fit.
    #expect(TextWrap.wrap("abcdef", width: 2, ellipsis: "...") == [".."])
    // Indented: the room for a token is what the indent leaves.
    #expect(TextWrap.wrap("  0.291027924 x", width: 8) == ["  0.291…", "  x"])
  }

  @Test func widthsAreDisplayWidths() {
    #expect(TextWrap.wrap("日本語 テキスト", width: 10) == ["日本語", "テキスト"])
    #expect(TextWrap.wrap("日本語 テキスト", width: 7) == ["日本語", "テキス…"])
    // A combining accent takes no column: "café" + U+0301 on the e still fits in 4.
    let accented = "cafe\u{301} cafe\u{301}"
    #expect(TextWrap.wrap(accented, width: 4) == ["cafe\u{301}", "cafe\u{301}"])
  }

  @Test func prefixedWrapping() {
    #expect(
      TextWrap.wrap("Why is   δ_5 negative here?", width: 12, first: "? ", rest: "  ") == [
        "? Why is δ_5", "  negative", "  here?",
      ])
    #expect(
      TextWrap.wrap("see 0.291027924", width: 8, first: "→ ", rest: "  ", ellipsis: "...") == [
        "→ see", "  0.2...",
      ])
  }

  // MARK: - wrapEquation

  static let equation =
    "δ_3 = (w_35 δ_5 + w_36 δ_6)·o_3(1 − o_3) = (0.4·0.13850 + 0.5·(-0.038098))·0.59327·0.40673"
    + " = 0.0087714"

  @Test func equationThatFitsIsUnchanged() {
    #expect(TextWrap.wrapEquation("E = 0.5", width: 7) == ["E = 0.5"])
  }

  @Test func equationBreaksBeforeEqualsFirst() {
    #expect(
      TextWrap.wrapEquation(Self.equation, width: 60) == [
        "δ_3 = (w_35 δ_5 + w_36 δ_6)·o_3(1 − o_3)",
        "    = (0.4·0.13850 + 0.5·(-0.038098))·0.59327·0.40673",
        "    = 0.0087714",
      ])
  }

  @Test func equationBreaksBeforePlusAndMinusNext() {
    #expect(
      TextWrap.wrapEquation(Self.equation, width: 40) == [
        "δ_3 = (w_35 δ_5 + w_36 δ_6)·o_3(1 − o_3)",
        "    = (0.4·0.13850",
        "    + 0.5·(-0.038098))·0.59327·0.40673",
        "    = 0.0087714",
      ])
    #expect(
      TextWrap.wrapEquation("x = aaaa − bbbb", width: 10) == ["x", "    = aaaa", "    − bbbb"])
  }

  @Test func equationBreaksAfterTheProductDotThenAtSpaces() {
    #expect(
      TextWrap.wrapEquation(Self.equation, width: 30) == [
        "δ_3",
        "    = (w_35 δ_5",
        "    + w_36 δ_6)·o_3(1 − o_3)",
        "    = (0.4·0.13850",
        "    + 0.5·(-0.038098))·",
        "    0.59327·0.40673",
        "    = 0.0087714",
      ])
    #expect(
      TextWrap.wrapEquation("y = f(a b c d e)", width: 10) == [
        "y", "    = f(a", "    b c d", "    e)",
      ])
  }

  @Test func equationCutsOnlyATokenWiderThanALine() {
    // The number alone is wider than a continuation line (6 columns): it is cut, keeping as much
    // of it as fits, and its "·2" goes on.
    #expect(
      TextWrap.wrapEquation("E = 0.291027924·2", width: 10) == [
        "E", "    =", "    0.291…", "    ·2",
      ])
    #expect(
      TextWrap.wrapEquation("E = 0.291027924·2", width: 10, ellipsis: "...") == [
        "E", "    =", "    0.2...", "    ·2",
      ])
    // A token that fits but not together with its "·" goes alone; the dot starts the next line.
    #expect(TextWrap.wrapEquation("abcdefgh·ijk", width: 8) == ["abcdefgh", "    ·ijk"])
  }

  // MARK: - truncate

  @Test func truncateKeepsTextThatFits() {
    #expect(TextWrap.truncate("status", width: 6) == "status")
    #expect(TextWrap.truncate("", width: 3) == "")
    #expect(TextWrap.truncate("status", width: 0) == "")
  }

  @Test func truncateCutsAtAWordBoundaryInTheLastPart() {
    let status = "status line with many words"
    #expect(TextWrap.truncate(status, width: 20) == "status line with…")
    #expect(TextWrap.truncate(status, width: 17) == "status line with…")
    #expect(TextWrap.truncate(status, width: 20, ellipsis: "...") == "status line with...")
    // No space in the last half: cut inside the word rather than lose most of the room.
    #expect(TextWrap.truncate("a supercalifragilistic", width: 10) == "a superca…")
    #expect(TextWrap.truncate("supercalifragilistic word", width: 10) == "supercali…")
  }

  @Test func truncateMeasuresDisplayWidth() {
    #expect(TextWrap.truncate("日本語テキスト", width: 7) == "日本語…")
    #expect(TextWrap.truncate("日本語テキスト", width: 8) == "日本語…")
    #expect(TextWrap.truncate("abcdef", width: 2, ellipsis: "...") == "..")
    for width in 1...30 {
      #expect(TextWrap.truncate("status line with many words", width: width).displayWidth <= width)
    }
  }

  // MARK: - Properties

  @Test func randomLinesWrapIntoFittingLinesWithWholeTokens() {
    var random = SplitMix64(seed: 0x5EED)
    for _ in 0..<3000 {
      let width = Int.random(in: 1...60, using: &random)
      let leading = Bool.random(using: &random) ? Int.random(in: 1...6, using: &random) : 0
      let count = Int.random(in: 0...14, using: &random)
      var line = String(repeating: " ", count: leading)
      for k in 0..<count {
        if k > 0 { line += String(repeating: " ", count: Int.random(in: 1...3, using: &random)) }
        line += Self.randomToken(using: &random)
      }
      let lines = TextWrap.wrap(line, width: width)
      for out in lines { #expect(out.displayWidth <= width, "\(line) at \(width): \(out)") }
      if line.displayWidth <= width {
        #expect(lines == [line])
        continue
      }
      let indent = min(leading, width / 2)
      for out in lines where count > 0 {
        #expect(out.prefix(indent) == Substring(String(repeating: " ", count: indent)))
        #expect(out.dropFirst(indent).first != " ", "\(line) at \(width): \(out)")
      }
      Self.expectWholeTokens(
        input: Self.tokens(line, separators: [" "]),
        output: lines.flatMap { Self.tokens($0, separators: [" "]) },
        room: width - indent, context: "\(line) at \(width)")
    }
  }

  @Test func randomEquationsWrapIntoFittingLinesWithWholeNamesAndNumbers() {
    var random = SplitMix64(seed: 0xE0A7)
    let operators = [" = ", " + ", " − ", " - ", "·", " "]
    for _ in 0..<3000 {
      let width = Int.random(in: 1...60, using: &random)
      var equation = Self.randomToken(using: &random)
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        equation += operators.randomElement(using: &random)! + Self.randomToken(using: &random)
      }
      let lines = TextWrap.wrapEquation(equation, width: width)
      for out in lines { #expect(out.displayWidth <= width, "\(equation) at \(width): \(out)") }
      if equation.displayWidth <= width {
        #expect(lines == [equation])
        continue
      }
      // Continuation lines have the larger indent, so a token fitting there fits everywhere.
      Self.expectWholeTokens(
        input: Self.tokens(equation, separators: [" ", "·"]),
        output: lines.flatMap { Self.tokens($0, separators: [" ", "·"]) },
        room: width - min(4, width / 2), context: "\(equation) at \(width)")
    }
  }

  // MARK: - Long input

  @Test func aVeryLongWordIsCutOnceWithoutRescanning() {
    let word = String(repeating: "x", count: 200_000)
    #expect(TextWrap.wrap(word, width: 80) == [String(repeating: "x", count: 79) + "…"])
    #expect(TextWrap.wrapEquation(word, width: 80) == [String(repeating: "x", count: 79) + "…"])
    #expect(TextWrap.truncate(word, width: 80) == String(repeating: "x", count: 79) + "…")
  }

  @Test func aMegabyteLineWrapsIntoTheExpectedNumberOfLines() {
    // 100,000 words of 9 columns, one space apart: 8 words make 79 columns, 9 would make 89.
    let words = 100_000
    let line = Array(repeating: "abcdefghi", count: words).joined(separator: " ")
    #expect(line.utf8.count >= 999_999)
    let lines = TextWrap.wrap(line, width: 80)
    #expect(lines.count == words / 8)
    #expect(lines.allSatisfy { $0.displayWidth == 79 })
    let equation = Array(repeating: "abcdefghi", count: words).joined(separator: " = ")
    let wrapped = TextWrap.wrapEquation(equation, width: 80)
    #expect(wrapped.allSatisfy { $0.displayWidth <= 80 })
    #expect(wrapped.count > words / 7)
  }

  // MARK: - Helpers

  /// Words, numbers and names of the kinds the tutor prints, some wide, some with a combining mark.
  static func randomToken(using random: inout SplitMix64) -> String {
    switch Int.random(in: 0..<8, using: &random) {
    case 0: return String(format6: Double.random(in: -2...2, using: &random))
    case 1:
      return
        "\(Int.random(in: 1...9, using: &random)).\(Int.random(in: 0...9999, using: &random))e-\(Int.random(in: 1...44, using: &random))"
    case 2: return "δ_\(Int.random(in: 1...99, using: &random))"
    case 3: return "∂E/∂w_\(Int.random(in: 10...99, using: &random))"
    case 4: return ["日本", "テキスト", "語"].randomElement(using: &random)!
    case 5: return "cafe\u{301}"
    default:
      let letters = Array("abcdefghijklmnopqrstuvwxyz")
      return String(
        (0..<Int.random(in: 1...14, using: &random)).map { _ in
          letters.randomElement(using: &random)!
        })
    }
  }

  static func tokens(_ text: String, separators: Set<Character>) -> [Substring] {
    text.split(whereSeparator: { separators.contains($0) })
  }

  /// Every input token comes out whole, except one wider than `room`, which comes out as its
  /// beginning and an ellipsis.
  static func expectWholeTokens(
    input: [Substring], output: [Substring], room: Int, context: String
  ) {
    #expect(input.count == output.count, "\(context): \(output)")
    for (i, o) in zip(input, output) {
      if i.displayWidth <= room || i == o {
        #expect(i == o, "\(context): \(i) became \(o)")
      } else {
        #expect(o.hasSuffix("…") && i.hasPrefix(o.dropLast()), "\(context): \(i) became \(o)")
      }
    }
  }
}

extension Substring {
  fileprivate var displayWidth: Int { DisplayWidth.of(String(self)) }
}

extension String {
  /// A number with six decimals, sign included, without Foundation.
  fileprivate init(format6 value: Double) {
    let scaled = Int((abs(value) * 1_000_000).rounded())
    let fraction = String(scaled % 1_000_000)
    self =
      (value < 0 ? "-" : "") + "\(scaled / 1_000_000)."
      + String(repeating: "0", count: 6 - fraction.count) + fraction
  }
}

/// A small deterministic generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
