import BackpropEngine
import FoundationEssentials

/// The JSON file `save` writes and `load` reads (documented in docs/network-file.md).
///
/// Weights are stored per layer as rows (one row per neuron j, one entry per input neuron i), so
/// the file can be read and edited by hand; numbers are written with enough digits to come back
/// bit-identical.
public struct NetworkFile: Codable, Equatable, Sendable {
  public static let formatName = "backprop-network"
  public static let currentVersion = 1

  public var format: String
  public var version: Int
  public var layers: [Int]
  /// One per layer after the inputs.
  public var activations: [String]
  public var loss: String
  public var bias: String
  /// weights[l − 1][j][i]: the weight into the j-th neuron of layer l from the i-th of layer l − 1.
  public var weights: [[[Double]]]
  /// biases[l − 1][j]: b of the j-th neuron of layer l.
  public var biases: [[Double]]
  public var eta: Double
  public var mode: String
  public var samples: [Sample]
  /// The test set `data split` holds out, absent when there is none (files written before the
  /// field existed read back without a test set).
  public var test: [Sample]?

  public init(trainer: Trainer) {
    let net = trainer.network
    let shape = net.shape
    format = Self.formatName
    version = Self.currentVersion
    layers = shape.layerSizes
    activations = net.activations.dropFirst().map(\.rawValue)
    loss = net.loss.rawValue
    bias = net.biasMode.rawValue
    var w: [[[Double]]] = []
    var b: [[Double]] = []
    for l in 1..<shape.layerCount {
      w.append(
        shape.neurons(inLayer: l).map { j in
          shape.neurons(inLayer: l - 1).map { i in net[.weight(from: i, to: j)] }
        })
      b.append(shape.neurons(inLayer: l).map { net.biases[$0 - 1] })
    }
    weights = w
    biases = b
    eta = trainer.learningRate
    mode = trainer.mode.rawValue
    samples = trainer.samples
    test = trainer.testSamples.isEmpty ? nil : trainer.testSamples
  }

  /// Builds the trainer this file describes, or says what is wrong with it.
  public func trainer() throws(FileFormatError) -> Trainer {
    guard format == Self.formatName else {
      throw .init("`format` is \"\(format)\", expected \"\(Self.formatName)\"")
    }
    guard version == Self.currentVersion else {
      throw .init(
        "version \(version) is not supported (this backprop reads version \(Self.currentVersion))")
    }
    let shape: NetworkShape
    do { shape = try NetworkShape(layerSizes: layers) } catch {
      throw .init("`layers`: \(error.description)")
    }
    var acts: [Activation] = []
    for a in activations {
      guard let v = Activation.named(a) else { throw .init("unknown activation \"\(a)\"") }
      acts.append(v)
    }
    guard let lossValue = Loss.named(loss) else { throw .init("unknown loss \"\(loss)\"") }
    guard let biasMode = BiasMode(rawValue: bias) else {
      throw .init("`bias` must be on, off or frozen, not \"\(bias)\"")
    }
    guard let m = TrainingMode(rawValue: mode) else {
      throw .init("`mode` must be online, batch or early, not \"\(mode)\"")
    }
    var net: Network
    do {
      net = try Network(shape: shape, activations: acts, loss: lossValue, biasMode: biasMode)
    } catch {
      throw .init(error.description)
    }
    guard weights.count == shape.layerCount - 1, biases.count == shape.layerCount - 1 else {
      throw .init(
        "`weights` and `biases` need one entry per layer after the inputs (\(shape.layerCount - 1))"
      )
    }
    for l in 1..<shape.layerCount {
      let rows = weights[l - 1]
      guard rows.count == shape.layerSizes[l],
        rows.allSatisfy({ $0.count == shape.layerSizes[l - 1] })
      else {
        throw .init(
          "`weights[\(l - 1)]` must be \(shape.layerSizes[l]) rows of \(shape.layerSizes[l - 1]) numbers"
        )
      }
      guard biases[l - 1].count == shape.layerSizes[l] else {
        throw .init("`biases[\(l - 1)]` must have \(shape.layerSizes[l]) numbers")
      }
      for (jj, j) in shape.neurons(inLayer: l).enumerated() {
        for (ii, i) in shape.neurons(inLayer: l - 1).enumerated() {
          net[.weight(from: i, to: j)] = rows[jj][ii]
        }
        net.biases[j - 1] = biasMode == .off ? 0 : biases[l - 1][jj]
      }
    }
    for (k, s) in samples.enumerated()
    where s.inputs.count != shape.inputCount || s.targets.count != shape.outputCount {
      throw .init(
        "sample \(k + 1) needs \(shape.inputCount) inputs and \(shape.outputCount) targets")
    }
    for (k, s) in (test ?? []).enumerated()
    where s.inputs.count != shape.inputCount || s.targets.count != shape.outputCount {
      throw .init(
        "test sample \(k + 1) needs \(shape.inputCount) inputs and \(shape.outputCount) targets")
    }
    guard eta.isFinite, eta >= 0 else { throw .init("`eta` must be a finite number ≥ 0") }
    try requireFinite()
    var trainer = Trainer(network: net, samples: samples, learningRate: eta, mode: m)
    if let test, !test.isEmpty { trainer.replaceSamples(samples, test: test) }
    return trainer
  }

