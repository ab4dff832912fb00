import PodiumCore
import XCTest

final class DecideTests: XCTestCase {
  func testStartWithoutASessionStartsTheRoomsNextOne() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.at(minutes: 2))
    XCTAssertEqual(state.room("plenary").currentSessionId, "opening")
    XCTAssertEqual(state.room("plenary").timer?.startedAt, Fixtures.at(minutes: 2))
    XCTAssertEqual(state.room("plenary").timer?.duration, 1800)
  }

  func testStartWhileASessionIsOnIsRefused() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    XCTAssertThrowsError(
      try state.decide(RoomCommand(StartSession(session: "panel"), in: "plenary"), at: Fixtures.nine)
    ) {
      XCTAssertEqual(($0 as? CommandRejection)?.reason, .notAllowedInState)
    }
  }

  func testUnknownRoomAndSessionAreNamed() {
    let state = Fixtures.loaded
    XCTAssertThrowsError(try state.decide(RoomCommand(PauseSession(), in: "hall-z"), at: Fixtures.nine)) {
      let rejection = $0 as? CommandRejection
      XCTAssertEqual(rejection?.reason, .unknownRoom)
      XCTAssertTrue(rejection?.message.contains("hall-z") ?? false)
    }
    XCTAssertThrowsError(try state.decide(RoomCommand(StartSession(session: "nope"), in: "plenary"), at: Fixtures.nine))
    {
      XCTAssertEqual(($0 as? CommandRejection)?.reason, .unknownSession)
    }
    XCTAssertThrowsError(
      try state.decide(RoomCommand(StartSession(session: "workshop"), in: "plenary"), at: Fixtures.nine)
    ) {
      XCTAssertEqual(($0 as? CommandRejection)?.field, "session")
    }
  }

  func testCommandsBeforeAnyConferenceAreRefused() {
    XCTAssertThrowsError(try ConferenceState().decide(RoomCommand(PauseSession(), in: "plenary"), at: Fixtures.nine)) {
      XCTAssertEqual(($0 as? CommandRejection)?.reason, .notAllowedInState)
    }
  }

  func testPauseAndResumeNeedTheRightState() throws {
    var state = Fixtures.loaded
    XCTAssertThrowsError(try state.decide(RoomCommand(PauseSession(), in: "plenary"), at: Fixtures.nine))
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    XCTAssertThrowsError(try state.decide(RoomCommand(ResumeSession(), in: "plenary"), at: Fixtures.nine))
    try Fixtures.run(&state, PauseSession(), at: Fixtures.at(minutes: 10))
    XCTAssertThrowsError(try state.decide(RoomCommand(PauseSession(), in: "plenary"), at: Fixtures.at(minutes: 11)))
    try Fixtures.run(&state, ResumeSession(), at: Fixtures.at(minutes: 15))
    XCTAssertEqual(state.room("plenary").timer?.pausedTotal, 300)
    XCTAssertNil(state.room("plenary").timer?.pausedAt)
  }

  func testEndRecordsTheActualTimesAndAnEndedSessionCannotRestart() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.at(minutes: 3))
    try Fixtures.run(&state, EndSession(), at: Fixtures.at(minutes: 40))
    XCTAssertEqual(
      state.room("plenary").records["opening"],
      SessionRecord(startedAt: Fixtures.at(minutes: 3), endedAt: Fixtures.at(minutes: 40)))
    XCTAssertNil(state.room("plenary").currentSessionId)
    XCTAssertThrowsError(
      try state.decide(RoomCommand(StartSession(session: "opening"), in: "plenary"), at: Fixtures.at(minutes: 41)))
    try Fixtures.run(&state, StartSession(), at: Fixtures.at(minutes: 41))
    XCTAssertEqual(state.room("plenary").currentSessionId, "panel")
  }

  func testNextSpeakerStopsAtTheLastSpeaker() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    try Fixtures.run(&state, NextSpeaker(), at: Fixtures.at(minutes: 12))
    XCTAssertEqual(state.room("plenary").speakerIndex, 1)
    XCTAssertEqual(state.room("plenary").speakerStartedAt, Fixtures.at(minutes: 12))
    XCTAssertThrowsError(try state.decide(RoomCommand(NextSpeaker(), in: "plenary"), at: Fixtures.at(minutes: 13)))
  }

  func testAddTimeIsBounded() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    try Fixtures.run(&state, AddTime(seconds: -120), at: Fixtures.nine)
    XCTAssertEqual(state.room("plenary").timer?.added, -120)
    for bad in [0, 4 * 3600, -.infinity, .nan] as [Double] {
      XCTAssertThrowsError(try state.decide(RoomCommand(AddTime(seconds: bad), in: "plenary"), at: Fixtures.nine)) {
        XCTAssertEqual(($0 as? CommandRejection)?.field, "seconds")
      }
    }
  }

  func testThresholdsMustBeOrdered() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, SetThresholds(warning: 600, danger: 120), at: Fixtures.nine)
    XCTAssertEqual(state.room("plenary").thresholds, Thresholds(warning: 600, danger: 120))
    XCTAssertThrowsError(
      try state.decide(RoomCommand(SetThresholds(warning: 60, danger: 60), in: "plenary"), at: Fixtures.nine))
    XCTAssertThrowsError(
      try state.decide(RoomCommand(SetThresholds(warning: 60, danger: -1), in: "plenary"), at: Fixtures.nine))
  }

  func testMessagesAreTrimmedBoundedAndClearable() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, ShowMessage(text: "  الرجاء الاختصار  ", blink: true), at: Fixtures.nine)
    XCTAssertEqual(state.room("plenary").message, SpeakerMessage(text: "الرجاء الاختصار", blink: true))
    let long = String(repeating: "x", count: SpeakerMessage.maximumLength + 1)
    XCTAssertThrowsError(
      try state.decide(RoomCommand(ShowMessage(text: long), in: "plenary"), at: Fixtures.nine))
    XCTAssertThrowsError(try state.decide(RoomCommand(ShowMessage(text: " "), in: "plenary"), at: Fixtures.nine))
    XCTAssertNoThrow(
      try state.decide(RoomCommand(ShowMessage(text: "", blackout: true), in: "plenary"), at: Fixtures.nine))
    try Fixtures.run(&state, ClearMessage(), at: Fixtures.nine)
    XCTAssertNil(state.room("plenary").message)
    XCTAssertEqual(try state.decide(RoomCommand(ClearMessage(), in: "plenary"), at: Fixtures.nine), [])
  }

  func testTheOperatorSaysWhenTheRoomIsFullAndSayingItAgainChangesNothing() throws {
    var state = Fixtures.loaded
    XCTAssertFalse(state.room("plenary").full)
    let full = try state.decide(RoomCommand(SetRoomFull(full: true), in: "plenary"), at: Fixtures.nine)
    XCTAssertEqual(full, [AnyEvent(RoomFullSet(room: "plenary", full: true, at: Fixtures.nine))])
    full.forEach { state.apply($0) }
    XCTAssertTrue(state.room("plenary").full)
    XCTAssertFalse(state.room("atlas").full, "one room's crowd is its own")
    XCTAssertEqual(try state.decide(RoomCommand(SetRoomFull(full: true), in: "plenary"), at: Fixtures.nine), [])
    try Fixtures.run(&state, SetRoomFull(full: false), at: Fixtures.at(minutes: 5))
    XCTAssertFalse(state.room("plenary").full)
  }

  func testReplayingTheEventsGivesTheSameState() throws {
    var state = Fixtures.loaded
    var events: [AnyEvent] = [AnyEvent(ConferenceLoaded(conference: Fixtures.conference))]
    let script: [(any Command, Double)] = [
      (StartSession(), 1), (PauseSession(), 5), (ResumeSession(), 7), (AddTime(seconds: 60), 8), (NextSpeaker(), 9),
      (EndSession(), 33),
    ]
    for (command, minute) in script {
      let decided = try state.decide(RoomCommand(command, in: "plenary"), at: Fixtures.at(minutes: minute))
      events += decided
      decided.forEach { state.apply($0) }
    }
    XCTAssertEqual(ConferenceState.replaying(events), state)
  }

  func testAReloadedConferenceKeepsLiveRooms() throws {
    var state = Fixtures.loaded
    try Fixtures.run(&state, StartSession(), at: Fixtures.nine)
    var changed = Fixtures.conference
    changed.name = "Renamed"
    state.apply(AnyEvent(ConferenceLoaded(conference: changed)))
    XCTAssertEqual(state.conference?.name, "Renamed")
    XCTAssertEqual(state.room("plenary").currentSessionId, "opening")
  }
}

