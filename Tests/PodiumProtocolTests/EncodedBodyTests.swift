import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

/// The daemon splices encoded values into bodies; what it writes must be what the types say.
final class EncodedBodyTests: XCTestCase {
  private let at = Date(timeIntervalSince1970: 1_782_374_400.123)
  private let value = #"{"a":1,"b":"Salle \"A\" / ب\n"}"#

  func testAnUpdateIsTheUpdateTypeEncoded() throws {
    let body = EncodedBody.update(
      seq: 12, prev: 9, topic: "qa/plenary/q\"1", at: at, events: ["questionVoted", "votesMerged"],
      value: Array(value.utf8))
    let expected = Update(
      seq: 12, prev: 9, topic: "qa/plenary/q\"1", at: at, event: "votesMerged",
      events: ["questionVoted", "votesMerged"], value: try JSONDecoder().decode(JSONValue.self, from: Data(value.utf8)))
    XCTAssertEqual(try WireCoding.decode(Update.self, from: body), expected)
    XCTAssertEqual(String(decoding: body, as: UTF8.self), String(decoding: WireCoding.encode(expected), as: UTF8.self))
    let gone = EncodedBody.update(seq: 13, prev: 12, topic: "qa/plenary/x", at: at, events: ["e"], value: nil)
    XCTAssertEqual(try WireCoding.decode(Update.self, from: gone).value, .null)
  }

  func testAnAcknowledgementIsTheAcknowledgementTypeEncoded() throws {
    for ack in [
      Reply.Acknowledgement(id: "a\"1", seq: 7, events: []),
      Reply.Acknowledgement(
        id: "b", seq: 9, events: [.init(seq: 8, type: "turnEnded"), .init(seq: 9, type: "turnStarted")], duplicate: true
      ),
    ] {
      XCTAssertEqual(
        String(decoding: EncodedBody.acknowledgement(ack), as: UTF8.self),
        String(decoding: WireCoding.encode(ack), as: UTF8.self))
    }
  }

  func testASnapshotIsTheSnapshotTypeEncoded() throws {
    let body = EncodedBody.snapshot(
      id: "s\t1", prefix: "room/", seq: 40, heads: ["room/b": 40, "conference": 1, "room/a": 7],
      entries: [
        EncodedBody.Entry(topic: "room/a", seq: 7, value: Array(value.utf8)),
        EncodedBody.Entry(topic: "room/b", seq: 40, value: Array("[]".utf8)),
      ])
    let expected = Reply.Snapshot(
      id: "s\t1", prefix: "room/", seq: 40, heads: ["room/b": 40, "conference": 1, "room/a": 7],
      entries: [
        Reply.Entry(topic: "room/a", seq: 7, value: try JSONDecoder().decode(JSONValue.self, from: Data(value.utf8))),
        Reply.Entry(topic: "room/b", seq: 40, value: .array([])),
      ])
    XCTAssertEqual(try WireCoding.decode(Reply.Snapshot.self, from: body), expected)
    XCTAssertEqual(String(decoding: body, as: UTF8.self), String(decoding: WireCoding.encode(expected), as: UTF8.self))
    let empty = EncodedBody.snapshot(id: nil, prefix: "", seq: 0, heads: [:], entries: [])
    XCTAssertEqual(
      try WireCoding.decode(Reply.Snapshot.self, from: empty),
      Reply.Snapshot(id: nil, prefix: "", seq: 0, heads: [:], entries: []))
  }
}