  /// One rule for every value, as for `set`: the file may spell NaN and ±∞ (so that a diverged
  /// network can be saved and looked at), but loading one is refused, naming the field.
  func requireFinite() throws(FileFormatError) {
    func check(_ values: [Double], _ field: String) throws(FileFormatError) {
      if let k = values.firstIndex(where: { !$0.isFinite }) {
        throw .init("`\(field)[\(k)]` must be a finite number, not \(values[k])")
      }
    }
    for (l, rows) in weights.enumerated() {
      for (r, row) in rows.enumerated() { try check(row, "weights[\(l)][\(r)]") }
    }
    for (l, row) in biases.enumerated() { try check(row, "biases[\(l)]") }
    for (k, sample) in samples.enumerated() {
      try check(sample.inputs, "samples[\(k)].inputs")
      try check(sample.targets, "samples[\(k)].targets")
    }
    for (k, sample) in (test ?? []).enumerated() {
      try check(sample.inputs, "test[\(k)].inputs")
      try check(sample.targets, "test[\(k)].targets")
    }
  }

  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return (try? encoder.encode(self)) ?? Data()
  }

  public static func decode(_ data: Data) throws(FileFormatError) -> NetworkFile {
    do {
      let decoder = JSONDecoder()
      decoder.nonConformingFloatDecodingStrategy = .convertFromString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
      return try decoder.decode(NetworkFile.self, from: data)
    } catch let DecodingError.keyNotFound(key, _) {
      throw .init("missing field `\(key.stringValue)`")
    } catch let DecodingError.typeMismatch(_, context) {
      throw .init(
        "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
      )
    } catch DecodingError.dataCorrupted where numberProblem(in: data) != nil {
      throw .init(numberProblem(in: data)!)
    } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
      // Valid JSON holding a value of the wrong kind (`layers` 2.5, a number out of range).
      throw .init(
        "`\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
      )
    } catch let DecodingError.dataCorrupted(context) {
      throw .init(
        "not valid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)"
      )
    } catch {
      throw .init("could not read it: \(error)")
    }
  }
}

extension NetworkFile {
  /// Fields that hold whole numbers.
  static let wholeNumberFields: Set<String> = ["layers", "version"]

  /// Valid JSON with a number the decoder cannot take (`1e999`, `layers` 2.5) is reported by
  /// Foundation as "not valid JSON"; this finds the number and the field it belongs to.
  static func numberProblem(in data: Data) -> String? {
    let text = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
    var k = 0
    var lastString = ""
    var key = ""
    while k < text.count {
      let c = text[k]
      if c == "\"" {
        var s = ""
        k += 1
        while k < text.count, text[k] != "\"" {
          if text[k] == "\\" { k += 1 }
          if k < text.count { s.unicodeScalars.append(text[k]) }
          k += 1
        }
        lastString = s
        k += 1
      } else if c == ":" {
        key = lastString
        k += 1
      } else if c == "-" || ("0"..."9").contains(c) {
        var number = ""
        while k < text.count, "+-0123456789.eE".unicodeScalars.contains(text[k]) {
          number.unicodeScalars.append(text[k])
          k += 1
        }
        if let v = Double(number), !v.isFinite {
          return "`\(key)`: \(number) is out of range for a number"
        }
        if wholeNumberFields.contains(key), number.contains(where: { ".eE".contains($0) }) {
          return "`\(key)`: \(number) is not a whole number"
        }
      } else {
        k += 1
      }
    }
    return nil
  }
}

public struct FileFormatError: Error, Equatable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