final class LoadTests: XCTestCase {
  func testLoadingTheSameProgrammeChangesNothing() {
    XCTAssertEqual(Fixtures.loaded.load(Fixtures.conference), [])
  }

  func testANewProgrammeTellsTheRoomsWhoseSessionsChanged() {
    var changed = Fixtures.conference
    changed.sessions[1].title = "Table ronde"
    XCTAssertEqual(
      Fixtures.loaded.load(changed),
      [AnyEvent(ConferenceLoaded(conference: changed)), AnyEvent(ProgrammeChanged(room: "plenary"))])
    XCTAssertEqual(
      ConferenceState().load(Fixtures.conference).count, 1 + Fixtures.conference.rooms.count,
      "a first load reaches every room")
  }
}

final class ProgrammeDiffTests: XCTestCase {
  func testSessionsAreMatchedByIdAndChangesNamed() {
    var new = Fixtures.conference
    new.sessions[1].title = "Table ronde"
    new.sessions[1].plannedEnd += 600
    new.sessions.remove(at: 2)
    new.sessions.append(
      Session(
        id: "late", roomId: "atlas", title: "Late", plannedStart: Fixtures.at(minutes: 200),
        plannedEnd: Fixtures.at(minutes: 230)))
    let diff = ProgrammeDiff(from: Fixtures.conference, to: new)
    XCTAssertEqual(diff.added.map(\.id), ["late"])
    XCTAssertEqual(diff.removed.map(\.id), ["closing"])
    XCTAssertEqual(diff.changed.map(\.after.id), ["panel"])
    XCTAssertEqual(diff.changed.first?.fields, ["title", "end"])
    XCTAssertTrue(ProgrammeDiff(from: Fixtures.conference, to: Fixtures.conference).isEmpty)
  }
}
