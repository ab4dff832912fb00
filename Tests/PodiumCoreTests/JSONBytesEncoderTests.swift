import Foundation
import PodiumCore
import XCTest

/// `JSONBytesEncoder` against Foundation's `JSONEncoder` with Podium's conventions.
final class JSONBytesEncoderTests: XCTestCase {
  private func assertSameJSON<T: Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
    var encoder = JSONBytesEncoder()
    let bytes = try encoder.encode(value)
    let expected = JSONValue(parsing: Array(try PodiumJSON.encoder().encode(value)))
    XCTAssertNotNil(expected, file: file, line: line)
    XCTAssertEqual(JSONValue(parsing: bytes), expected, String(decoding: bytes, as: UTF8.self), file: file, line: line)
  }

  private struct Members: Encodable {
    var zulu = "last"
    var alpha: Int? = nil
    var mike: [Double] = [0, -0.0, 0.1, 1e-7, 1.5e20, 300, -42.25, 1e15, 9_007_199_254_740_992, 123_456.789]
    var when = Date(timeIntervalSince1970: 1_782_378_000.123)
    var titles = ["fr": "Séance d’ouverture", "ar": "الجلسة الافتتاحية", "en": "Opening"]
    var quotes = "a \"b\" \\ / \n\t\r\u{8}\u{c}\u{1} </script> \u{2028}"
    var flags = [true, false]
    var small: [Int8] = [-128, 127]
    var big: UInt64 = .max
    var least: Int64 = .min
    var nested: [[String: [Int]]] = [["b": [1, 2], "a": []], [:]]
    var url = URL(string: "https://example.org/q?room=plenary")!
  }

  func testMembersInKeyOrderEveryScalarAndEveryEscape() throws {
    try assertSameJSON(Members())
    var encoder = JSONBytesEncoder()
    let text = String(decoding: try encoder.encode(Members()), as: UTF8.self)
    let keys = ["\"big\"", "\"flags\"", "\"least\"", "\"mike\"", "\"nested\"", "\"quotes\"", "\"small\""]
    let positions = keys.map { text.range(of: $0)!.lowerBound }
    XCTAssertEqual(positions, positions.sorted(), text)
    XCTAssertFalse(text.contains("\"alpha\""), "an absent optional is left out, as Foundation does")
    XCTAssertTrue(text.contains("\"when\":\"2026-06-25T09:00:00.123Z\""), text)
    XCTAssertTrue(text.contains("/q?room"), "slashes are not escaped")
  }

  private enum Shape: Codable, Equatable {
    case empty
    case circle(radius: Double)
    case labelled(String, Int)
  }

  private final class Base: Encodable {
    var base = 1
  }

  private final class Derived: Encodable {
    let parent = Base()
    var own = "x"
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(own, forKey: .own)
      try parent.encode(to: container.superEncoder())
    }
    enum CodingKeys: String, CodingKey { case own, parent }
  }

  private struct Interleaved: Encodable {
    func encode(to encoder: any Encoder) throws {
      var outer = encoder.container(keyedBy: Key.self)
      var inner = outer.nestedContainer(keyedBy: Key.self, forKey: .b)
      try outer.encode(1, forKey: .a)
      try inner.encode(2, forKey: .a)  // written to after its parent went on: one pass cannot
    }
    enum Key: String, CodingKey { case a, b }
  }

  private struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
  }

  func testNestedContainersAndWhatOnlyFoundationCanWrite() throws {
    try assertSameJSON([Shape.empty, .circle(radius: 2.5), .labelled("ا", 3)])
    try assertSameJSON(Derived())
    try assertSameJSON(Interleaved())
    try assertSameJSON(["wrapped": Nothing()])
    try assertSameJSON([Optional<Int>.none, 1])
  }

  func testANonFiniteNumberIsRefusedAsFoundationRefusesIt() {
    var encoder = JSONBytesEncoder()
    XCTAssertThrowsError(try encoder.encode(["x": Double.nan]))
    XCTAssertThrowsError(try encoder.encode([Double.infinity]))
  }
}
