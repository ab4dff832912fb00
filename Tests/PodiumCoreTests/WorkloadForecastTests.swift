import Foundation
import PodiumCore
import XCTest

/// Booth time forecast for the rest of the day from the room's lateness, at fixed instants.
final class WorkloadForecastTests: XCTestCase {
  /// One booth of two, a 2 h 30 limit, three sessions: 09:00–10:00, 10:00–11:00, 11:30–12:30.
  static let conference = Conference(
    id: "test", name: "Test", timeZone: "Africa/Casablanca",
    languages: [Language(code: "ar", name: "العربية"), Language(code: "fr", name: "Français")],
    rooms: [
      Room(
        id: "plenary", name: "Plénière",
        booths: [
          Booth(
            id: "ar", language: "ar", channel: 1, sourceLanguages: ["fr"],
            interpreters: [Interpreter(id: "amina", name: "Amina"), Interpreter(id: "karim", name: "Karim")])
        ])
    ],
    sessions: [
      Session(
        id: "s1", roomId: "plenary", title: "1", plannedStart: Fixtures.at(minutes: 0),
        plannedEnd: Fixtures.at(minutes: 60)),
      Session(
        id: "s2", roomId: "plenary", title: "2", plannedStart: Fixtures.at(minutes: 60),
        plannedEnd: Fixtures.at(minutes: 120)),
      Session(
        id: "s3", roomId: "plenary", title: "3", plannedStart: Fixtures.at(minutes: 150),
        plannedEnd: Fixtures.at(minutes: 210)),
    ],
    workingConditions: WorkingConditions(maximumDay: 2.5 * 3600))

  private func forecast(_ state: ConferenceState, at minutes: Double) -> [WorkloadForecast.Line] {
    WorkloadForecast(
      room: Self.conference.rooms[0], conference: Self.conference, state: state, at: Fixtures.at(minutes: minutes)
    )
    .lines
  }

  func testOnTimeTheLimitFallsInTheLastSessionAndLatenessBringsItForward() throws {
    var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: Self.conference)))
    try Fixtures.run(&state, StartSession(), at: Fixtures.at(minutes: 0))
    let onTime = try XCTUnwrap(forecast(state, at: 30).first)
    XCTAssertEqual(onTime.sofar, 1800, accuracy: 0.001)
    XCTAssertEqual(onTime.forecast, 3 * 3600, accuracy: 0.001)
    XCTAssertEqual(onTime.crossesAt, Fixtures.at(minutes: 180))  // 2 h at 11:00, then 30 min of session 3
    XCTAssertEqual(onTime.message, "at this lateness, Amina (plenary AR) passes 2 h 30 min of booth time at 12:00")

    // 20 minutes added: session 2 runs 10:20–11:20, the gap absorbs 10 minutes, session 3 from 11:30.
    try Fixtures.run(&state, AddTime(seconds: 1200), at: Fixtures.at(minutes: 5))
    let late = try XCTUnwrap(forecast(state, at: 30).first)
    XCTAssertEqual(late.forecast, 3 * 3600 + 1200, accuracy: 0.001)
    XCTAssertEqual(late.crossesAt, Fixtures.at(minutes: 160))  // 2 h 20 by 11:20, 10 more minutes from 11:30
    XCTAssertEqual(forecast(state, at: 30).map(\.interpreter.id), ["amina", "karim"])
  }

  func testNoWarningWhenTheDayStaysUnderTheLimitOrHasPassedIt() throws {
    var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: Self.conference)))
    try Fixtures.run(&state, StartSession(), at: Fixtures.at(minutes: 0))
    try Fixtures.run(&state, EndSession(), at: Fixtures.at(minutes: 60))
    try Fixtures.run(&state, StartSession(session: "s3"), at: Fixtures.at(minutes: 150))  // session 2 skipped
    let under = try XCTUnwrap(forecast(state, at: 160).first)
    XCTAssertEqual(under.forecast, 2 * 3600, accuracy: 0.001)
    XCTAssertNil(under.crossesAt)
    XCTAssertNil(under.message)
  }
}
