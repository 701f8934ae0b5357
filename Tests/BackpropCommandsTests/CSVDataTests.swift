import BackpropEngine
import Foundation
import Testing

@testable import BackpropCommands

/// CSV in (`data load`) and out (`export`), `data split`, and the generators through commands.
@Suite struct CSVDataTests {
  func table(_ text: String) throws -> CSVTable { try CSVTable.parse(Data(text.utf8)) }

  func failure(_ data: Data) -> CSVTable.Failure? {
    do {
      _ = try CSVTable.parse(data)
      Issue.record("parsed")
      return nil
    } catch { return error }
  }

  @Test func readsQuotesSemicolonsCommentsAndLineBreaks() throws {
    let t = try table(
      "\u{FEFF}# a comment\r\n\"x;1\";x2;\"the \"\"target\"\"\"\r\n\n1;2;3\r\n# again\n\"4\";5;\"six\nlines\"\n"
    )
    #expect(t.separator == ";")
    #expect(t.header == ["x;1", "x2", "the \"target\""])
    #expect(t.headerLine == 2)
    #expect(t.records.map(\.line) == [4, 6])
    #expect(t.records.map(\.fields) == [["1", "2", "3"], ["4", "5", "six\nlines"]])
  }

  @Test func malformedFilesSayWhere() {
    #expect(failure(Data())?.message.contains("no header") == true)
    #expect(failure(Data("# only a comment\n\n".utf8))?.message.contains("no header") == true)
    let open = failure(Data("a,b\n1,2\n3,\"4\n5\n".utf8))
    #expect(open?.line == 3 && open?.message == "a quoted field is never closed")
    let stray = failure(Data("a,b\n1,x\"y\n".utf8))
    #expect(stray?.line == 2 && stray?.column == 2)
    var bytes = Array("a,b\n1,2\n3,".utf8)
    bytes += [0xFF, 0x34]
    let utf8 = failure(Data(bytes))
    #expect(utf8?.line == 3 && utf8?.column == 3)
    #expect(utf8?.message.contains("UTF-8") == true)
    let huge = failure(Data(count: CSVTable.byteLimit + 1))
    #expect(huge?.message.contains("more than the limit") == true)
  }

