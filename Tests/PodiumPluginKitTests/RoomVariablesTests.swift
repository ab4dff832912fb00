import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

@testable import PodiumPluginKit

/// The flat variables control surfaces show, from a room's status at an instant.
final class RoomVariablesTests: XCTestCase {
  private func variables(
    after commands: [(any Command, TimeInterval)], at seconds: TimeInterval
  ) throws
    -> RoomVariables
  {
    try PlenaryFixture.reading(after: commands, at: seconds).variables
  }

  func testAnIdleRoomShowsItsNextSessionInTheConferencesZone() throws {
    let idle = try variables(after: [], at: -600)
    XCTAssertEqual(idle.phase, "idle")
    XCTAssertFalse(idle.running)
    XCTAssertFalse(idle.onAir)
    XCTAssertEqual(idle.timeLeft, "")
    XCTAssertEqual(idle.timeLeftSeconds, 0)
    XCTAssertEqual(idle.nextTitle, "Ouverture")
    XCTAssertEqual(idle.nextSessionSpeaker, "أمينة")
    XCTAssertEqual(idle.nextStart, "09:00")  // 08:00 UTC in Rabat (UTC+1)
    XCTAssertEqual(idle.nextStartDay, "2026-06-25")
  }

  func testARunningSessionCountsDownInWholeSecondsRoundedUp() throws {
    let running = try variables(after: [(StartSession(), 0)], at: 65.3)
    XCTAssertTrue(running.onAir)
    XCTAssertEqual(running.phase, "normal")
    XCTAssertEqual(running.timeLeftSeconds, 1800 - 65)  // 1,734.7 s left shows as 28:55
    XCTAssertEqual(running.timeLeft, "28:55")
    XCTAssertEqual(running.elapsed, "01:05")
    XCTAssertEqual(running.currentTitle, "Ouverture")
    XCTAssertEqual(running.currentSpeaker, "أمينة")
    XCTAssertEqual(running.nextSpeaker, "Jean")
    XCTAssertEqual(running.floorLanguage, "ar")
    XCTAssertEqual(running.nextTitle, "Panel")
  }

  func testTheSpeakersOwnSlotCountsInsideTheSession() throws {
    let withoutSlot = try variables(after: [(StartSession(), 0)], at: 10)
    XCTAssertEqual(withoutSlot.slotPhase, "idle")
    XCTAssertEqual(withoutSlot.slotTimeLeft, "")
    XCTAssertEqual(withoutSlot.slotAllottedSeconds, 0)
    // Jean gets 5 minutes, then the floor at 60 s; at 300.5 s he has 59.5 s left: the last tenth of his slot.
    let commands: [(any Command, TimeInterval)] = [
      (StartSession(), 0), (SetSpeakingTime(position: 1, seconds: 300), 30), (NextSpeaker(), 60),
    ]
    let slot = try variables(after: commands, at: 300.5)
    XCTAssertEqual(slot.currentSpeaker, "Jean")
    XCTAssertEqual(slot.slotAllottedSeconds, 300)
    XCTAssertEqual(slot.slotTimeLeftSeconds, 60)
    XCTAssertEqual(slot.slotTimeLeft, "01:00")
    XCTAssertEqual(slot.slotPhase, "warning")
    XCTAssertEqual(slot.phase, "normal", "the session's countdown goes on beneath")
    let over = try variables(after: commands, at: 60 + 300 + 12)
    XCTAssertEqual(over.slotTimeLeft, "-00:12")
    XCTAssertEqual(over.slotPhase, "overtime")
  }

  func testPhasesFollowTheThresholdsAndOvertimeIsNegative() throws {
    let warning = try variables(after: [(StartSession(), 0)], at: 1800 - 200)
    XCTAssertEqual(warning.phase, "warning")
    let danger = try variables(after: [(StartSession(), 0)], at: 1800 - 30)
    XCTAssertEqual(danger.phase, "danger")
    XCTAssertEqual(danger.timeLeft, "00:30")
    let over = try variables(after: [(StartSession(), 0)], at: 1800 + 75.5)
    XCTAssertEqual(over.phase, "overtime")
    XCTAssertEqual(over.timeLeftSeconds, -75)
    XCTAssertEqual(over.timeLeft, "-01:15")
    XCTAssertEqual(over.lateMinutes, 1)  // the panel now starts 75 s late
  }

  func testAPausedTimerIsOnButNotOnAirAndKeepsItsTimeLeft() throws {
    let paused = try variables(after: [(StartSession(), 0), (PauseSession(), 100)], at: 400)
    XCTAssertTrue(paused.running)
    XCTAssertTrue(paused.paused)
    XCTAssertFalse(paused.onAir)
    XCTAssertEqual(paused.timeLeftSeconds, 1700)
  }

  func testMessagesAndRoomFull() throws {
    let shown = try variables(
      after: [(ShowMessage(text: "Conclure", blink: true), 0), (SetRoomFull(full: true), 0)], at: 1)
    XCTAssertEqual(shown.message, "Conclure")
    XCTAssertTrue(shown.messageBlink)
    XCTAssertFalse(shown.blackout)
    XCTAssertTrue(shown.roomFull)
  }

  func testClockText() {
    XCTAssertEqual(RoomVariables.clock(0), "00:00")
    XCTAssertEqual(RoomVariables.clock(5400), "90:00")
    XCTAssertEqual(RoomVariables.clock(-1), "-00:01")
  }
}
