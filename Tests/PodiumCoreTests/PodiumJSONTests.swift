import Foundation
import PodiumCore
import XCTest

/// Podium's JSON conventions, against Foundation's own formatters and decoder.
final class PodiumJSONTests: XCTestCase {
  /// Foundation's whole seconds, then the milliseconds rounded: how 0.1.0 wrote instants.
  private func foundation(_ milliseconds: Int64) -> String {
    let seconds = (milliseconds - ((milliseconds % 1000) + 1000) % 1000) / 1000
    let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(Date.ISO8601FormatStyle())
    return whole.dropLast() + "." + String(format: "%03lld", milliseconds - seconds * 1000) + "Z"
  }

  func testInstantsAreWrittenAsFoundationWritesThemAndReadBack() {
    var generator = SystemRandomNumberGenerator()
    let instants =
      [-86_400_000.0, -1, 0, 951_782_400_000, 1_782_374_400_123, 4_102_444_799_999]  // 1969, 2000-02-29, 2099
      + (0..<2000).map { _ in Double(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)) }
    for milliseconds in instants {
      let date = Date(timeIntervalSince1970: milliseconds / 1000)
      let text = PodiumJSON.formatInstant(date)
      XCTAssertEqual(text, foundation(Int64(milliseconds)), "\(milliseconds)")
      XCTAssertEqual(PodiumJSON.parseInstant(text), date, text)
    }
    XCTAssertEqual(PodiumJSON.formatInstant(Date(timeIntervalSince1970: 0.0004)), "1970-01-01T00:00:00.000Z")
    XCTAssertEqual(PodiumJSON.formatInstant(Date(timeIntervalSince1970: 0.0006)), "1970-01-01T00:00:00.001Z")
  }

  func testInstantsAreReadWithOrWithoutFractionsAndImpossibleOnesRefused() {
    XCTAssertEqual(PodiumJSON.parseInstant("2026-06-25T09:00:00Z"), Date(timeIntervalSince1970: 1_782_378_000))
    XCTAssertEqual(PodiumJSON.parseInstant("2026-06-25T09:00:00.5Z"), Date(timeIntervalSince1970: 1_782_378_000.5))
    XCTAssertEqual(PodiumJSON.parseInstant("2026-06-25T10:00:00+01:00"), Date(timeIntervalSince1970: 1_782_378_000))
    for bad in ["2026-02-31T09:00:00.000Z", "2026-06-25T24:00:00.000Z", "2026-06-25 09:00:00Z", "soon", ""] {
      XCTAssertNil(PodiumJSON.parseInstant(bad), bad)
    }
  }

  func testTheParserReadsWhatJSONDecoderReads() throws {
    let texts = [
      #"{"type":"command","id":"a\"b\\c\/d","args":{"seconds":-1.5e2,"tags":["x","ب"],"on":true,"off":false,"no":null}}"#,
      #"  [1, 0.25, -0, 1E+3, "\u00e9\ud83d\ude00\n\t"]  "#, "\"text\"", "12", "null", "{}", "[]",
    ]
    for text in texts {
      let parsed = try XCTUnwrap(JSONValue(parsing: Array(text.utf8)), text)
      XCTAssertEqual(parsed, try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), text)
    }
  }

  func testTheParserRefusesWhatIsNotOneJSONText() {
    let bad = [
      "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", ".5", "-", "1e", "tru", "nul", "[1] 2", "{'a':1}",
      "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "NaN", "[1e999]", "// no",
    ]
    for text in bad { XCTAssertNil(JSONValue(parsing: Array(text.utf8)), text) }
    XCTAssertNil(JSONValue(parsing: [0x22, 0xFF, 0x22]), "not UTF-8")
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    XCTAssertNil(JSONValue(parsing: Array(deep.utf8)), "too deep: refused, not a stack overflow")
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    XCTAssertNotNil(JSONValue(parsing: Array(fine.utf8)))
  }
}
