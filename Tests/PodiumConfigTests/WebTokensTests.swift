import Foundation
import PodiumConfig
import XCTest

/// The login tokens file: roles, a booth tablet's booth, a token's one room.
final class WebTokensTests: XCTestCase {
  private func file(_ text: String? = nil) throws -> WebTokens {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    let tokens = WebTokens(directory: directory.path)
    if let text { try text.write(toFile: tokens.path, atomically: true, encoding: .utf8) }
    return tokens
  }

  func testARoomScopedTokenIsWrittenReadAndActsInItsRoomOnly() throws {
    let tokens = try file()
    let token = try tokens.issue(name: "deck-plenary", role: .operator, room: "plenary")
    _ = try tokens.issue(name: "regie", role: .operator)
    _ = try tokens.issue(name: "tablet-ar", role: .booth, booth: "atelier/ar")
    let holders = try tokens.holders()
    let deck = try XCTUnwrap(holders.first { $0.name == "deck-plenary" })
    XCTAssertEqual(deck.digest, WebTokens.digest(token))
    XCTAssertEqual(deck.room, "plenary")
    XCTAssertTrue(deck.acts(in: "plenary"))
    XCTAssertFalse(deck.acts(in: "atelier"))
    let regie = try XCTUnwrap(holders.first { $0.name == "regie" })
    XCTAssertNil(regie.room)
    XCTAssertTrue(regie.acts(in: "atelier"))
    // A tablet's room is its booth's.
    let tablet = try XCTUnwrap(holders.first { $0.name == "tablet-ar" })
    XCTAssertEqual(tablet.room, "atelier")
    XCTAssertFalse(tablet.acts(in: "plenary"))
  }

  func testATabletNamesItsBoothNotARoom() throws {
    let tokens = try file(
      "- {name: tablet, role: booth, booth: plenary/ar, room: atelier, sha256: \(WebTokens.digest("x"))}\n")
    XCTAssertThrowsError(try tokens.holders()) { error in
      XCTAssertTrue("\(error)".contains("booth: ROOM/BOOTH"), "\(error)")
    }
  }

  func testAnotherRoomIsAnotherSessionSignature() {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let plenary = WebTokens.Holder(name: "deck", role: .operator, digest: WebTokens.digest("t"), room: "plenary")
    var atelier = plenary
    atelier.room = "atelier"
    let session = plenary.session(until: now.addingTimeInterval(60))
    XCTAssertEqual(WebTokens.Holder.opening(session: session, among: [plenary], now: now), plenary)
    XCTAssertNil(WebTokens.Holder.opening(session: session, among: [atelier], now: now))
  }
}
