import Foundation
import PodiumConfig
import PodiumCore
import PodiumProtocol
import XCTest

@testable import PodiumPluginKit

/// What automations answer, named from the state itself: the same state read again (a second
/// later, after a restart) gives the same ids, and a new fact gives a new one.
final class OccurrenceTests: XCTestCase {
  let nine = PlenaryFixture.nine
  let conference = PlenaryFixture.conference

  private func occurrences(
    after commands: [(any Command, TimeInterval)], at seconds: TimeInterval, overtime: Set<Int> = [],
    late: Set<Int> = []
  ) throws -> [Occurrence] {
    let (status, variables) = try PlenaryFixture.reading(after: commands, at: seconds)
    return Occurrence.all(in: status, variables: variables, overtimeMinutes: overtime, lateMinutes: late)
  }

  func testASessionStartedIsOneOccurrenceWhenEverItIsRead() throws {
    let started: [(any Command, TimeInterval)] = [(StartSession(), 0)]
    let soon = try occurrences(after: started, at: 10)
    let later = try occurrences(after: started, at: 600)
    XCTAssertEqual(soon.map(\.id), ["plenary/sessionStarted/opening@1782374400000"])
    XCTAssertEqual(later.map(\.id), soon.map(\.id))
    XCTAssertEqual(soon.first?.session, "opening")
  }

  func testPhasesAndMinutesOverAreNamedByTheRunTheyHappenIn() throws {
    let started: [(any Command, TimeInterval)] = [(StartSession(), 0)]
    let danger = try occurrences(after: started, at: 1800 - 30)
    XCTAssertTrue(
      danger.contains { $0.trigger == .phase(.danger) && $0.id == "plenary/phase/danger/opening@1782374400000" })
    let over = try occurrences(after: started, at: 1800 + 150, overtime: [1, 5], late: [2])
    XCTAssertEqual(over.filter { $0.trigger == .overtime(minutes: 1) }.count, 1)
    XCTAssertFalse(over.contains { $0.trigger == .overtime(minutes: 5) })  // 2.5 minutes over, not 5
    XCTAssertTrue(over.contains { $0.trigger == .late(minutes: 2) })
  }

  func testEachSpeakerAfterTheFirstIsAnOccurrence() throws {
    let first = try occurrences(after: [(StartSession(), 0)], at: 60)
    XCTAssertFalse(first.contains { $0.trigger == .speakerAdvanced })
    let second = try occurrences(after: [(StartSession(), 0), (NextSpeaker(), 300)], at: 360)
    XCTAssertEqual(
      second.filter { $0.trigger == .speakerAdvanced }.map(\.id), ["plenary/speakerAdvanced/opening@1782374400000/1"])
  }

  func testAnAutomationAnswersItsTriggerWhereItsFiltersMatch() throws {
    let started = try XCTUnwrap(try occurrences(after: [(StartSession(), 0)], at: 10).first)
    XCTAssertTrue(Automation(name: "any", trigger: .sessionStarted, actions: []).answers(started))
    XCTAssertTrue(
      Automation(name: "here", trigger: .sessionStarted, filter: .init(room: "plenary"), actions: []).answers(started))
    XCTAssertFalse(
      Automation(name: "there", trigger: .sessionStarted, filter: .init(room: "atelier"), actions: []).answers(started))
    XCTAssertFalse(
      Automation(name: "other session", trigger: .sessionStarted, filter: .init(session: "panel"), actions: [])
        .answers(started))
    XCTAssertFalse(Automation(name: "ended", trigger: .sessionEnded, actions: []).answers(started))
  }

  func testAStatusRepublishedLaterSaysTheSameButAChangeDoesNot() throws {
    var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
    for event in try state.decide(RoomCommand(StartSession(), in: "plenary"), at: nine) { state.apply(event) }
    let room = conference.rooms[0]
    let first = RoomStatus(room: room, conference: conference, state: state, at: nine.addingTimeInterval(10))
    let later = RoomStatus(room: room, conference: conference, state: state, at: nine.addingTimeInterval(1790))
    XCTAssertNotEqual(first, later)
    XCTAssertTrue(first.saysSame(as: later))
    for event in try state.decide(RoomCommand(SetRoomFull(full: true), in: "plenary"), at: nine.addingTimeInterval(20))
    {
      state.apply(event)
    }
    let full = RoomStatus(room: room, conference: conference, state: state, at: nine.addingTimeInterval(20))
    XCTAssertFalse(first.saysSame(as: full))
  }
}
