import PodiumCore
import XCTest

final class RoomTimelineTests: XCTestCase {
  private func timeline(_ state: ConferenceState, at minutes: Double, room: String = "plenary") -> RoomTimeline {
    RoomTimeline(conference: Fixtures.conference, state: state.room(room), at: Fixtures.at(minutes: minutes))
  }

  func testALateStartPushesTheNextSessionAndAGapAbsorbsIt() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.at(minutes: 10))
    let view = timeline(state, at: 12)
    XCTAssertEqual(view.offset, 600)
    XCTAssertEqual(view.upcoming.map(\.session.id), ["panel", "closing"])
    XCTAssertEqual(view.upcoming[0].expectedStart, Fixtures.at(minutes: 40))
    XCTAssertEqual(view.upcoming[0].delay, 600)
    // The panel ends at 100 instead of 90; the 30-minute gap before the closing absorbs it.
    XCTAssertEqual(view.upcoming[1].expectedStart, Fixtures.at(minutes: 120))
    XCTAssertEqual(view.upcoming[1].delay, 0)
  }

  func testOvertimeAndPausesAddToTheOffset() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    try Fixtures.run(&state, PauseSession(), at: Fixtures.at(minutes: 10))
    XCTAssertEqual(timeline(state, at: 14).offset, 240)
    try Fixtures.run(&state, ResumeSession(), at: Fixtures.at(minutes: 15))
    try Fixtures.run(&state, AddTime(seconds: 120), at: Fixtures.at(minutes: 15))
    // Ends at 30 + 5 paused + 2 added = 37; at 45 it runs 8 minutes over: 15 minutes late.
    let view = timeline(state, at: 45)
    XCTAssertEqual(view.current?.phase, .overtime)
    XCTAssertEqual(view.current?.timeLeft, -480)
    XCTAssertEqual(view.offset, 900)
    XCTAssertEqual(view.next?.expectedStart, Fixtures.at(minutes: 45))
  }

  func testEarlyEndDoesNotPullTheNextSessionForward() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    try Fixtures.run(&state, EndSession(), at: Fixtures.at(minutes: 20))
    let view = timeline(state, at: 21)
    XCTAssertNil(view.current)
    XCTAssertEqual(view.next?.session.id, "panel")
    XCTAssertEqual(view.next?.expectedStart, Fixtures.at(minutes: 30))
    XCTAssertEqual(view.offset, 0)
  }

  func testAnIdleRoomPastItsNextStartRunsLate() {
    let view = timeline(Fixtures.loaded, at: 7)
    XCTAssertEqual(view.next?.session.id, "opening")
    XCTAssertEqual(view.next?.expectedStart, Fixtures.at(minutes: 7))
    XCTAssertEqual(view.offset, 420)
  }

  func testSessionsBeforeTheOneOnAreSkipped() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(session: "panel"), at: Fixtures.at(minutes: 30))
    XCTAssertEqual(timeline(state, at: 31).upcoming.map(\.session.id), ["closing"])
    try Fixtures.run(&state, EndSession(), at: Fixtures.at(minutes: 90))
    XCTAssertEqual(timeline(state, at: 91).upcoming.map(\.session.id), ["closing"])
  }

  func testSpeakerAndFloorLanguageFollowTheSpeakingOrder() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    XCTAssertEqual(timeline(state, at: 1).current?.floorLanguage, "ar")
    XCTAssertEqual(timeline(state, at: 1).current?.nextSpeaker?.name, "Jean")
    try Fixtures.run(&state, NextSpeaker(), at: Fixtures.at(minutes: 5))
    XCTAssertEqual(timeline(state, at: 6).current?.speaker?.name, "Jean")
    XCTAssertEqual(timeline(state, at: 6).current?.floorLanguage, "fr")
    XCTAssertNil(timeline(state, at: 6).current?.nextSpeaker)
  }

  func testALiveDemoShiftsTheFirstSessionToTenMinutesAgo() {
    let now = Fixtures.at(minutes: 60 * 24 * 3 + 0.5)
    let live = Fixtures.conference.live(at: now)
    let first = live.sessions.map(\.plannedStart).min()!
    XCTAssertEqual(now.timeIntervalSince(first), 630, accuracy: 60)
    XCTAssertEqual(live.sessions[0].plannedDuration, Fixtures.conference.sessions[0].plannedDuration)
  }
}
