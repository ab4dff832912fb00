import Foundation
import PodiumCore
import XCTest

/// A ministerial panel of speakers with their own speaking times, driven through its slots
/// and its live lineup changes at fixed instants.
final class SpeakingSlotTests: XCTestCase {
  /// A 35-minute panel in the atlas room: three speakers of 7 minutes and a chair with none.
  static let panel = Session(
    id: "panel-care", roomId: "atlas", title: "Panel", plannedStart: Fixtures.at(minutes: 0),
    plannedEnd: Fixtures.at(minutes: 35),
    speakers: [
      Speaker(name: "Chair"), Speaker(name: "Nadia", language: "ar", speakingTime: 420),
      Speaker(name: "Claire", language: "fr", speakingTime: 420),
      Speaker(name: "Omar", language: "ar", speakingTime: 420),
    ])

  /// The test conference with the panel (and `sessions`) in the atlas room.
  static func loaded(with sessions: [Session] = []) -> ConferenceState {
    var conference = Fixtures.conference
    conference.sessions.removeAll { $0.roomId == "atlas" }
    conference.sessions += [panel] + sessions
    return ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
  }

  var state = SpeakingSlotTests.loaded()

  private func run(_ command: any Command, at minutes: Double) throws {
    try Fixtures.run(&state, command, room: "atlas", at: Fixtures.at(minutes: minutes))
  }

  private func timeline(at minutes: Double) -> RoomTimeline {
    RoomTimeline(conference: state.conference!, state: state.room("atlas"), at: Fixtures.at(minutes: minutes))
  }

  private func refusal(_ command: any Command, at minutes: Double) -> CommandRejection? {
    do {
      _ = try state.decide(RoomCommand(command, in: "atlas"), at: Fixtures.at(minutes: minutes))
      return nil
    } catch {
      return error as? CommandRejection
    }
  }

  func testNextSpeakerStartsTheirSlotAndTheSessionCountsOnBeneathIt() throws {
    try run(StartSession(), at: 0)
    XCTAssertNil(timeline(at: 1).current?.slot, "the chair has no speaking time")
    try run(NextSpeaker(), at: 2)
    let slot = try XCTUnwrap(timeline(at: 5).current?.slot)
    XCTAssertEqual(slot.allotted, 420)
    XCTAssertEqual(slot.elapsed, 180, accuracy: 0.001)
    XCTAssertEqual(slot.timeLeft, 240, accuracy: 0.001)
    XCTAssertEqual(slot.endsAt, Fixtures.at(minutes: 9))
    XCTAssertEqual(slot.phase, .normal)
    XCTAssertEqual(timeline(at: 5).current?.timeLeft ?? 0, 30 * 60, accuracy: 0.001)
    XCTAssertEqual(timeline(at: 7.5).current?.slot?.phase, .warning)  // 1:30 left of 7 min: under a quarter
    XCTAssertEqual(timeline(at: 8.5).current?.slot?.phase, .danger)  // 0:30 left: under a tenth (0:42)
    XCTAssertEqual(timeline(at: 10).current?.slot?.phase, .overtime)
    XCTAssertEqual(timeline(at: 10).current?.slot?.timeLeft ?? 0, -60, accuracy: 0.001)
    XCTAssertEqual(timeline(at: 10).current?.phase, .normal, "the session is not late for a slot running over")
    try run(NextSpeaker(), at: 10)
    XCTAssertEqual(timeline(at: 11).current?.slot?.timeLeft ?? 0, 360, accuracy: 0.001)
    XCTAssertEqual(timeline(at: 11).current?.speaker?.name, "Claire")
  }

  func testAPauseStopsTheSlotWithTheSession() throws {
    try run(StartSession(), at: 0)
    try run(NextSpeaker(), at: 1)
    try run(PauseSession(), at: 3)
    XCTAssertEqual(timeline(at: 6).current?.slot?.timeLeft ?? 0, 300, accuracy: 0.001)
    try run(ResumeSession(), at: 6)
    XCTAssertEqual(timeline(at: 8).current?.slot?.timeLeft ?? 0, 180, accuracy: 0.001)
  }

