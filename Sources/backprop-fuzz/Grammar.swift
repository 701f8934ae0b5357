import BackpropCommands
import Foundation

/// What a command line, a lesson, a network file or a progress file is made of, for
/// generating inputs that get past the first check and into the code behind it.
enum Grammar {
  static let quantities = [
    "w_35", "w_13", "w35", "w_3,5", "b_3", "net_3", "o_5", "δ_5", "delta_5", "d5", "φ'_5",
    "∂E/∂w_35", "dE/dw_35", "grad_35", "Δw_35", "dw_35", "x_1", "x_2", "t_5", "E", "mean_E", "eta",
    "η", "epoch", "digits", "x", "t", "w_99", "o_0", "w_３５", "x_٣",
  ]
  static let numbers = [
    "0", "1", "-1", "0.5", ".5", "−0.25", "1e-3", "3", "17", "2", "1e300", "-1e19", "nan", "inf",
    "-inf", "9223372036854775807", "1e308", "-1e308", "0x10", "1_000", "5e-324",
    "100000000", "41666666", "1000000", "250000", "100_000_000",
  ]
  static let words = [
    "mazur", "xor", "linear", "linear2", "online", "batch", "early", "seed=3", "logistic", "tanh",
    "relu", "softmax", "cross-entropy", "half-squared", "->", "on", "off", "frozen", "net.json",
    "add", "clear", "1", "2", "3", "network", "values", "plot", "surface", "all", "2-2-2", "2-3-1",
    "3x4", "-",
    // Larger shapes and data sets, up to `Fuzzer.largestNetwork` and `largestDataSet` and past
    // them (those lines are left out), and what shows them.
    "2-16-16-1", "2-40-2", "3-30-30-3", "2-64-64-1", "2-100-100-1", "16-16-16-16", "784-10",
    "1-1", "spiral", "circle", "gaussian", "xor-noise", "n=300", "n=2000", "n=5000", "n=20000",
    "noise=0.1", "split", "0.2", "matrix", "boundary", "loss", "parabola", "gradcheck",
  ]

  /// A command line: a command (now and then an unknown word) and a few arguments.
  static func commandLine(_ m: inout Mutator) -> String {
    var parts: [String] = []
    parts.append(m.chance(95) ? m.pick(Command.allCases).rawValue : m.pick(words))
    for _ in 0..<m.below(4) {
      switch m.below(3) {
      case 0: parts.append(m.pick(quantities))
      case 1: parts.append(m.pick(numbers))
      default: parts.append(m.pick(words))
      }
    }
    let line = parts.joined(separator: " ")
    return m.chance(30) ? m.mutate(line) : line
  }

  static let lessonLines = [
    "@title A", "@section Derivation", "", "Some prose about δ_5.", "> example mazur",
    "> forward", "> step 3", "> save out/x.json", "> save net.json", "> load net.json",
    "> save ../x.json", "@assert w_35 = 0.4 ± 1e-9", "@assert w_３５ = 1", "@pause",
    "? What is net_3?", "= 0.3775 ± 0.001", "@assert E = 0.298371109 ± 1e-6", "> set digits 1e300",
    "@question", "@end", "> train 3", "> get w_٣٥",
  ]

  /// A lesson: a title and section, then lines from the grammar and from `corpus`, mutated.
  static func lesson(_ m: inout Mutator, corpus: [String]) -> String {
    var lines = ["@title Fuzz", "@section Derivation", ""]
    for _ in 0..<(1 + m.below(12)) {
      var line = m.chance(50) || corpus.isEmpty ? m.pick(lessonLines) : m.pick(corpus)
      if m.chance(20) { line = m.mutate(line) }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
