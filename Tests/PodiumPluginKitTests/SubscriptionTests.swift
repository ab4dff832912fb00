import Foundation
import PodiumPluginKit
import PodiumProtocol
import XCTest

/// The Clone rules as a state machine, with made-up messages and a clock the test moves.
final class SubscriptionTests: XCTestCase {
  private let start = Date(timeIntervalSince1970: 1_782_374_400)

  /// A subscription whose waits are not spread (`spread` 0), unless told.
  private func fresh(spread: @escaping @Sendable () -> Double = { 0 }) -> Subscription {
    Subscription(prefixes: ["room/", "conference"], silenceTimeout: 3, backoff: 0.5...8, at: start, spread: spread)
  }

  private func snapshot(_ prefix: String, seq: Int64, heads: [String: Int64]) -> Reply.Snapshot {
    Reply.Snapshot(
      id: nil, prefix: prefix, seq: seq, heads: heads,
      entries: heads.keys.filter { $0.hasPrefix(prefix) }.map {
        Reply.Entry(topic: $0, seq: heads[$0]!, value: .number(1))
      })
  }

  private func update(_ topic: String, seq: Int64, prev: Int64) -> Update {
    Update(seq: seq, prev: prev, topic: topic, at: start, event: "test", value: .number(Double(seq)))
  }

  private func heartbeat(seq: Int64, heads: [String: Int64]) -> Heartbeat {
    Heartbeat(instance: "i", seq: seq, heads: heads, now: start)
  }

  /// Joins: asks both snapshots, gets them, goes live.
  private func live(heads: [String: Int64] = ["room/a": 4, "conference": 1], seq: Int64 = 4) -> Subscription {
    var subscription = fresh()
    XCTAssertEqual(subscription.tick(at: start), [.askSnapshots(["conference", "room/"])])
    XCTAssertEqual(subscription.received(snapshot("room/", seq: seq, heads: heads), for: "room/", at: start), [])
    XCTAssertEqual(
      subscription.received(snapshot("conference", seq: seq, heads: heads), for: "conference", at: start),
      [.publish(changed: nil)])
    XCTAssertTrue(subscription.isLive && subscription.connected)
    return subscription
  }

  func testUpdatesWhileWaitingAreQueuedThenAppliedOnTheSnapshots() {
    var subscription = fresh()
    _ = subscription.tick(at: start)
    XCTAssertEqual(subscription.received(update("room/a", seq: 5, prev: 4), at: start), [], "queued")
    _ = subscription.received(snapshot("room/", seq: 4, heads: ["room/a": 4]), for: "room/", at: start)
    _ = subscription.received(snapshot("conference", seq: 4, heads: ["room/a": 4]), for: "conference", at: start)
    XCTAssertEqual(subscription.replica.heads["room/a"], 5)
    XCTAssertEqual(subscription.replica.values["room/a"], .number(5))
  }

  func testAQueuedGapThrowsTheCopyAwayAndRetriesAfterTheBackoff() {
    var subscription = fresh()
    _ = subscription.tick(at: start)
    _ = subscription.received(update("room/a", seq: 9, prev: 7), at: start)
    _ = subscription.received(snapshot("room/", seq: 4, heads: ["room/a": 4]), for: "room/", at: start)
    XCTAssertEqual(subscription.received(snapshot("conference", seq: 4, heads: [:]), for: "conference", at: start), [])
    XCTAssertFalse(subscription.isLive)
    XCTAssertEqual(subscription.tick(at: start + 0.4), [])
    XCTAssertEqual(subscription.tick(at: start + 0.5), [.askSnapshots(["conference", "room/"])])
  }

  func testLiveUpdatesApplyDropOrResync() {
    var subscription = live()
    XCTAssertEqual(subscription.received(update("room/a", seq: 3, prev: 2), at: start), [], "already had it")
    XCTAssertEqual(subscription.received(update("room/a", seq: 5, prev: 4), at: start), [.publish(changed: "room/a")])
    XCTAssertEqual(
      subscription.received(update("room/a", seq: 8, prev: 7), at: start), [.askSnapshots(["conference", "room/"])],
      "a gap: snapshot again at once")
  }

  func testAHeartbeatWhoseHeadsDisagreeResyncs() {
    var subscription = live()
    XCTAssertEqual(subscription.received(heartbeat(seq: 4, heads: ["room/a": 4, "conference": 1]), at: start), [])
    XCTAssertEqual(
      subscription.received(heartbeat(seq: 6, heads: ["room/a": 6, "conference": 1]), at: start),
      [.askSnapshots(["conference", "room/"])], "an update of room/a was lost")
    var rewound = live()
    XCTAssertEqual(
      rewound.received(heartbeat(seq: 2, heads: [:]), at: start), [.askSnapshots(["conference", "room/"])],
      "a log restored behind us")
  }

  func testSilenceDisconnectsReconnectsAndResyncs() {
    var subscription = live()
    XCTAssertEqual(subscription.tick(at: start + 3), [])
    XCTAssertEqual(
      subscription.tick(at: start + 3.1),
      [.publish(changed: nil), .reconnect, .askSnapshots(["conference", "room/"])])
    XCTAssertFalse(subscription.connected)
  }

  func testUnansweredSnapshotsBackOffDoublingAndAHeartbeatEndsTheWait() {
    var subscription = fresh()
    _ = subscription.tick(at: start)
    XCTAssertEqual(subscription.snapshotFailed(at: start + 1.5), [], "was not connected: nothing to publish")
    XCTAssertEqual(subscription.backoff, 1)
    XCTAssertEqual(subscription.tick(at: start + 1.9), [])
    XCTAssertEqual(subscription.tick(at: start + 2), [.askSnapshots(["conference", "room/"])])
    _ = subscription.snapshotFailed(at: start + 3.5)
    XCTAssertEqual(subscription.backoff, 2)
    XCTAssertEqual(
      subscription.received(heartbeat(seq: 1, heads: [:]), at: start + 3.6), [.askSnapshots(["conference", "room/"])],
      "the daemon is back: no need to wait")
    for second in 0..<10 { _ = subscription.snapshotFailed(at: start + Double(10 + second)) }
    XCTAssertEqual(subscription.backoff, 8, "at most 8 s")
  }

  func testEachWaitIsSpreadByUpToHalfTheBackoffSoAHerdDoesNotAskAgainTogether() {
    var subscription = fresh(spread: { 0.999 })
    _ = subscription.tick(at: start)
    _ = subscription.snapshotFailed(at: start + 1.5)  // waits 0.5 s, spread to almost 0.75 s
    XCTAssertEqual(subscription.tick(at: start + 2.2), [])
    XCTAssertEqual(subscription.tick(at: start + 2.25), [.askSnapshots(["conference", "room/"])])
    XCTAssertEqual(subscription.backoff, 1, "the spread does not change the doubling")

    var unspread = fresh()
    _ = unspread.tick(at: start)
    _ = unspread.snapshotFailed(at: start + 1.5)
    XCTAssertEqual(unspread.tick(at: start + 2), [.askSnapshots(["conference", "room/"])])
  }

  func testASnapshotResetsTheBackoff() {
    var subscription = fresh()
    _ = subscription.tick(at: start)
    _ = subscription.snapshotFailed(at: start)
    _ = subscription.snapshotFailed(at: start)
    _ = subscription.tick(at: start + 10)
    _ = subscription.received(snapshot("room/", seq: 1, heads: [:]), for: "room/", at: start + 10)
    _ = subscription.received(snapshot("conference", seq: 1, heads: [:]), for: "conference", at: start + 10)
    XCTAssertEqual(subscription.backoff, 0.5)
  }
}
