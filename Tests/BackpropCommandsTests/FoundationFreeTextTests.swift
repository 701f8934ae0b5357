import BackpropCommands
import FoundationEssentials
import Testing

/// The small text and path helpers that replace Foundation's in the product (start-up memory:
/// the product links only FoundationEssentials). Each answer is the one NSString gives.
@Suite struct FoundationFreeTextTests {
  @Test(arguments: [
    ("a/b.json", "b.json", "a"), ("b.json", "b.json", ""), ("/b", "b", "/"), ("a/b/", "b", "a"),
    ("/", "/", "/"), ("course//out/x", "x", "course//out"), ("", "", ""),
  ])
  func pathParts(path: String, last: String, parent: String) {
    #expect(PathText.lastComponent(path) == last)
    #expect(PathText.parent(path) == parent)
  }

  @Test func extensionsAndJoins() {
    #expect(PathText.deletingExtension("lessons/01-intro.lesson") == "lessons/01-intro")
    #expect(PathText.deletingExtension("a/.hidden") == "a/.hidden")
    #expect(PathText.deletingExtension("noext") == "noext")
    #expect(PathText.appending("x.md", to: "out") == "out/x.md")
    #expect(PathText.appending("x.md", to: "out/") == "out/x.md")
    #expect(PathText.appending("x.md", to: "") == "x.md")
    #expect(PathText.expandingTilde("~/n.json", home: "/home/s") == "/home/s/n.json")
    #expect(PathText.expandingTilde("~", home: "/home/s") == "/home/s")
    #expect(PathText.expandingTilde("~other/n.json", home: "/home/s") == "~other/n.json")
    #expect(PathText.expandingTilde("~/n.json", home: nil) == "~/n.json")
  }

  @Test func trimming() {
    #expect("  step 3 \t".trimmed() == "step 3")
    #expect("   ".trimmed() == "")
    #expect("".trimmed() == "")
    #expect("x".trimmed() == "x")
    #expect(" (b). ".trimmed(of: " ).") == "(b")
    #expect("@title  Hi \n".dropFirst(7).trimmed() == "Hi")
  }

  /// A progress file written by another instance survives being read and written back: keys,
  /// nesting, whole numbers, fractions and booleans.
  @Test func jsonValuesRoundTrip() throws {
    let text = #"{"lessons":{"b.lesson":{"page":3,"score":0.5,"done":true,"at":null}},"version":1}"#
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    #expect(value["version"] == .number(1))
    #expect(value["lessons"]?["b.lesson"]?["score"] == .number(0.5))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let written = String(decoding: try encoder.encode(value), as: UTF8.self)
    #expect(
      written
        == #"{"lessons":{"b.lesson":{"at":null,"done":true,"page":3,"score":0.5}},"version":1}"#)
    let changed = value.setting("version", to: .number(2))?.setting("extra", to: nil)
    #expect(changed?["version"] == .number(2))
  }
}

/// The product's modules import FoundationEssentials, never Foundation: Foundation proper
/// brings ICU and about 7 MiB of resident memory at start-up (the target is under 20 MiB).
/// The bench and the fuzzer are tools, not the product, and may use it.
@Suite struct ProductImportsTests {
  @Test func noProductModuleImportsFoundation() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    let tools: Set = ["backprop-bench", "backprop-fuzz", "terminal-demo"]
    var offenders: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: sources.path)
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".swift"), !tools.contains(String(relative.split(separator: "/")[0]))
      else { continue }
      let text = try String(
        contentsOfFile: sources.appendingPathComponent(relative).path, encoding: .utf8)
      if text.split(separator: "\n").contains(where: { $0.hasSuffix("import Foundation") }) {
        offenders.append(relative)
      }
    }
    #expect(offenders.isEmpty, "import FoundationEssentials instead in \(offenders)")
  }
}
