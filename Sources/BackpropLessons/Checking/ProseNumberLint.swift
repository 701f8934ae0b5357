import BackpropCommands
import BackpropEngine
import FoundationEssentials
import Glibc

/// The prose-number lint of `backprop check`: every decimal number the prose quotes (running
/// text and display lines) must match, to its printed precision, a value the lesson asserts or
/// answers, a number the engine printed while the lesson ran, or a value the engine held on
/// some page, unless the author marked it `@illustrative`.
///
/// A number that matches nothing is likely stale: the engine changed, or the author computed it
/// by hand and got it wrong. Whole numbers (epochs, indices, years) are not checked; neither
/// are numbers inside `backquotes` (commands the student may type).
public struct ProseNumberLint: Sendable {
  /// Every value seen so far, by magnitude (prose often quotes |δ| without its sign).
  var known: [Double] = []
  var seen: Set<Double> = []

  public init() {}

  /// A number as the prose writes it, and the half unit of its last digit.
  public struct Quoted: Equatable, Sendable {
    public var text: String
    public var value: Double
    public var halfUnit: Double
    /// 1-based character column within the text.
    public var column: Int
  }

  /// The decimal numbers of a text, outside backquotes.
  public static func numbers(in text: String) -> [Quoted] {
    var result: [Quoted] = []
    let chars = Array(text)
    var i = 0
    var quoted = false
    while i < chars.count {
      let c = chars[i]
      if c == "`" {
        quoted.toggle()
        i += 1
        continue
      }
      let startsNumber =
        c.isASCII && c.isNumber && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_"))
      if quoted || !startsNumber || (i > 0 && (chars[i - 1].isNumber || chars[i - 1] == ".")) {
        i += 1
        continue
      }
      var j = i
      while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
      guard j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber
      else {
        i = j
        continue
      }
      j += 1
      let fractionStart = j
      while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
      var exponent = 0
      var end = j
      if j + 1 < chars.count, chars[j] == "e" || chars[j] == "E" {
        var k = j + 1
        var sign = 1
        if chars[k] == "-" || chars[k] == "−" {
          sign = -1
          k += 1
        } else if chars[k] == "+" {
          k += 1
        }
        let digitsStart = k
        while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
        if k > digitsStart, let e = Int(String(chars[digitsStart..<k])) {
          exponent = sign * e
          end = k
        }
      } else if j + 3 < chars.count, chars[j] == "·" || chars[j] == "×", chars[j + 1] == "1",
        chars[j + 2] == "0"
      {
        // 1.5·10⁻⁷, as prose writes powers of ten.
        let superscripts: [Character: Int] = [
          "⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9,
        ]
        var k = j + 3
        var sign = 1
        if chars[k] == "⁻" {
          sign = -1
          k += 1
        }
        var e = 0
        let digitsStart = k
        while k < chars.count, let d = superscripts[chars[k]] {
          e = e * 10 + d
          k += 1
        }
        if k > digitsStart {
          exponent = sign * e
          end = k
        }
      }
      let mantissa = String(chars[i..<j])
      let decimals = j - fractionStart
      if let m = Double(mantissa) {
        let scale = pow(10.0, Double(exponent))
        result.append(
          Quoted(
            text: String(chars[i..<end]), value: m * scale,
            halfUnit: 0.5 * pow(10.0, Double(-decimals)) * scale, column: i + 1))
      }
      i = end
    }
    return result
  }

  /// Records a value the lesson asserts, answers, or the engine computed.
  mutating func learn(_ value: Double) {
    guard value.isFinite else { return }
    let v = abs(value)
    if seen.insert(v).inserted { known.append(v) }
  }

  /// Records the numbers of lines the engine printed.
  mutating func learn(printed line: String) {
    for q in Self.numbers(in: line.replacing("`", with: "")) { learn(q.value) }
  }

  /// Records every quantity the session holds now: parameters, samples, η, and the values of
  /// this pass (the values table), E and mean_E.
  mutating func learn(_ session: Session) {
    let table = ValuesTable(session: session)
    for r in table.neurons {
      for v in [r.net, r.output, r.derivative, r.outputGradient, r.delta] {
        if let v { learn(v) }
      }
    }
    for r in table.weights {
      learn(r.value)
      for v in [r.gradient, r.meanGradient, r.change] {
        if let v { learn(v) }
      }
    }
    if let e = table.error { learn(e) }
    let t = session.trainer
    learn(t.learningRate)
    for s in t.samples {
      s.inputs.forEach { learn($0) }
      s.targets.forEach { learn($0) }
    }
    if !t.samples.isEmpty { learn(t.network.meanError(on: t.samples)) }
    if let last = t.losses.last { learn(last) }
  }

  /// Records the values the lesson's own text commits to: assertions and numeric answers.
  mutating func learn(_ lesson: Lesson) {
    for page in lesson.pages {
      for item in page.items {
        switch item {
        case .assertion(let a): learn(a.expected)
        case .question(let q):
          if case .number(let answer) = q.kind, let v = answer.value { learn(v) }
        case .prose, .command: break
        }
      }
    }
  }

  /// Whether a quoted number matches a known value to its printed precision.
  func matches(_ q: Quoted) -> Bool {
    let slack = q.halfUnit * (1 + 1e-9) + 1e-15
    return known.contains { abs($0 - abs(q.value)) <= slack }
  }

  /// The diagnostics for every prose number of `lesson` that matches nothing.
  public func diagnostics(for lesson: Lesson) -> [LessonDiagnostic] {
    var result: [LessonDiagnostic] = []
    for page in lesson.pages {
      for item in page.items {
        guard case .prose(let prose) = item else { continue }
        for q in Self.numbers(in: prose.text)
        where !matches(q) && !lesson.illustrative.contains(q.text) {
          result.append(
            LessonDiagnostic(
              file: lesson.file, line: prose.line, column: 1,
              message:
                "the prose quotes \(q.text), which matches no asserted, answered or computed value to its last digit (expected an @assert for it, or `@illustrative \(q.text)` if it only illustrates)"
            ))
        }
      }
    }
    return result
  }
}
