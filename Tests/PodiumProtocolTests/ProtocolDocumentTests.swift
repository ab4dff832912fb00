import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

/// docs/PROTOCOL.md against the declarations: its generated tables are what the code
/// generates, and its commands are the ones declared.
final class ProtocolDocumentTests: XCTestCase {
  static let path = "docs/PROTOCOL.md"

  /// Where the block `name` stands: between `<!-- BEGIN GENERATED: name … -->` and `<!-- END GENERATED: name -->`.
  private func range(of name: String, in document: String) -> Range<String.Index>? {
    guard let begin = document.range(of: "<!-- BEGIN GENERATED: \(name) "),
      let afterBegin = document.range(of: "-->\n", range: begin.upperBound..<document.endIndex),
      let end = document.range(of: "<!-- END GENERATED: \(name) -->", range: afterBegin.upperBound..<document.endIndex)
    else { return nil }
    return afterBegin.upperBound..<end.lowerBound
  }

  /// Every generated block's text, by name.
  private func blocks(in document: String) -> [String: String] {
    ProtocolReference.blocks.keys.reduce(into: [:]) { found, name in
      found[name] = range(of: name, in: document).map { String(document[$0]).trimmingCharacters(in: .newlines) }
    }
  }

  func testTheGeneratedTablesAreUpToDate() throws {
    var document = try RepositoryFiles.read(Self.path)
    let found = blocks(in: document)
    if ProcessInfo.processInfo.environment["PODIUM_UPDATE_DOCS"] != nil {
      for (name, text) in ProtocolReference.blocks {
        if let place = range(of: name, in: document) { document.replaceSubrange(place, with: text + "\n") }
      }
      try document.write(to: RepositoryFiles.root.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
      XCTFail("rewrote the generated tables of \(Self.path); unset PODIUM_UPDATE_DOCS to check them")
      return
    }
    for (name, text) in ProtocolReference.blocks {
      XCTAssertEqual(
        found[name], text,
        "\(Self.path): block '\(name)' is stale; run PODIUM_UPDATE_DOCS=1 swift test --filter ProtocolDocumentTests")
    }
  }

  func testEveryDeclaredCommandIsDocumentedAndEveryDocumentedCommandDeclared() throws {
    let document = try RepositoryFiles.read(Self.path)
    guard let start = document.range(of: "\n## 6. Commands"), let end = document.range(of: "\n## 7. Errors") else {
      return XCTFail("no §6 in \(Self.path)")
    }
    var section = String(document[start.upperBound..<end.lowerBound])
    for text in blocks(in: section).values { section = section.replacingOccurrences(of: text, with: "") }
    // The rows of the prose tables: "| `name` | args | does | events | refusals |".
    let documented = section.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("| `"), let close = line.dropFirst(3).firstIndex(of: "`") else { return nil }
      let name = String(line[line.index(line.startIndex, offsetBy: 3)..<close])
      return name == "command" ? nil : name
    }
    XCTAssertEqual(documented.count, Set(documented).count, "a command documented twice")
    XCTAssertEqual(Set(documented), Set(CommandCatalogue.names))
  }
}
