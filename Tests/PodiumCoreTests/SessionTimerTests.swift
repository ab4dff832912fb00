import Foundation
import PodiumCore
import XCTest

final class SessionTimerTests: XCTestCase {
  func testTimeLeftCountsDownFromTheAllottedDuration() {
    let timer = SessionTimer(startedAt: Fixtures.nine, duration: 1800)
    XCTAssertEqual(timer.timeLeft(at: Fixtures.at(minutes: 10)), 1200)
    XCTAssertEqual(timer.timeLeft(at: Fixtures.at(minutes: 35)), -300)
  }

  func testAPauseFreezesTimeLeftAndCountsInPausedTime() {
    var timer = SessionTimer(startedAt: Fixtures.nine, duration: 1800)
    timer.pausedAt = Fixtures.at(minutes: 10)
    XCTAssertEqual(timer.timeLeft(at: Fixtures.at(minutes: 15)), 1200)
    XCTAssertEqual(timer.paused(at: Fixtures.at(minutes: 15)), 300)
    XCTAssertEqual(timer.elapsed(at: Fixtures.at(minutes: 15)), 600)
  }

  func testAddedTimeMovesTheEnd() {
    let timer = SessionTimer(startedAt: Fixtures.nine, duration: 1800, added: -120, pausedTotal: 60)
    XCTAssertEqual(timer.endsAt(at: Fixtures.nine), Fixtures.at(minutes: 29))
  }

  func testPhasesFollowTheThresholds() {
    let thresholds = Thresholds(warning: 300, danger: 60)
    XCTAssertEqual(thresholds.phase(timeLeft: 301), .normal)
    XCTAssertEqual(thresholds.phase(timeLeft: 300), .warning)
    XCTAssertEqual(thresholds.phase(timeLeft: 60), .danger)
    XCTAssertEqual(thresholds.phase(timeLeft: 0.5), .danger)
    XCTAssertEqual(thresholds.phase(timeLeft: 0), .overtime)
    XCTAssertEqual(thresholds.phase(timeLeft: -10), .overtime)
  }

  func testArabicIsRightToLeft() {
    XCTAssertEqual(TextDirection(languageCode: "ar"), .rightToLeft)
    XCTAssertEqual(TextDirection(languageCode: "ar-MA"), .rightToLeft)
    XCTAssertEqual(TextDirection(languageCode: "fr"), .leftToRight)
  }
}

final class InstantCodingTests: XCTestCase {
  func testInstantsRoundTripToTheMillisecond() {
    for milliseconds in [1_782_374_448_259, 1_782_374_448_000, 1_782_374_448_999, 1] as [Int64] {
      let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
      let text = PodiumJSON.formatInstant(date)
      XCTAssertEqual(PodiumJSON.parseInstant(text).map(PodiumJSON.formatInstant), text)
      XCTAssertEqual(PodiumJSON.parseInstant(text), date)
    }
    XCTAssertEqual(
      PodiumJSON.formatInstant(Date(timeIntervalSince1970: 1_782_374_448.2595)), "2026-06-25T08:00:48.260Z")
  }
}

final class HTMLTextTests: XCTestCase {
  func testMarkupIsEscapedAndArabicKept() {
    XCTAssertEqual(
      HTMLText.escape(#"<script>alert("x")</script> & 'y'"#),
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
    XCTAssertEqual(HTMLText.escape("القاعة الكبرى"), "القاعة الكبرى")
  }
}