  func withFile(_ text: String, _ body: (String) throws -> Void) throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/d.csv"))
    try body(dir + "/d.csv")
  }

  @Test func loadsColumnsByNameOrNumber() throws {
    try withFile("t,a,b\n1,0.5,-1e-3\n0,2,3\n") { path in
      var s = Session()
      s.run("network 2-2-1 seed=1")
      s.run("data load \(path) inputs=a,3 targets=t")
      #expect(
        s.trainer.samples == [
          Sample(inputs: [0.5, -0.001], targets: [1]), Sample(inputs: [2, 3], targets: [0]),
        ])
      // By default the first columns are the inputs.
      s.run("data load \(path)")
      #expect(s.trainer.samples[0] == Sample(inputs: [1, 0.5], targets: [-0.001]))
    }
  }

  @Test(arguments: [
    ("x1,x2,t\n1,2,3\n1,2\n", "d.csv:3:2: this row has 2 fields, the header has 3"),
    (
      "x1,x2,t\n" + String(repeating: "1,2,3\n", count: 15) + "1,2,abc\n",
      "d.csv:17:3: \"abc\" is not a number"
    ),
    ("x1,x2,t\n1,nan,1\n", "d.csv:2:2: \"nan\" is not a number"),
    ("x1,x2\n1,2\n", "d.csv:1:1: the file gives 2 inputs and 0 targets"),
    ("x1,x2,t\n", "d.csv:1:1: the file has a header but no data rows"),
    ("", "d.csv: the file has no header row and no data"),
  ])
  func badFilesFailWithFileLineColumnAndChangeNothing(_ text: String, _ message: String) throws {
    try withFile(text) { path in
      var s = Session()
      s.run("network 2-2-1 seed=1")
      s.run("data xor")
      let before = s.trainer
      let error = s.fail("data load \(path)")
      let shown = error?.message.replacingOccurrences(
        of: (path as NSString).deletingLastPathComponent + "/", with: "")
      #expect(shown?.hasPrefix(message) == true, "\(shown ?? "nil")")
      #expect(s.trainer == before)
    }
  }

  @Test func aLessonLoadsDataOnlyBesideIt() {
    var s = Session()
    s.fileAccess = .confined(to: "/tmp/lesson")
    #expect(s.fail("data load ../d.csv")?.message.contains("beside it") == true)
    #expect(s.fail("data load /etc/d.csv")?.message.contains("beside it") == true)
  }

  func parsedExport(_ s: inout Session, _ what: String) throws -> CSVTable {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    s.run("export \(what) \(dir)/out.csv")
    return try CSVTable.parse(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.csv")))
  }

  @Test func exportedNumbersReadBackBitForBit() throws {
    var s = Session()
    s.run([
      "network 2-3-1 tanh,logistic seed=2", "data spiral n=40 noise=0.2 seed=5", "train 2",
      "data split 0.25 seed=3", "train 3", "forward",
    ])
    let loss = try parsedExport(&s, "loss")
    #expect(loss.header == ["epoch", "E", "test_E"])
    #expect(
      loss.records.map { Double($0.fields[1])!.bitPattern }
        == s.trainer.lossHistory.map(\.bitPattern))
    // Test E exists for the 3 epochs after the split only.
    #expect(loss.records.map { $0.fields[2] }.prefix(2) == ["", ""])
    #expect(
      loss.records.suffix(3).map { Double($0.fields[2])!.bitPattern }
        == s.trainer.testLosses.means.map(\.bitPattern))

    let trail = try parsedExport(&s, "trail")
    #expect(trail.header.count == 2 + s.trainer.network.weights.count)
    #expect(Array(trail.header.prefix(2)) == ["epoch", "sample"])
    #expect(
      trail.records.map { $0.fields.dropFirst(2).map { Double($0)! } } == s.trainer.trail)
    #expect(
      trail.records.map { TrailMark(epoch: Int($0.fields[0])!, sample: Int($0.fields[1])!) }
        == s.trainer.trailMarks)

    let values = try parsedExport(&s, "values")
    #expect(values.header == ["neuron", "layer", "net", "o", "dphi", "delta"])
    let o6 = Double(values.records[5].fields[3])!
    #expect(o6.bitPattern == s.trainer.values.output[5].bitPattern)
    #expect(values.records[5].fields[5] == "")  // δ not computed after the forward pass
  }

  @Test func dotHasEveryNeuronAndWeight() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var s = Session()
    s.run(["example mazur", "backward", "export dot \(dir)/n.dot"])
    let text = try String(contentsOfFile: dir + "/n.dot", encoding: .utf8)
    #expect(text.components(separatedBy: " -> ").count - 1 == 8)
    #expect(text.contains("n1 -> n3 [label=\"w_13 = 0.15\\n∂E/∂w_13 = 0.00043857\"]"))
    #expect(text.contains("δ = 0.13850"))
  }

  @Test func splitHoldsOutAShareAndPutsItBack() {
    var s = Session()
    s.run(["network 2-2-1 seed=1", "data gaussian n=50 seed=8"])
    let all = s.trainer.samples
    s.run("data split 0.2")
    #expect(s.trainer.testSamples.count == 10 && s.trainer.samples.count == 40)
    let union = (s.trainer.samples + s.trainer.testSamples)
    #expect(union.count == all.count && all.allSatisfy { union.contains($0) })
    let shown = s.run("show data").text
    #expect(
      shown.contains(
        "test \(NumberFormat.format(s.trainer.network.meanError(on: s.trainer.testSamples)))"))
    #expect(s.run("train 2").text.contains("test E"))
    s.run("data split 0")
    #expect(s.trainer.testSamples.isEmpty && s.trainer.samples.count == 50)
    #expect(s.fail("data split 0.95")?.expected?.contains("0.9") == true)
    #expect(s.fail("data circle n=1")?.message.contains("out of range") == true)
    s.run("network 3-2-1")
    #expect(s.fail("data circle")?.message.contains("2 inputs") == true)
  }
}

/// Past 4,096 epochs the loss curve and the test curve are kept in buckets; the export then
/// writes a row per bucket with the epochs it covers, and test E on the same rows.
@Suite struct BucketedLossExportTests {
  @Test func aLongRunExportsBucketsWithTheirEpochs() throws {
    var s = Session()
    s.run([
      "network 2-3-1 tanh,logistic seed=2", "data spiral n=24 noise=0.2 seed=5", "train 1000",
      "data split 0.25 seed=3", "train 4000",
    ])
    let losses = s.trainer.losses
    let tests = s.trainer.testLosses
    #expect(losses.count == 5_000)
    #expect(losses.epochsPerBucket == 2)
    #expect(tests.epochsPerBucket == 2)
    #expect(tests.firstEpoch == 1_001)
    let table = try CSVDataTests().parsedExport(&s, "loss")
    #expect(
      table.header == ["first_epoch", "last_epoch", "E_mean", "E_min", "E_max", "test_E_mean"])
    #expect(table.records.count == losses.bucketCount)
    #expect(table.records.first?.fields.prefix(2) == ["1", "2"])
    #expect(table.records.last?.fields.prefix(2) == ["4999", "5000"])
    // Bucket 500 covers epochs 1001–1002, the first with a test set.
    #expect(table.records[499].fields[5] == "")
    #expect(Double(table.records[500].fields[5])! == tests.means[0])
    for record in table.records {
      let f = record.fields.map { Double($0) }
      #expect(f[3]! <= f[2]! && f[2]! <= f[4]!)
    }
  }
}
