import Foundation
import PodiumCore
import XCTest

@testable import PodiumReports

final class ProgrammeReportTests: XCTestCase {
  private let nine = Date(timeIntervalSince1970: 1_782_374_400)  // 09:00 in Rabat (UTC+1), 25 June 2026
  private func at(_ minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }

  private var conference: Conference {
    Conference(
      id: "c", name: "Conférence <test>", timeZone: "Africa/Casablanca", languages: [],
      rooms: [Room(id: "plenary", name: "القاعة الكبرى")],
      sessions: [
        Session(id: "a", roomId: "plenary", title: "الافتتاح", plannedStart: at(0), plannedEnd: at(30)),
        Session(id: "b", roomId: "plenary", title: "Panel, \"care\"", plannedStart: at(30), plannedEnd: at(90)),
        Session(id: "c", roomId: "plenary", title: "Closing", plannedStart: at(120), plannedEnd: at(150)),
      ])
  }

  /// Session a starts 5 minutes late and runs 10 over; b is skipped; c is on.
  private var state: ConferenceState {
    ConferenceState.replaying([
      AnyEvent(ConferenceLoaded(conference: conference)),
      AnyEvent(SessionStarted(room: "plenary", session: "a", at: at(5), duration: 1800)),
      AnyEvent(SessionEnded(room: "plenary", session: "a", at: at(45))),
      AnyEvent(SessionStarted(room: "plenary", session: "c", at: at(121), duration: 1800)),
    ])
  }

  func testPlannedAgainstActual() throws {
    let report = try XCTUnwrap(ProgrammeReport(state: state, at: at(130)))
    let sessions = report.rooms[0].sessions
    XCTAssertEqual(sessions.map(\.status), [.ended, .skipped, .running])
    XCTAssertEqual(sessions[0].startDelay, 300)
    XCTAssertEqual(sessions[0].overrun, 600)
    XCTAssertEqual(sessions[0].endDelay, 900)
    XCTAssertNil(sessions[2].overrun)
    XCTAssertEqual(report.rooms[0].offset, 60, "c started a minute late and is on")
  }

  func testCSVQuotesAndUsesLocalTimes() throws {
    let csv = try XCTUnwrap(ProgrammeReport(state: state, at: at(130))).csv
    let lines = csv.components(separatedBy: "\r\n")
    XCTAssertEqual(lines[0].split(separator: ",").count, 11)
    XCTAssertEqual(
      lines[1],
      "plenary,a,الافتتاح,ended,2026-06-25T09:00:00+01:00,2026-06-25T09:30:00+01:00,2026-06-25T09:05:00+01:00,"
        + "2026-06-25T09:45:00+01:00,300,900,600")
    XCTAssertTrue(lines[2].hasPrefix("plenary,b,\"Panel, \"\"care\"\"\",skipped,"))
  }

  func testAReportForAnInstantBeforeAnythingStartedShowsOnlyPlans() throws {
    let early = ConferenceState.replaying([AnyEvent(ConferenceLoaded(conference: conference))])
    let report = try XCTUnwrap(ProgrammeReport(state: early, at: at(-30)))
    XCTAssertEqual(report.rooms[0].sessions.map(\.status), [.planned, .planned, .planned])
    XCTAssertNil(ProgrammeReport(state: ConferenceState(), at: nine))
  }

  func testHTMLIsSelfContainedEscapedAndRightToLeftInArabic() throws {
    let html = try XCTUnwrap(ProgrammeReport(state: state, at: at(130))).html(language: "ar")
    XCTAssertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
    XCTAssertTrue(html.contains("Conférence &lt;test&gt;"))
    XCTAssertFalse(html.contains("<test>"))
    XCTAssertFalse(html.contains("src="), "no external resource")
    XCTAssertEqual(html.components(separatedBy: "<rect class=\"planned\"").count - 1, 3)
    XCTAssertEqual(html.components(separatedBy: "<rect class=\"actual").count - 1, 2)
    XCTAssertTrue(html.contains("class=\"actual overrun\""))
    XCTAssertFalse(html.contains("class=\"speakers\""), "no speakers' table without the speakers' report")
  }

  func testHTMLListsEachRoomsSpeakersPlannedAgainstSpoken() throws {
    let speakers = SpeakerReport(
      lines: [
        .init(room: "plenary", session: "a", title: "الافتتاح", speaker: "<Nadia>", planned: 420, spoken: 483),
        .init(room: "plenary", session: "a", title: "الافتتاح", speaker: "Claire", planned: nil, spoken: 59.6),
      ], timeZone: "Africa/Casablanca")
    let html = try XCTUnwrap(ProgrammeReport(state: state, at: at(130))).html(language: "fr", speakers: speakers)
    XCTAssertTrue(html.contains("<th>Temps de parole prévu</th>"))
    XCTAssertTrue(html.contains("<td dir=\"auto\">&lt;Nadia&gt;</td>"))
    XCTAssertTrue(html.contains("<bdi dir=\"ltr\">7:00</bdi></td><td class=\"number\"><bdi dir=\"ltr\">8:03</bdi>"))
    XCTAssertTrue(html.contains("<td class=\"number late\"><bdi dir=\"ltr\">+1:03</bdi>"), "a minute over or more")
    XCTAssertTrue(html.contains("<bdi dir=\"ltr\">1:00</bdi></td><td class=\"number\"><bdi dir=\"ltr\"></bdi>"))
  }
}
