import BackpropEngine
import Foundation
import Testing

@testable import BackpropCommands

/// `save` then `load` must give back the same network bit for bit, with its samples, η and
/// mode; bad files must fail clearly and change nothing; a confined session must stay inside its
/// directory.
@Suite struct SaveLoadTests {
  /// Set-ups covering every bias mode, several activations and losses, and trained weights whose
  /// decimal expansions are long.
  static let setups: [[String]] = [
    ["example mazur", "update"],
    ["example xor", "train 37", "mode batch", "set eta 0.25"],
    ["example linear2", "set w_13 -0.1234567890123456789", "set w_23 1e-300"],
    [
      "network 3-4-3 tanh,softmax loss=cross-entropy bias=on seed=5",
      "sample add 0.5 -1 2 -> 0 1 0", "sample add 1 1 1 -> 1 0 0", "train 3",
    ],
    ["network 2-3-2-1 relu,swish,logistic loss=bce bias=off seed=12", "data or", "train 2"],
  ]

  @Test(arguments: setups)
  func saveThenLoadGivesTheSameNetworkBitForBit(_ setup: [String]) throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var session = Session.startingOnLinear()
    session.run(setup)
    let saved = session.trainer
    let path = dir + "/net.json"
    session.run("save \(path)")

    session.run("example mazur")
    session.run("set w_35 9")
    session.run("load \(path)")
    let loaded = session.trainer

    #expect(loaded.network == saved.network)
    #expect(loaded.network.weights.map(\.bitPattern) == saved.network.weights.map(\.bitPattern))
    #expect(loaded.network.biases.map(\.bitPattern) == saved.network.biases.map(\.bitPattern))
    #expect(loaded.samples == saved.samples)
    #expect(loaded.learningRate.bitPattern == saved.learningRate.bitPattern)
    #expect(loaded.mode == saved.mode)
    // The whole state is a fresh start on that network.
    let fresh = Trainer(
      network: saved.network, samples: saved.samples, learningRate: saved.learningRate,
      mode: saved.mode)
    #expect(loaded == fresh)

    // `load` is one undo step.
    session.run("undo")
    #expect(session.trainer.network[.weight(from: 3, to: 5)] == 9)
  }

  @Test func quotedPathsWithSpacesWork() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var session = Session()
    session.run("save \"\(dir)/my net.json\"")
    #expect(FileManager.default.fileExists(atPath: dir + "/my net.json"))
    session.run("load '\(dir)/my net.json'")
  }

  // MARK: - Bad files

  /// A valid file for Mazur's example, as a JSON object to spoil.
  static func mazurFileObject() throws -> [String: Any] {
    let data = NetworkFile(trainer: Example.mazur.trainer()).encoded()
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func write(_ object: [String: Any], to path: String) throws {
    let data = try JSONSerialization.data(withJSONObject: object)
    try data.write(to: URL(fileURLWithPath: path))
  }

  enum Spoiled: String, CaseIterable, Sendable {
    case notJSON, truncated, wrongFormat, futureVersion, missingEta, weightsWrongShape
    case biasesWrongShape, unknownActivation, sampleWrongSize, negativeEta, stringForNumber
  }

  static func spoil(_ kind: Spoiled, path: String) throws -> String {
    var o = try mazurFileObject()
    switch kind {
    case .notJSON:
      try Data("{ this is not json".utf8).write(to: URL(fileURLWithPath: path))
      return "not valid JSON"
    case .truncated:
      let full = NetworkFile(trainer: Example.mazur.trainer()).encoded()
      try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: path))
      return "not valid JSON"
    case .wrongFormat:
      o["format"] = "keras-model"
      try write(o, to: path)
      return "`format` is \"keras-model\", expected \"backprop-network\""
    case .futureVersion:
      o["version"] = 99
      try write(o, to: path)
      return "version 99 is not supported"
    case .missingEta:
      o["eta"] = nil
      try write(o, to: path)
      return "missing field `eta`"
    case .weightsWrongShape:
      o["weights"] = [[[0.15, 0.2]], [[0.4, 0.45], [0.5, 0.55]]]
      try write(o, to: path)
      return "`weights[0]` must be 2 rows of 2 numbers"
    case .biasesWrongShape:
      o["biases"] = [[0.35], [0.6, 0.6]]
      try write(o, to: path)
      return "`biases[0]` must have 2 numbers"
    case .unknownActivation:
      o["activations"] = ["logistic", "sigmoidish"]
      try write(o, to: path)
      return "unknown activation \"sigmoidish\""
    case .sampleWrongSize:
      o["samples"] = [["inputs": [0.05], "targets": [0.01, 0.99]]]
      try write(o, to: path)
      return "sample 1 needs 2 inputs and 2 targets"
    case .negativeEta:
      o["eta"] = -0.5
      try write(o, to: path)
      return "`eta` must be a finite number ≥ 0"
    case .stringForNumber:
      o["eta"] = "fast"
      try write(o, to: path)
      return "wrong type at `eta`"
    }
  }

  @Test(arguments: Spoiled.allCases)
  func aBadFileFailsClearlyAndChangesNothing(_ kind: Spoiled) throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/bad.json"
    let expected = try Self.spoil(kind, path: path)

    var session = Session.startingOnLinear()
    session.run(["example xor", "step 3"])
    let before = SessionSnapshot(session)
    let error = session.fail("load \(path)")
    #expect(SessionSnapshot(session) == before)
    #expect(error?.column == 6)
    #expect(error?.message.contains(expected) == true, "\(String(describing: error?.message))")
  }

  // MARK: - Confinement

  @Test(arguments: [
    "../escape.json", "sub/../../escape.json", "/tmp/escape.json", "~/escape.json", "..",
    "a/../../b.json",
  ])
  func aConfinedSessionRefusesPathsOutsideItsDirectory(_ name: String) throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var session = Session()
    session.fileAccess = .confined(to: dir)
    let before = SessionSnapshot(session)
    for command in ["save", "load"] {
      let error = session.fail("\(command) \(name)")
      #expect(error?.message.contains("not allowed") == true, "\(command) \(name)")
      #expect(error?.column == command.count + 2)
    }
    #expect(SessionSnapshot(session) == before)
  }

  @Test func aConfinedSessionWritesAndReadsPlainNamesInItsDirectory() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
    var session = Session()
    session.fileAccess = .confined(to: dir)
    session.run("update")
    let saved = session.trainer.network
    session.run("save net.json")
    session.run("save sub/copy.json")
    #expect(FileManager.default.fileExists(atPath: dir + "/net.json"))
    #expect(FileManager.default.fileExists(atPath: dir + "/sub/copy.json"))
    session.run("example xor")
    session.run("load net.json")
    #expect(session.trainer.network == saved)
    session.run("example xor")
    session.run("load sub/copy.json")
    #expect(session.trainer.network == saved)
  }

  /// A diverged network has ∞ or NaN weights, which JSON cannot hold: the file writes them as
  /// strings, so a diverged network can still be saved and looked at, but loading one is refused
  /// naming the field, by the same rule as `set` (issue 10, #12).
  @Test func nonFiniteWeightsSaveButAreRefusedOnLoad() throws {
    var session = Session()
    #expect(session.fail("set w_35 inf") != nil)  // typed weights must be finite
    var t = Example.linear.trainer()
    t.setParameter(.weight(from: 1, to: 3), to: .infinity)
    t.setParameter(.weight(from: 2, to: 3), to: .nan)
    let text = String(decoding: NetworkFile(trainer: t).encoded(), as: UTF8.self)
    #expect(text.contains("\"Infinity\"") && text.contains("\"NaN\""))
    #expect(throws: FileFormatError("`weights[0][0][0]` must be a finite number, not inf")) {
      _ = try NetworkFile.decode(Data(text.utf8)).trainer()
    }
  }

}

