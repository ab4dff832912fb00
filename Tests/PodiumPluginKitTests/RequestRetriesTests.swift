import Foundation
import PodiumPluginKit
import XCTest

/// The Lazy Pirate rules, with a clock the test moves.
final class RequestRetriesTests: XCTestCase {
  private let start = Date(timeIntervalSince1970: 1_782_374_400)

  func testAnAnsweredRequestIsNoLongerPendingAndALateDuplicateIsIgnored() {
    var retries = RequestRetries<String>(timeout: 1.5)
    retries.sent(id: "a", body: [1], purpose: "caller", attempts: 4, at: start)
    XCTAssertEqual(retries.answered("a")?.purpose, "caller")
    XCTAssertNil(retries.answered("a"), "a reply to a retry that came late")
    XCTAssertTrue(retries.pending.isEmpty)
  }

  func testALateReplyReopensTheSocketAndResendsEveryPendingRequestWithTheSameId() {
    var retries = RequestRetries<String>(timeout: 1.5)
    retries.sent(id: "a", body: [1], purpose: "a", attempts: 4, at: start)
    retries.sent(id: "b", body: [2], purpose: "b", attempts: 4, at: start + 1)
    XCTAssertFalse(retries.expire(at: start + 1.4).reopen, "nothing is late yet")
    let expiry = retries.expire(at: start + 1.5)
    XCTAssertTrue(expiry.reopen)
    XCTAssertEqual(expiry.resend.map(\.id), ["b", "a"], "b is not late, but goes again on the new socket")
    XCTAssertEqual(expiry.resend.map(\.body), [[2], [1]])
    XCTAssertEqual(retries.pending["a"]?.attemptsLeft, 3)
    XCTAssertEqual(retries.pending["b"]?.attemptsLeft, 4)
    XCTAssertEqual(retries.pending["a"]?.deadline, start + 3)
  }

  func testARequestFailsWhenItsLastAttemptTimesOut() {
    var retries = RequestRetries<String>(timeout: 1)
    retries.sent(id: "once", body: [], purpose: "snapshot", attempts: 1, at: start)
    retries.sent(id: "twice", body: [], purpose: "caller", attempts: 2, at: start)
    let first = retries.expire(at: start + 1)
    XCTAssertEqual(first.failed.map(\.id), ["once"])
    XCTAssertTrue(first.reopen, "twice has an attempt left")
    XCTAssertEqual(first.resend.map(\.id), ["twice"])
    let second = retries.expire(at: start + 2)
    XCTAssertEqual(second.failed.map(\.id), ["twice"])
    XCTAssertFalse(second.reopen)
    XCTAssertTrue(retries.pending.isEmpty)
  }
}

final class ClockSamplerTests: XCTestCase {
  func testSamplesComeEveryHalfSecondUntilOneIsBackThenEveryFiveAndTheShortestRoundTripWins() {
    let start = Date(timeIntervalSince1970: 1_782_374_400)
    var sampler = ClockSampler()
    XCTAssertEqual(sampler.offset, 0)
    XCTAssertTrue(sampler.due(at: start))
    XCTAssertFalse(sampler.due(at: start + 0.4))
    XCTAssertTrue(sampler.due(at: start + 0.5), "no sample yet: every 0.5 s")
    sampler.record(sent: start + 0.5, daemon: start + 2.6, received: start + 0.7)
    XCTAssertEqual(sampler.offset, 2, accuracy: 1e-9)
    XCTAssertTrue(sampler.due(at: start + 1.0))
    XCTAssertFalse(sampler.due(at: start + 5.9), "measured: every 5 s")
    XCTAssertTrue(sampler.due(at: start + 6.0))
    sampler.record(sent: start + 6, daemon: start + 9, received: start + 8)  // a slow, disturbed round trip
    XCTAssertEqual(sampler.offset, 2, accuracy: 1e-9)
  }
}
