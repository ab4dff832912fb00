import Foundation
import PodiumCore
import XCTest

/// What the schedule makes due at fixed instants: end actions, rolling rooms, holds, and the
/// same fact never due twice.
final class ScheduleTests: XCTestCase {
  /// The atlas room: a 30-minute talk ending `endAction`, then a break-free talk at 0:30 and one at 1:00.
  static func loaded(endAction: EndAction? = nil, roll: Bool? = nil) -> ConferenceState {
    var conference = Fixtures.conference
    conference.rooms[1].roll = roll
    conference.sessions.removeAll { $0.roomId == "atlas" }
    conference.sessions += [
      Session(
        id: "talk-1", roomId: "atlas", title: "Talk 1", plannedStart: Fixtures.at(minutes: 0),
        plannedEnd: Fixtures.at(minutes: 30), endAction: endAction),
      Session(
        id: "talk-2", roomId: "atlas", title: "Talk 2", plannedStart: Fixtures.at(minutes: 30),
        plannedEnd: Fixtures.at(minutes: 60), timerKind: .countUp),
      Session(
        id: "talk-3", roomId: "atlas", title: "Talk 3", plannedStart: Fixtures.at(minutes: 70),
        plannedEnd: Fixtures.at(minutes: 90)),
    ]
    return ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
  }

  /// Applies what is due at `minutes`, as the daemon does; returns the names of the commands.
  @discardableResult
  private func runDue(_ state: inout ConferenceState, at minutes: Double) throws -> [String] {
    let due = state.due(at: Fixtures.at(minutes: minutes))
    for scheduled in due {
      for event in try state.decide(scheduled.command, at: Fixtures.at(minutes: minutes)) { state.apply(event) }
    }
    return due.map(\.command.name)
  }

  func testNothingIsDueInARoomThatNeitherRollsNorHasEndActions() throws {
    var state = Self.loaded()
    try Fixtures.run(&state, StartSession(), room: "atlas", at: Fixtures.at(minutes: 0))
    XCTAssertEqual(try runDue(&state, at: 45), [], "it runs over until the operator ends it")
    XCTAssertNil(state.nextDue(after: Fixtures.at(minutes: 45)))
  }

  func testStartNextEndsTheSessionAtZeroAndStartsTheNextAtOnce() throws {
    var state = Self.loaded(endAction: .startNext)
    try Fixtures.run(&state, StartSession(), room: "atlas", at: Fixtures.at(minutes: 2))
    XCTAssertEqual(state.nextDue(after: Fixtures.at(minutes: 3)), Fixtures.at(minutes: 32))
    XCTAssertEqual(try runDue(&state, at: 31.9), [])
    XCTAssertEqual(try runDue(&state, at: 32), [EndSession.name, StartSession.name])
    XCTAssertEqual(state.room("atlas").currentSessionId, "talk-2")
    XCTAssertEqual(state.room("atlas").records["talk-1"]?.endedAt, Fixtures.at(minutes: 32))
    XCTAssertEqual(try runDue(&state, at: 32), [], "once decided, never due again")
  }

  func testAPausedCountdownWaitsAndLoadNextLeavesTheNextToTheOperator() throws {
    var state = Self.loaded(endAction: .loadNext)
    try Fixtures.run(&state, StartSession(), room: "atlas", at: Fixtures.at(minutes: 0))
    try Fixtures.run(&state, PauseSession(), room: "atlas", at: Fixtures.at(minutes: 20))
    XCTAssertEqual(try runDue(&state, at: 35), [], "paused")
    XCTAssertNil(state.nextDue(after: Fixtures.at(minutes: 35)))
    try Fixtures.run(&state, ResumeSession(), room: "atlas", at: Fixtures.at(minutes: 40))
    XCTAssertEqual(state.nextDue(after: Fixtures.at(minutes: 40)), Fixtures.at(minutes: 50))
    XCTAssertEqual(try runDue(&state, at: 50), [EndSession.name])
    XCTAssertNil(state.room("atlas").currentSessionId)
    XCTAssertEqual(try runDue(&state, at: 55), [], "the room does not roll: talk 2 waits")
  }

  func testARollingRoomStartsEachSessionWhenDueAndLateWhenRunningLate() throws {
    var state = Self.loaded(roll: true)
    XCTAssertEqual(state.nextDue(after: Fixtures.at(minutes: -5)), Fixtures.at(minutes: 0))
    XCTAssertEqual(try runDue(&state, at: -0.1), [])
    let due = state.due(at: Fixtures.at(minutes: 0))
    XCTAssertEqual(due.map(\.id), ["schedule:atlas:start:talk-1@1782374400000"])
    try runDue(&state, at: 0)
    XCTAssertEqual(state.room("atlas").currentSessionId, "talk-1")
    // Running late: talk 2 is due at 0:30 but starts only when talk 1 ends, at once.
    XCTAssertEqual(try runDue(&state, at: 35), [])
    try Fixtures.run(&state, EndSession(), room: "atlas", at: Fixtures.at(minutes: 38))
    XCTAssertEqual(try runDue(&state, at: 38), [StartSession.name])
    XCTAssertEqual(state.room("atlas").records["talk-2"]?.startedAt, Fixtures.at(minutes: 38))
    // Ended early, talk 3 waits for its planned start.
    try Fixtures.run(&state, EndSession(), room: "atlas", at: Fixtures.at(minutes: 60))
    XCTAssertEqual(state.nextDue(after: Fixtures.at(minutes: 60)), Fixtures.at(minutes: 70))
    XCTAssertEqual(try runDue(&state, at: 69), [])
    XCTAssertEqual(try runDue(&state, at: 70), [StartSession.name])
  }

  func testAHeldRollStartsNothingUntilReleased() throws {
    var state = Self.loaded(roll: true)
    try Fixtures.run(&state, SetRoll(mode: .held), room: "atlas", at: Fixtures.at(minutes: -1))
    XCTAssertEqual(try runDue(&state, at: 5), [])
    XCTAssertNil(state.nextDue(after: Fixtures.at(minutes: 5)))
    XCTAssertEqual(
      try state.decide(RoomCommand(SetRoll(mode: .held), in: "atlas"), at: Fixtures.at(minutes: 5)).count, 0)
    try Fixtures.run(&state, SetRoll(mode: .rolling), room: "atlas", at: Fixtures.at(minutes: 6))
    XCTAssertEqual(try runDue(&state, at: 6), [StartSession.name], "released, the late start happens once")
    XCTAssertEqual(try runDue(&state, at: 6), [])
    var manual = Self.loaded()
    try Fixtures.run(&manual, SetRoll(mode: .rolling), room: "atlas", at: Fixtures.at(minutes: -1))
    XCTAssertEqual(try runDue(&manual, at: 0), [StartSession.name], "a room the programme does not roll, rolled live")
  }
}