  func testTheLineupChangesLiveButNotWhoSpokeOrSpeaks() throws {
    try run(StartSession(), at: 0)
    try run(NextSpeaker(), at: 2)  // Nadia has the floor
    try run(MoveSpeaker(from: 3, to: 2), at: 3)  // Omar before Claire
    XCTAssertEqual(timeline(at: 3).current?.lineup.map(\.name), ["Chair", "Nadia", "Omar", "Claire"])
    XCTAssertEqual(timeline(at: 3).current?.nextSpeaker?.name, "Omar")
    try run(AddSpeaker(speaker: "  Aïcha  ", language: "fr", seconds: 300, position: 2), at: 4)
    XCTAssertEqual(timeline(at: 4).current?.nextSpeaker, Speaker(name: "Aïcha", language: "fr", speakingTime: 300))
    try run(RemoveSpeaker(position: 4), at: 5)
    XCTAssertEqual(timeline(at: 5).current?.lineup.map(\.name), ["Chair", "Nadia", "Aïcha", "Omar"])
    XCTAssertEqual(timeline(at: 5).current?.speaker?.name, "Nadia")
    XCTAssertEqual(timeline(at: 5).current?.slot?.timeLeft ?? 0, 240, accuracy: 0.001, "her slot is untouched")
    // Those who spoke and the speaker with the floor are history.
    XCTAssertEqual(refusal(RemoveSpeaker(position: 1), at: 6)?.field, "position")
    XCTAssertEqual(refusal(MoveSpeaker(from: 0, to: 3), at: 6)?.field, "from")
    XCTAssertEqual(refusal(AddSpeaker(speaker: "X", position: 1), at: 6)?.field, "position")
    XCTAssertEqual(refusal(AddSpeaker(speaker: "X", language: "de"), at: 6)?.field, "language")
    XCTAssertEqual(refusal(AddSpeaker(speaker: "   "), at: 6)?.field, "speaker")
    // Her own time changes live: the slot counts from when she took the floor.
    try run(SetSpeakingTime(position: 1, seconds: 600), at: 6)
    XCTAssertEqual(timeline(at: 6).current?.slot?.timeLeft ?? 0, 360, accuracy: 0.001)
    XCTAssertEqual(refusal(SetSpeakingTime(position: 0, seconds: 600), at: 6)?.field, "position")
    XCTAssertEqual(state.room("atlas").lineup?.count, 4, "kept in the room's state")
  }

  func testNegativeOrAbsurdSpeakingTimesAreRefusedAndAnOverrunIsWarned() throws {
    try run(StartSession(), at: 0)
    XCTAssertEqual(refusal(SetSpeakingTime(position: 2, seconds: -60), at: 1)?.field, "seconds")
    XCTAssertEqual(refusal(SetSpeakingTime(position: 2, seconds: 5 * 3600), at: 1)?.field, "seconds")
    XCTAssertEqual(refusal(AddSpeaker(speaker: "Y", seconds: .infinity), at: 1)?.field, "seconds")
    XCTAssertNil(timeline(at: 1).current?.session.speakingTimeOverrun(of: timeline(at: 1).current!.lineup))
    try run(AddSpeaker(speaker: "Late guest", seconds: 900), at: 1)  // 21 + 15 = 36 min in a 35-minute panel
    let current = try XCTUnwrap(timeline(at: 1).current)
    XCTAssertEqual(current.session.speakingTimeOverrun(of: current.lineup) ?? 0, 60, accuracy: 0.001)
    XCTAssertEqual(
      try state.decide(
        RoomCommand(SetSpeakingTime(position: 2, seconds: 420), in: "atlas"), at: Fixtures.at(minutes: 2)
      ).count, 0, "no change, no event")
  }

  func testAnEndedSessionReopensAsItStoodWhileItsTimeLasts() throws {
    try run(StartSession(), at: 0)
    try run(NextSpeaker(), at: 2)
    try run(AddTime(seconds: 120), at: 3)
    try run(EndSession(), at: 4)  // by mistake
    XCTAssertNil(state.room("atlas").currentSessionId)
    try run(ReopenSession(), at: 5)
    let room = state.room("atlas")
    XCTAssertEqual(room.currentSessionId, "panel-care")
    XCTAssertNil(room.records["panel-care"]?.endedAt)
    XCTAssertEqual(room.timer?.added, 120)
    XCTAssertEqual(timeline(at: 5).current?.speaker?.name, "Nadia")
    XCTAssertEqual(timeline(at: 5).current?.timeLeft ?? 0, 32 * 60, accuracy: 0.001, "as if never ended")
    XCTAssertEqual(timeline(at: 5).current?.slot?.timeLeft ?? 0, 240, accuracy: 0.001)
    XCTAssertEqual(refusal(ReopenSession(), at: 6)?.reason, .notAllowedInState, "it is on")
  }

  func testAnEndCannotBeUndoneOnceItsTimeRanOutOrAnotherSessionStarted() throws {
    try run(StartSession(), at: 0)
    try run(EndSession(), at: 30)  // 5 min left
    XCTAssertEqual(refusal(ReopenSession(session: "other"), at: 31)?.field, "session")
    XCTAssertNil(refusal(ReopenSession(), at: 35))
    XCTAssertNotNil(refusal(ReopenSession(), at: 35.1), "its countdown would have run out")

    state = Self.loaded()
    try run(StartSession(), at: 0)
    try run(EndSession(), at: 50)  // 15 min over: 5 minutes' grace
    XCTAssertNil(refusal(ReopenSession(), at: 54.9))
    XCTAssertNotNil(refusal(ReopenSession(), at: 55.1))

    state = Self.loaded(with: [
      Session(
        id: "next", roomId: "atlas", title: "Next", plannedStart: Fixtures.at(minutes: 60),
        plannedEnd: Fixtures.at(minutes: 90))
    ])
    try run(StartSession(), at: 0)
    try run(EndSession(), at: 10)
    try run(StartSession(session: "next"), at: 11)
    try run(EndSession(), at: 12)
    XCTAssertEqual(refusal(ReopenSession(session: "panel-care"), at: 13)?.field, "session", "only the last one ended")
  }
}
