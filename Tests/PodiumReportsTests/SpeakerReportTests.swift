import Foundation
import PodiumCore
import XCTest

@testable import PodiumReports

/// Per speaker planned against actual speaking time, from events at fixed instants.
final class SpeakerReportTests: XCTestCase {
  let nine = Date(timeIntervalSince1970: 1_782_374_400)

  lazy var conference = Conference(
    id: "test", name: "Test", timeZone: "Africa/Casablanca", languages: [Language(code: "fr", name: "Français")],
    rooms: [Room(id: "atlas", name: "Atlas")],
    sessions: [
      Session(
        id: "panel", roomId: "atlas", title: "Panel", plannedStart: nine, plannedEnd: nine.addingTimeInterval(1800),
        speakers: [
          Speaker(name: "Nadia", speakingTime: 420), Speaker(name: "Claire", speakingTime: 420),
          Speaker(name: "Omar", speakingTime: 420),
        ])
    ])

  func testEachSpeakersTimeIsTheirsWhileTheCountdownRanPausesExcluded() throws {
    var recorder = SpeakerReport.Recorder()
    var state = ConferenceState()
    func record(_ event: AnyEvent, at seconds: TimeInterval) {
      state.apply(event)
      recorder.apply(event, at: nine.addingTimeInterval(seconds))
    }
    func run(_ command: any Command, at seconds: TimeInterval) throws {
      for event in try state.decide(RoomCommand(command, in: "atlas"), at: nine.addingTimeInterval(seconds)) {
        record(event, at: seconds)
      }
    }
    record(AnyEvent(ConferenceLoaded(conference: conference)), at: -600)
    try run(StartSession(), at: 0)
    try run(PauseSession(), at: 300)
    try run(ResumeSession(), at: 360)  // a minute's pause: not Nadia's time
    try run(NextSpeaker(), at: 540)  // Nadia: 8 min
    try run(SetSpeakingTime(position: 1, seconds: 300), at: 600)
    try run(MoveSpeaker(from: 2, to: 2), at: 600)  // nothing: no event
    let report = recorder.report(at: nine.addingTimeInterval(900))  // Claire: 6 min so far
    XCTAssertEqual(report.lines.map(\.speaker), ["Nadia", "Claire", "Omar"])
    XCTAssertEqual(report.lines.map(\.spoken), [480, 360, 0])
    XCTAssertEqual(report.lines.map(\.planned), [420, 300, 420])
    XCTAssertEqual(report.lines.map(\.overrun), [60, 60, -420])
    XCTAssertTrue(
      report.csv.hasPrefix(
        "room,session,title,speaker,planned_s,spoken_s,overrun_s\r\natlas,panel,Panel,Nadia,420,480,60\r\n"), report.csv
    )
  }
}
