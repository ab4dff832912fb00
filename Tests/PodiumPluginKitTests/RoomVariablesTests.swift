import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

@testable import PodiumPluginKit

/// The flat variables control surfaces show, from a room's status at an instant.
final class RoomVariablesTests: XCTestCase {
  /// 2026-06-25 08:00 UTC: 09:00 in Rabat.
  let nine = Date(timeIntervalSince1970: 1_782_374_400)

  lazy var conference = Conference(
    id: "test", name: "Test", timeZone: "Africa/Casablanca",
    languages: [Language(code: "ar", name: "العربية"), Language(code: "fr", name: "Français")],
    rooms: [Room(id: "plenary", name: "Plénière")],
    sessions: [
      Session(
        id: "opening", roomId: "plenary", title: "Ouverture", plannedStart: nine,
        plannedEnd: nine.addingTimeInterval(1800),
        speakers: [Speaker(name: "أمينة", language: "ar"), Speaker(name: "Jean", language: "fr")], language: "fr"),
      Session(
        id: "panel", roomId: "plenary", title: "Panel", plannedStart: nine.addingTimeInterval(1800),
        plannedEnd: nine.addingTimeInterval(5400), speakers: [Speaker(name: "Salma", language: "ar")]),
    ])

  private func variables(
    after commands: [(any Command, TimeInterval)], at seconds: TimeInterval
  ) throws
    -> RoomVariables
  {
    var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
    for (command, at) in commands {
      for event in try state.decide(RoomCommand(command, in: "plenary"), at: nine.addingTimeInterval(at)) {
        state.apply(event)
      }
    }
    let now = nine.addingTimeInterval(seconds)
    let status = RoomStatus(room: conference.rooms[0], conference: conference, state: state, at: now)
    return RoomVariables(status: status, conference: conference, connected: true, at: now)
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
