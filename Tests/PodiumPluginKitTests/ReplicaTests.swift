import Foundation
import PodiumPluginKit
import PodiumProtocol
import XCTest

/// The Clone rules a plugin follows, with made-up messages.
final class ReplicaTests: XCTestCase {
  private let at = Date(timeIntervalSince1970: 1_782_374_400)

  private func snapshot(
    prefix: String = "", seq: Int64, heads: [String: Int64], values: [String: Double]
  )
    -> Reply.Snapshot
  {
    Reply.Snapshot(
      id: nil, prefix: prefix, seq: seq, heads: heads,
      entries: values.map { Reply.Entry(topic: $0.key, seq: heads[$0.key] ?? 0, value: .number($0.value)) })
  }

  private func update(_ topic: String, seq: Int64, prev: Int64, value: Double) -> Update {
    Update(seq: seq, prev: prev, topic: topic, at: at, event: "test", value: .number(value))
  }

  func testUpdatesContinuingAStreamApplyAndOlderOnesAreDropped() {
    var replica = Replica(prefixes: [""])
    replica.load(snapshot(seq: 5, heads: ["room/a": 5, "room/b": 3], values: ["room/a": 1, "room/b": 2]))
    XCTAssertEqual(replica.apply(update("room/a", seq: 4, prev: 2, value: 9)), .ignored, "already in the snapshot")
    XCTAssertEqual(replica.apply(update("room/b", seq: 6, prev: 3, value: 20)), .applied)
    XCTAssertEqual(replica.apply(update("room/a", seq: 7, prev: 5, value: 10)), .applied)
    XCTAssertEqual(replica.values["room/b"], .number(20))
    XCTAssertEqual(replica.values["room/a"], .number(10))
    XCTAssertEqual(replica.seq, 7)
    XCTAssertEqual(replica.apply(update("room/a", seq: 7, prev: 5, value: 10)), .ignored, "a duplicate")
  }

  func testAMissedUpdateIsAGap() {
    var replica = Replica(prefixes: [""])
    replica.load(snapshot(seq: 5, heads: ["room/a": 5], values: ["room/a": 1]))
    XCTAssertEqual(replica.apply(update("room/a", seq: 8, prev: 6, value: 3)), .gap)
    XCTAssertEqual(replica.values["room/a"], .number(1), "a gap changes nothing")
  }

  func testHeartbeatsRevealAMissedLastUpdateOrARewoundLog() {
    var replica = Replica(prefixes: ["room/a"])
    replica.load(snapshot(prefix: "room/a", seq: 5, heads: ["room/a": 5, "room/b": 4], values: ["room/a": 1]))
    XCTAssertTrue(replica.agrees(with: Heartbeat(instance: "x", seq: 9, heads: ["room/a": 5, "room/b": 9], now: at)))
    XCTAssertFalse(replica.agrees(with: Heartbeat(instance: "x", seq: 9, heads: ["room/a": 6, "room/b": 9], now: at)))
    XCTAssertFalse(replica.agrees(with: Heartbeat(instance: "x", seq: 2, heads: ["room/a": 2], now: at)))
  }

  func testOnlyFollowedTopicsAreKept() {
    var replica = Replica(prefixes: ["room/a"])
    XCTAssertTrue(replica.follows("room/a"))
    XCTAssertFalse(replica.follows("room/b"))
    XCTAssertFalse(replica.follows("conference"))
    XCTAssertEqual(replica.apply(update("room/b", seq: 1, prev: 0, value: 1)), .ignored)
    XCTAssertNil(replica.values["room/b"])
  }
}

final class ClockOffsetTests: XCTestCase {
  func testTheShortestRoundTripIsTrusted() {
    var clock = ClockOffset()
    let sent = Date(timeIntervalSince1970: 1000)
    XCTAssertFalse(clock.isMeasured)
    // Daemon 2 s ahead; a slow round trip (400 ms) and a fast one (10 ms).
    clock.record(sent: sent, daemon: sent.addingTimeInterval(2.3), received: sent.addingTimeInterval(0.4))
    clock.record(
      sent: sent.addingTimeInterval(5), daemon: sent.addingTimeInterval(7.005), received: sent.addingTimeInterval(5.01))
    XCTAssertEqual(clock.offset, 2.0, accuracy: 0.001)
    XCTAssertTrue(clock.isMeasured)
  }
}
