import Foundation
import PodiumCore
import PodiumStore
import XCTest

/// Reading stored payloads: the current version as it is, an older one through its upcasters.
final class EventPayloadTests: XCTestCase {
  /// An event whose payload changed twice: version 1 had `secs`, 2 `seconds` as text, 3 a number.
  private struct Adjusted: RoomEvent {
    static let type = "adjusted"
    static let version = 3
    static let topics: [TopicKind] = [.room]
    var room: Room.ID
    var seconds: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
      case room = "room", seconds = "seconds"
    }

    static func upcast(_ payload: [String: JSONValue], from version: Int) throws -> [String: JSONValue] {
      var payload = payload
      switch version {
      case 1:
        payload["seconds"] = payload.removeValue(forKey: "secs").flatMap(\.number).map { .string(String($0)) }
      case 2:
        payload["seconds"] = payload["seconds"]?.string.flatMap(Double.init).map(JSONValue.number)
      default:
        throw EventShapeError(type: type, version: version, reason: "no upcaster")
      }
      return payload
    }

    func apply(to state: inout ConferenceState) {}
  }

  func testAnOlderPayloadIsRaisedOneVersionAtATime() throws {
    let expected = AnyEvent(Adjusted(room: "plenary", seconds: 90))
    XCTAssertEqual(
      try EventPayload.decode(Adjusted.self, version: 1, payload: Data(#"{"room":"plenary","secs":90}"#.utf8)), expected
    )
    XCTAssertEqual(
      try EventPayload.decode(Adjusted.self, version: 2, payload: Data(#"{"room":"plenary","seconds":"90.0"}"#.utf8)),
      expected)
    XCTAssertEqual(
      try EventPayload.decode(Adjusted.self, version: 3, payload: Data(#"{"room":"plenary","seconds":90}"#.utf8)),
      expected)
  }

  func testAPayloadFromANewerReleaseOrOfAnUnknownTypeIsRefusedNotGuessed() {
    XCTAssertThrowsError(
      try EventPayload.decode(Adjusted.self, version: 4, payload: Data(#"{"room":"p","seconds":1}"#.utf8))
    ) { XCTAssertTrue("\($0)".contains("newer release"), "\($0)") }
    XCTAssertThrowsError(try EventPayload.decode(type: "comet", version: 1, payload: "{}")) {
      XCTAssertTrue("\($0)".contains("no such event type"), "\($0)")
    }
    XCTAssertThrowsError(
      try EventPayload.decode(type: TimeAdded.type, version: 1, payload: #"{"room":"p","seconds":"soon"}"#)
    ) { XCTAssertTrue("\($0)".contains("does not decode"), "\($0)") }
  }

  func testEveryDeclaredEventIsWrittenAtItsVersionAndReadBack() throws {
    let event = AnyEvent(
      SessionStarted(room: "plenary", session: "s", at: Date(timeIntervalSince1970: 60), duration: 600))
    let payload = try EventPayload.encode(event)
    XCTAssertEqual(payload, #"{"at":"1970-01-01T00:01:00.000Z","duration":600,"room":"plenary","session":"s"}"#)
    XCTAssertEqual(try EventPayload.decode(type: event.type, version: event.version, payload: payload), event)
  }
}
