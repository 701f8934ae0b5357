import BackpropEngine
import FoundationEssentials

/// `data` beyond the built-in tables: generated 2-D sets, a held-out test set, and CSV files.
extension Context {
  /// `data circle|spiral|gaussian|xor-noise [n=N] [noise=X] [seed=S]`.
  mutating func generateData(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    let t = try args.require("a dataset name")
    let set = GeneratedDataset(rawValue: t.text.lowercased())!
    var count = 200
    var noise = 0.0
    var seed: UInt64 = 1
    while let option = args.next() {
      let parts = option.text.split(separator: "=", maxSplits: 1).map(String.init)
      let value = Token(
        parts.count == 2 ? parts[1] : "", column: option.column + parts[0].count + 1)
      switch parts.count == 2 ? parts[0].lowercased() : "" {
      case "n": count = try Arguments.integer(value, "a number of samples", in: 2...10_000)
      case "noise":
        noise = try Arguments.number(value, "a noise level from 0 to 1")
        guard (0...1).contains(noise) else {
          throw CommandError(
            column: value.column, message: "noise \(value.text) is out of range",
            expected: "a noise level from 0 to 1")
        }
      case "seed":
        seed = try Arguments.seed(value)
      default:
        throw CommandError(
          column: option.column, message: "unexpected `\(option.text)`",
          expected: "n=N, noise=X or seed=S; usage: \(usage)")
      }
    }
    let shape = trainer.network.shape
    guard shape.inputCount == 2, (1...2).contains(shape.outputCount) else {
      throw CommandError(
        column: t.column,
        message:
          "\(set.rawValue) has 2 inputs and 1 or 2 outputs, the network \(shape.description) has \(shape.inputCount) and \(shape.outputCount)",
        expected: "a network that fits, e.g. `network 2-8-1 tanh,logistic`")
    }
    let samples = set.samples(count: count, noise: noise, seed: seed, outputs: shape.outputCount)
    trainer.replaceSamples(samples, test: [])
    return CommandOutput(lines: [
      "\(counted(count, "sample")) from \(set.rawValue) (noise \(n(noise)), seed \(seed)): \(set.summary)"
    ])
  }

  /// `data split FRACTION [seed=S]`: a seeded shuffle of every sample (training and test), then
  /// the first ⌊FRACTION·n + ½⌋ are held out. `data split 0` puts the test samples back.
  mutating func splitData(_ args: inout Arguments, usage: String) throws(CommandError)
    -> CommandOutput
  {
    _ = args.next()
    let t = try args.require("a test fraction from 0 to 0.9")
    let fraction = try Arguments.number(t, "a test fraction from 0 to 0.9")
    guard (0...0.9).contains(fraction) else {
      throw CommandError(
        column: t.column, message: "\(t.text) is out of range",
        expected: "a test fraction from 0 to 0.9")
    }
    var seed: UInt64 = 1
    if let option = args.peek, option.text.lowercased().hasPrefix("seed=") {
      _ = args.next()
      let value = Token(String(option.text.dropFirst(5)), column: option.column + 5)
      seed = try Arguments.seed(value)
    }
    try args.finish(usage)
    let all = trainer.samples + trainer.testSamples
    if fraction == 0 {
      trainer.replaceSamples(all, test: [])
      return CommandOutput(lines: [
        "no test set: \(all.count == 1 ? "the 1 sample trains" : "all \(all.count) samples train")"
      ])
    }
    let held = Int((fraction * Double(all.count)).rounded())
    guard held >= 1, held < all.count else {
      throw CommandError(
        column: t.column,
        message:
          "\(t.text) of \(all.count) sample\(all.count == 1 ? "" : "s") leaves \(held == 0 ? "no test" : "no training") sample",
        expected: "more samples, or another fraction")
    }
    var shuffled = all
    var random = SplitMix64(seed: seed)
    for k in stride(from: shuffled.count - 1, through: 1, by: -1) {
      shuffled.swapAt(k, Int(random.next() % UInt64(k + 1)))
    }
    trainer.replaceSamples(Array(shuffled[held...]), test: Array(shuffled[..<held]))
    let test = trainer.testError ?? .nan
    return CommandOutput(
      lines: [
        "\(counted(all.count - held, "training sample")), \(held) held out as a test set (seed \(seed)); test E \(n(test))"
      ], data: [("training", .number(Double(all.count - held))), ("test", .number(Double(held)))])
  }

