import BackpropCommands
import Foundation
import Testing

/// README.md documents every command of the language (the command table is the source).
@Suite struct ReadmeTests {
  @Test func everyCommandIsDocumented() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    for spec in CommandSpec.all {
      #expect(readme.contains("`\(spec.name)"), "README.md does not document `\(spec.name)`")
    }
    #expect(readme.contains("scripts/test"))
    #expect(readme.contains("swift run backprop"))
  }
}
