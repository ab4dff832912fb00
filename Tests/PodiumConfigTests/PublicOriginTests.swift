import Foundation
import PodiumConfig
import XCTest

final class PublicOriginTests: XCTestCase {
  func testAnOriginIsSchemeHostAndPortLowerCased() throws {
    XCTAssertEqual(try PublicOrigin("https://Ask.Venue.example/").description, "https://ask.venue.example")
    XCTAssertEqual(try PublicOrigin("HTTP://192.168.10.5:8473").description, "http://192.168.10.5:8473")
    XCTAssertEqual(try PublicOrigin("http://[fe80::1]:8473").url("/rooms/x/ask"), "http://[fe80::1]:8473/rooms/x/ask")
    XCTAssertTrue(try PublicOrigin("http://127.0.0.1:8473").isLoopback)
    XCTAssertFalse(try PublicOrigin("https://ask.venue.example").isLoopback)
  }

  func testEveryRefusalNamesItsRule() {
    for (text, rule) in [
      ("ask.venue.example", "must start with http:// or https://"),
      ("ftp://ask.venue.example", "must start with http:// or https://"),
      ("https://", "names no host"),
      ("https://ask.venue.example/qa", "origin only"),
      ("https://ask.venue.example/?a=1", "origin only"),
      ("https://crew:secret@ask.venue.example", "origin only"),
    ] {
      XCTAssertThrowsError(try PublicOrigin(text), text) { error in
        XCTAssertTrue("\(error)".contains(rule), "\(text): \(error)")
        XCTAssertTrue("\(error)".contains(text), "\(text): \(error)")
      }
    }
  }

  func testTheSettingsFileThenTheEnvironmentSetThePublicOrigins() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("podium.yaml").path
    try """
    public:
      display: https://screens.venue.example
      questions: https://ask.venue.example
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let settings = try PodiumSettings.load(
      file: file, environment: ["HOME": "/home/crew", "PODIUM_QA_URL": "http://192.168.10.5:8473"])
    XCTAssertEqual(settings.publicOrigins[.display], try PublicOrigin("https://screens.venue.example"))
    XCTAssertEqual(settings.publicOrigins[.questions], try PublicOrigin("http://192.168.10.5:8473"))
    XCTAssertNil(settings.publicOrigins[.booths])

    try "public:\n  questions: https://ask.venue.example/ask\n".write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try PodiumSettings.load(file: file, environment: ["HOME": "/home/crew"])) { error in
      XCTAssertTrue("\(error)".hasPrefix("\(file):2:"), "\(error)")
      XCTAssertTrue("\(error)".contains("origin only"), "\(error)")
    }
    XCTAssertThrowsError(try PodiumSettings.load(file: nil, environment: ["PODIUM_BOOTH_URL": "booths.example"])) {
      XCTAssertTrue("\($0)".hasPrefix("PODIUM_BOOTH_URL: "), "\($0)")
    }
  }
}