  /// `data load FILE.csv [inputs=COLS] [targets=COLS]`: asks for the file; `adoptCSV` finishes.
  func loadData(_ args: inout Arguments, usage: String) throws(CommandError) -> CommandOutput {
    _ = args.next()
    let t = try args.require("a CSV file name")
    var inputs: Token?
    var targets: Token?
    while let option = args.next() {
      let lower = option.text.lowercased()
      if lower.hasPrefix("inputs=") {
        inputs = Token(String(option.text.dropFirst(7)), column: option.column + 7)
      } else if lower.hasPrefix("targets=") {
        targets = Token(String(option.text.dropFirst(8)), column: option.column + 8)
      } else {
        throw CommandError(
          column: option.column, message: "unexpected `\(option.text)`",
          expected: "inputs=COLS or targets=COLS; usage: \(usage)")
      }
    }
    let (path, folder) = try resolve(t)
    var output = CommandOutput()
    output.file = FileRequest(
      operation: .read(path: path, confinedTo: folder),
      command: .loadData(inputs: inputs, targets: targets), name: t.text, column: t.column)
    return output
  }

  /// The second half of `data load`: the CSV parsed, checked against the network, adopted.
  mutating func adoptCSV(_ data: Data, from request: FileRequest, inputs: Token?, targets: Token?)
    throws(CommandError) -> CommandOutput
  {
    let name = request.name
    func fail(_ line: Int, _ column: Int, _ message: String, expected: String? = nil)
      -> CommandError
    {
      let place = line > 0 ? "\(name):\(line):\(column): " : "\(name): "
      return CommandError(column: request.column, message: place + message, expected: expected)
    }
    let table: CSVTable
    do {
      table = try CSVTable.parse(data)
    } catch {
      throw fail(error.line, error.column, error.message)
    }
    let shape = trainer.network.shape
    let width = table.header.count
    let inputColumns = try columns(
      inputs, in: table, default: Array(0..<min(shape.inputCount, width)))
    let rest = (0..<width).filter { !inputColumns.contains($0) }
    let targetColumns = try columns(
      targets, in: table, default: Array(rest.prefix(shape.outputCount)))
    guard inputColumns.count == shape.inputCount, targetColumns.count == shape.outputCount else {
      throw fail(
        table.headerLine, 1,
        "the file gives \(inputColumns.count) input\(inputColumns.count == 1 ? "" : "s") and \(targetColumns.count) target\(targetColumns.count == 1 ? "" : "s") (header: \(table.header.joined(separator: ", "))), the network \(shape.description) needs \(shape.inputCount) and \(shape.outputCount)",
        expected: "inputs=COLS targets=COLS naming the columns, or a network that fits")
    }
    guard !table.records.isEmpty else {
      throw fail(table.headerLine, 1, "the file has a header but no data rows")
    }
    var samples: [Sample] = []
    samples.reserveCapacity(table.records.count)
    for record in table.records {
      guard record.fields.count == width else {
        throw fail(
          record.line, min(record.fields.count, width + 1),
          "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header has \(width)"
        )
      }
      func value(_ c: Int) throws(CommandError) -> Double {
        let text = record.fields[c].trimmed()
        guard let v = NumberParser.parse(text), v.isFinite else {
          throw fail(
            record.line, c + 1, "\"\(text)\" is not a number",
            expected: "a finite number such as 0.5 or -1e-3")
        }
        return v
      }
      var x: [Double] = []
      var y: [Double] = []
      for c in inputColumns { x.append(try value(c)) }
      for c in targetColumns { y.append(try value(c)) }
      samples.append(Sample(inputs: x, targets: y))
    }
    trainer.replaceSamples(samples, test: [])
    return CommandOutput(lines: [
      "\(counted(samples.count, "sample")) from \(name): inputs \(inputColumns.map { table.header[$0] }.joined(separator: ", ")), targets \(targetColumns.map { table.header[$0] }.joined(separator: ", "))"
    ])
  }

  /// The 0-based columns a list like `x1,x2` or `1,2` names (names from the header, or 1-based
  /// numbers), or `fallback` when no list was given.
  private func columns(_ list: Token?, in table: CSVTable, default fallback: [Int])
    throws(CommandError) -> [Int]
  {
    guard let list else { return fallback }
    var result: [Int] = []
    var column = list.column
    for part in list.text.split(separator: ",", omittingEmptySubsequences: false) {
      let word = String(part)
      if let k = table.header.firstIndex(of: word) {
        result.append(k)
      } else if let k = Int(word), (1...table.header.count).contains(k) {
        result.append(k - 1)
      } else {
        throw CommandError(
          column: column, message: "`\(word)` is not a column of the file",
          expected:
            "a header name (\(table.header.joined(separator: ", "))) or a number 1–\(table.header.count)"
        )
      }
      column += word.count + 1
    }
    return result
  }
}
