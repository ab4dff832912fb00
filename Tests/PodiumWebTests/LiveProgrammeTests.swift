import Foundation
import PodiumCore
import PodiumImport
import PodiumProtocol
import XCTest

@testable import PodiumWeb

/// The live schedule feeds, from rooms' statuses at fixed instants: expected times move with
/// the room's lateness, planned times stay beside them, and Podium's own importer reads each
/// feed back to the times it carries.
final class LiveProgrammeTests: XCTestCase {
  /// 2026-06-25 08:00 UTC: 09:00 in Rabat.
  let nine = Date(timeIntervalSince1970: 1_782_374_400)

  lazy var conference = Conference(
    id: "rabat-2026", name: "Conférence & co", timeZone: "Africa/Casablanca",
    languages: [Language(code: "ar", name: "العربية"), Language(code: "fr", name: "Français")],
    rooms: [Room(id: "plenary", name: "Plénière"), Room(id: "chellah", name: "Salle Chellah")],
    sessions: [
      Session(
        id: "opening", roomId: "plenary", title: "الافتتاح", plannedStart: nine, plannedEnd: at(30),
        speakers: [Speaker(name: "أمينة", language: "ar"), Speaker(name: "Jean, \"Jr\"", language: "fr")],
        language: "ar"),
      Session(id: "panel", roomId: "plenary", title: "Panel <b>&</b>", plannedStart: at(40), plannedEnd: at(90)),
      Session(id: "workshop", roomId: "chellah", title: "Atelier", plannedStart: at(0), plannedEnd: at(60)),
    ])

  private func at(_ minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }

  /// The opening started 5 minutes late with 20 minutes added: the panel is expected 15 minutes late.
  private func programme(at minutes: Double, asOf published: Double = 6) throws -> LiveProgramme {
    var state = ConferenceState().evolve(AnyEvent(ConferenceLoaded(conference: conference)))
    for (command, when) in [(StartSession() as any Command, 5.0), (AddTime(seconds: 1200), 6)] {
      for event in try state.decide(RoomCommand(command, in: "plenary"), at: at(when)) { state.apply(event) }
    }
    let statuses = Dictionary(
      uniqueKeysWithValues: conference.rooms.map {
        ($0.id, RoomStatus(room: $0, conference: conference, state: state, at: at(published)))
      })
    return LiveProgramme(conference: conference, statuses: statuses, at: at(minutes))
  }

  private func item(_ programme: LiveProgramme, _ id: String) throws -> LiveProgramme.Item {
    try XCTUnwrap(programme.items.first { $0.session.id == id })
  }

  func testExpectedTimesFollowTheRoomAndPlannedOnesStay() throws {
    let now = try programme(at: 20)
    let opening = try item(now, "opening")
    XCTAssertEqual(opening.status, .running)
    XCTAssertEqual(opening.start, at(5))
    XCTAssertEqual(opening.end, at(55))  // 30 minutes + 20 added, from 09:05
    let panel = try item(now, "panel")
    XCTAssertEqual(panel.status, .planned)
    XCTAssertEqual(panel.start, at(55))
    XCTAssertEqual(panel.end, at(105))
    XCTAssertEqual(panel.delay, 15 * 60)
    XCTAssertEqual(try item(now, "workshop").start, at(20), "not started at its planned start: expected now")
    XCTAssertEqual(try item(now, "workshop").session.plannedStart, at(0))
    XCTAssertEqual(panel.lastModified, at(6), "nothing moved since the room last changed")
    // Running over: the panel moves on with the clock, and its SEQUENCE and LAST-MODIFIED with it.
    let later = try programme(at: 57.5)
    XCTAssertEqual(try item(later, "panel").start, at(58))
    XCTAssertEqual(try item(later, "panel").lastModified, at(57.5))
    XCTAssertGreaterThan(
      try item(later, "panel").sequence(since: later.epoch), try item(now, "panel").sequence(since: now.epoch))
    XCTAssertEqual(try item(now, "opening").guid, try item(later, "opening").guid)
    XCTAssertNotEqual(try item(now, "opening").guid, try item(now, "panel").guid)
  }

  func testEachFeedReadsBackThroughPodiumsImporterAtItsExpectedTimes() throws {
    let now = try programme(at: 20)
    let feeds: [(String, Data)] = [
      ("schedule.json", now.frabJSON(baseURL: "https://screens.example")),
      ("schedule.xml", Data(now.frabXML(baseURL: "https://screens.example").utf8)),
      ("schedule.ics", Data(now.iCalendar(name: conference.name).utf8)),
    ]
    for (file, data) in feeds {
      let imported = try ScheduleImport.parse(data, file: file).conference
      XCTAssertEqual(imported.timeZone, "Africa/Casablanca", file)
      let panel = try XCTUnwrap(imported.sessions.first { $0.title == "Panel <b>&</b>" }, file)
      XCTAssertEqual(panel.plannedStart, at(55), "\(file): the expected start")
      XCTAssertEqual(panel.plannedEnd, at(105), file)
      let opening = try XCTUnwrap(imported.sessions.first { $0.title == "الافتتاح" }, file)
      XCTAssertEqual(opening.plannedStart, at(5), file)
      XCTAssertEqual(Set(imported.rooms.map(\.name)), ["Plénière", "Salle Chellah"], file)
      if file != "schedule.ics" {
        XCTAssertEqual(opening.speakers.map(\.name), ["أمينة", "Jean, \"Jr\""], file)
      }
    }
  }

  func testTheFeedsCarryThePlannedTimesInTheirDocumentedExtensions() throws {
    let now = try programme(at: 20)
    let json = try XCTUnwrap(JSONValue(parsing: Array(now.frabJSON(baseURL: "https://screens.example"))))
    let guid = try item(now, "panel").guid
    let meta = ["schedule", "conference", "meta", "podium", "sessions", guid].reduce(Optional(json)) {
      $0?.object?[$1]
    }
    XCTAssertEqual(meta?.object?["plannedStart"]?.string, "2026-06-25T09:40:00+01:00")
    XCTAssertEqual(meta?.object?["delay"]?.number, 900)
    XCTAssertEqual(meta?.object?["session"]?.string, "panel")
    let calendar = now.only(room: "plenary").iCalendar(name: "Plénière")
    XCTAssertTrue(calendar.contains("X-PODIUM-PLANNED-START:20260625T084000Z\r\n"), calendar)
    XCTAssertTrue(calendar.contains("DTSTART:20260625T085500Z\r\n"))
    XCTAssertFalse(calendar.contains("Atelier"), "one room's calendar")
    XCTAssertTrue(calendar.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
  }
}