/// The test set of `data split` travels in the network file (`test`), bit for bit.
@Suite struct SaveLoadTestSetTests {
  @Test func theTestSetSurvivesSaveAndLoad() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var session = Session.startingOnLinear()
    session.run(["example xor", "data circle n=40 noise=0.1 seed=3", "data split 0.25", "train 3"])
    let saved = session.trainer
    #expect(saved.testSamples.count == 10)
    let path = dir + "/split.json"
    session.run("save \(path)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        as? [String: Any])
    #expect((object["test"] as? [Any])?.count == 10)

    session.run("example mazur")
    #expect(session.trainer.testSamples.isEmpty)
    session.run("load \(path)")
    let loaded = session.trainer
    #expect(loaded.samples == saved.samples)
    #expect(loaded.testSamples == saved.testSamples)
    let bits = { (s: [Sample]) in s.flatMap { $0.inputs + $0.targets }.map(\.bitPattern) }
    #expect(bits(loaded.testSamples) == bits(saved.testSamples))
    // The test E goes on from the same weights over the same held-out samples.
    let testError = try #require(loaded.testError)
    #expect(testError.bitPattern == saved.testError?.bitPattern)
  }

  /// A file without a split writes no `test` field, and loading it drops a split in memory.
  @Test func aFileWithoutATestSetLoadsWithoutOne() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var session = Session.startingOnLinear()
    session.run("example xor")
    let path = dir + "/plain.json"
    session.run("save \(path)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!text.contains("\"test\""))
    session.run(["data circle n=20 seed=1", "data split 0.5"])
    #expect(!session.trainer.testSamples.isEmpty)
    session.run("load \(path)")
    #expect(session.trainer.testSamples.isEmpty)
  }

  /// A test sample of the wrong size is refused by name, and nothing changes.
  @Test func aTestSampleOfTheWrongSizeIsRefused() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var object = try SaveLoadTests.mazurFileObject()
    object["test"] = [["inputs": [1.0], "targets": [0.0, 1.0]]]
    let path = dir + "/bad.json"
    try SaveLoadTests.write(object, to: path)
    var session = Session.startingOnLinear()
    let before = session.trainer
    let error = session.fail("load \(path)")
    #expect(error?.message.contains("test sample 1 needs 2 inputs and 2 targets") == true)
    #expect(session.trainer == before)
  }
}
