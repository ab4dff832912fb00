import Foundation
import PodiumCore
import XCTest

@testable import PodiumImport

/// The real schedules in `../shared/samples/schedules/` (or `$PODIUM_SAMPLES`), read unchanged.
final class ScheduleImportTests: XCTestCase {
  static let samples: URL = {
    if let override = ProcessInfo.processInfo.environment["PODIUM_SAMPLES"], !override.isEmpty {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/samples/schedules", isDirectory: true)
  }()

  static let goodFiles = [
    "good2025_pretalx_schedule.xml", "good2025_pretalx_schedule.json", "good2025_pretalx_schedule.ics",
  ]

  func load(_ name: String) throws -> ImportedSchedule {
    let data = try Data(contentsOf: Self.samples.appendingPathComponent(name))
    return try ScheduleImport.parse(data, file: name)
  }

  func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
  }

  func parseError(_ text: String, file: String) -> ImportError? {
    do {
      _ = try ScheduleImport.parse(Data(text.utf8), file: file)
      return nil
    } catch let error as ImportError {
      return error
    } catch {
      XCTFail("not an ImportError: \(error)")
      return nil
    }
  }

  // MARK: - Formats

  func testDetectsFormatFromContentThenExtension() {
    XCTAssertEqual(ScheduleFormat.detect(Data("\u{FEFF}<?xml version='1.0'?><schedule/>".utf8), file: "x"), .frabXML)
    XCTAssertEqual(ScheduleFormat.detect(Data("  {\"schedule\": {}}".utf8), file: "x.ics"), .frabJSON)
    XCTAssertEqual(ScheduleFormat.detect(Data("BEGIN:VCALENDAR\r\n".utf8), file: "x.json"), .iCalendar)
    XCTAssertEqual(ScheduleFormat.detect(Data(), file: "schedule.ics"), .iCalendar)
    XCTAssertNil(ScheduleFormat.detect(Data("hello".utf8), file: "notes.txt"))
    for name in Self.goodFiles + ["camp2019_frab_schedule.json"] {
      let data = try? Data(contentsOf: Self.samples.appendingPathComponent(name))
      XCTAssertEqual(
        data.flatMap { ScheduleFormat.detect($0, file: name) }, ScheduleFormat.fromExtension(name), name)
    }
  }

  // MARK: - good2025 in three formats

  func testGood2025CountsInEveryFormat() throws {
    for name in Self.goodFiles {
      let imported = try load(name)
      let conference = imported.conference
      // Four sessions overlap a longer one in the CGIS Concourse: kept, and reported.
      XCTAssertEqual(imported.warnings.filter { $0.reason.contains("overlaps") }.count, 4, name)
      XCTAssertEqual(conference.rooms.count, 5, name)
      XCTAssertEqual(conference.sessions.count, 72, name)
      XCTAssertEqual(conference.timeZone, "America/New_York", name)
      XCTAssertEqual(Set(conference.sessions.map(\.id)).count, 72, name)
      XCTAssertEqual(Set(conference.rooms.map(\.id)).count, 5, name)
      for session in conference.sessions {
        XCTAssertNotNil(conference.room(session.roomId), name)
        XCTAssertNotNil(session.id.range(of: "^[a-z0-9_-]+$", options: .regularExpression), session.id)
        XCTAssertTrue(session.plannedEnd > session.plannedStart, session.id)
      }
      XCTAssertEqual(
        Set(conference.rooms.map(\.id)),
        [
          "tsai-auditorium-cgis-s010", "belfer-case-study-room-cgis-s020", "lee-conference-room-cgis-s030",
          "kang-conference-room-cgis-s050", "cgis-concourse",
        ], name)
    }
  }

  func testGood2025TimeZoneAliasIsMappedAndWarned() throws {
    for name in Self.goodFiles {
      let imported = try load(name)
      XCTAssertEqual(imported.conference.timeZone, "America/New_York", name)
      let warning = imported.warnings.first { $0.reason.contains("US/Eastern") }
      XCTAssertNotNil(warning, name)
      XCTAssertEqual(warning?.file, name)
      XCTAssertTrue(warning?.description.hasPrefix("\(name): line ") ?? false, warning?.description ?? "")
    }
  }

  func testGood2025ExactFields() throws {
    let xml = try load("good2025_pretalx_schedule.xml").conference
    let jam = try XCTUnwrap(xml.session("307e1812-4a21-5d33-910b-30543d8c6026"))
    XCTAssertEqual(jam.title, "Contributor Jam")
    XCTAssertEqual(jam.roomId, "tsai-auditorium-cgis-s010")
    XCTAssertEqual(jam.plannedStart, utc("2025-03-17T17:00:00Z"))  // 13:00 EDT
    XCTAssertEqual(jam.plannedDuration, 4 * 3600)
    XCTAssertEqual(jam.language, "en")
    XCTAssertEqual(
      jam.speakers,
      [
        Speaker(name: "Emily Moffat Sadeghi [Ohio Supercomputer Center]", language: nil),
        Speaker(name: "Travis Ravert [Ohio Supercomputer Center]", language: nil),
      ])
    XCTAssertEqual(xml.languages, [Language(code: "en", name: "English")])
    XCTAssertEqual(xml.id, "2025")
    XCTAssertEqual(xml.name, "GOOD 2025")

    let json = try load("good2025_pretalx_schedule.json").conference
    let xdmod = try XCTUnwrap(json.session("85092bd4-bb9d-5b35-b802-4fc50d7e718e"))
    XCTAssertEqual(xdmod.title, "Integrating XDMoD with OnDemand")
    XCTAssertEqual(xdmod.plannedStart, utc("2025-03-18T12:30:00Z"))
    XCTAssertEqual(xdmod.plannedDuration, 90 * 60)
    XCTAssertEqual(json.rooms.first?.name, "Tsai Auditorium (CGIS S010)")
    // Titles are plain text, kept as written: a double space stays.
    XCTAssertTrue(json.sessions.contains { $0.title == "A GOOD Start:  Open OnDemand’s Past, Present, and Future" })
    XCTAssertTrue(json.sessions.contains { $0.title == "Open OnDemand Governance & Sustainability" })
  }

  func testGood2025SameSessionsInAllThreeFormats() throws {
    func signature(_ conference: Conference) -> [String] {
      let rooms = Dictionary(uniqueKeysWithValues: conference.rooms.map { ($0.id, $0.name) })
      return conference.sessions.map {
        "\($0.plannedStart.timeIntervalSince1970)|\($0.plannedEnd.timeIntervalSince1970)|\(rooms[$0.roomId]!)|"
          + "\($0.title)|\($0.speakers.map(\.name).joined(separator: "; "))"
      }.sorted()
    }
    let xml = try load("good2025_pretalx_schedule.xml").conference
    let json = try load("good2025_pretalx_schedule.json").conference
    let ics = try load("good2025_pretalx_schedule.ics").conference
    XCTAssertEqual(signature(xml), signature(json))
    XCTAssertEqual(signature(xml), signature(ics))
    // XML and JSON key on the same guids, so their ids agree too.
    XCTAssertEqual(xml.sessions.map(\.id).sorted(), json.sessions.map(\.id).sorted())
    XCTAssertEqual(ics.id, xml.id)
  }

  // MARK: - iCalendar

  func testICalendarUnfoldsBeforeUnescaping() throws {
    // Lines 56–57 of the .ics: `...Center]\` / ` , Travis...`: the fold splits the `\,` escape.
    let name = "good2025_pretalx_schedule.ics"
    let text = try String(contentsOf: Self.samples.appendingPathComponent(name), encoding: .utf8)
    XCTAssertTrue(text.contains("Emily Moffat Sadeghi [Ohio Supercomputer Center]\\\r\n , Travis Ravert"))
    let summary = ICalendarReader.unfold(text).first { $0.line == 56 }
    XCTAssertEqual(
      summary?.text,
      "SUMMARY:Contributor Jam - Emily Moffat Sadeghi [Ohio Supercomputer Center]\\, Travis Ravert "
        + "[Ohio Supercomputer Center]")
    let line = try ICalendarReader(file: name).contentLine(56, summary!.text)
    XCTAssertEqual(
      line.text,
      "Contributor Jam - Emily Moffat Sadeghi [Ohio Supercomputer Center], Travis Ravert "
        + "[Ohio Supercomputer Center]")

    let conference = try load(name).conference
    let jam = try XCTUnwrap(conference.session("pretalx-2025-cfembk"))
    XCTAssertEqual(jam.title, "Contributor Jam")
    XCTAssertEqual(
      jam.speakers.map(\.name),
      ["Emily Moffat Sadeghi [Ohio Supercomputer Center]", "Travis Ravert [Ohio Supercomputer Center]"])
    XCTAssertEqual(jam.roomId, "tsai-auditorium-cgis-s010")
    XCTAssertEqual(jam.plannedStart, utc("2025-03-17T17:00:00Z"))
    XCTAssertEqual(jam.plannedDuration, 4 * 3600)
    XCTAssertEqual(conference.languages, [])
    XCTAssertNil(jam.language)
  }

  func testICalendarTextEscapesAndSummarySplitting() throws {
    let line = ContentLine(line: 1, name: "DESCRIPTION", parameters: [:], value: #"a\, b\; c\nd\\n\N"#)
    XCTAssertEqual(line.text, "a, b; c\nd\\n\n")
    XCTAssertEqual(
      ICalendarReader.splitPretalxSummary("Governance Working Group - User Guide - ").title,
      "Governance Working Group - User Guide")
    let split = ICalendarReader.splitPretalxSummary(
      "Talk - Robin Karlsson [CSC - IT Center for Science], Simon Westersund [CSC - IT Center for Science]")
    XCTAssertEqual(split.title, "Talk")
    XCTAssertEqual(
      split.speakers,
      ["Robin Karlsson [CSC - IT Center for Science]", "Simon Westersund [CSC - IT Center for Science]"])
    XCTAssertEqual(ICalendarReader.isoDuration("PT1H30M"), 5400)
    XCTAssertEqual(ICalendarReader.isoDuration("P1DT2H"), 93600)
  }

  // MARK: - camp2019

  func testCamp2019CountsDaysAndLanguages() throws {
    let imported = try load("camp2019_frab_schedule.json")
    let conference = imported.conference
    XCTAssertEqual(conference.id, "camp2019")
    XCTAssertEqual(conference.name, "Chaos Communication Camp 2019")
    XCTAssertEqual(conference.timeZone, "Europe/Berlin")
    XCTAssertEqual(conference.rooms.map(\.id), ["curie", "meitner"])
    XCTAssertEqual(conference.sessions.count, 79)
    XCTAssertEqual(Set(conference.sessions.map(\.id)).count, 79)
    XCTAssertEqual(
      conference.languages, [Language(code: "en", name: "English"), Language(code: "de", name: "Deutsch")])
    XCTAssertEqual(conference.sessions.filter { $0.language == "de" }.count, 24)
    // Five conference days (09:00 to 04:00 Berlin): each session belongs to the day its start falls in.
    var berlin = Calendar(identifier: .gregorian)
    berlin.timeZone = TimeZone(identifier: "Europe/Berlin")!
    let days = Set(
      conference.sessions.map { berlin.startOfDay(for: $0.plannedStart.addingTimeInterval(-4 * 3600)) })
    XCTAssertEqual(days.count, 5)
    let opening = try XCTUnwrap(conference.session("a0a0fcfe-b7fb-46e3-84b6-97a5406016b4"))
    XCTAssertEqual(opening.title, "Opening Ceremony")
    XCTAssertEqual(opening.plannedStart, utc("2019-08-21T09:00:00Z"))
    XCTAssertEqual(opening.plannedDuration, 30 * 60)
    // The persons carry no language: the speakers' stay unknown, whatever the session's.
    XCTAssertEqual(opening.speakers, [Speaker(name: "jinxx", language: nil), Speaker(name: "smtw", language: nil)])
    // Titles are kept as written, stray spaces included; names are trimmed.
    XCTAssertTrue(conference.sessions.contains { $0.title == " Fully Open, Fully Sovereign mobile devices" })
    XCTAssertTrue(conference.sessions.flatMap(\.speakers).contains { $0.name == "Tobias Zillner" })
    XCTAssertFalse(imported.warnings.contains { $0.reason.contains("overlaps") })
  }

  func testCamp2019SessionRunningPastMidnight() throws {
    let conference = try load("camp2019_frab_schedule.json").conference
    // Day 2 (2019-08-22) ends at 04:00 the next morning; this session starts 23:00 and ends 00:30 on the 23rd.
    let late = try XCTUnwrap(conference.session("ed4b6c75-14f4-49fe-a11e-3762bd6b54e3"))
    XCTAssertEqual(late.title, "Achtung, Datenpannen!")
    XCTAssertEqual(late.language, "de")
    XCTAssertEqual(late.roomId, "meitner")
    XCTAssertEqual(late.plannedStart, utc("2019-08-22T21:00:00Z"))
    XCTAssertEqual(late.plannedEnd, utc("2019-08-22T22:30:00Z"))
    var berlin = Calendar(identifier: .gregorian)
    berlin.timeZone = TimeZone(identifier: "Europe/Berlin")!
    XCTAssertEqual(berlin.dateComponents([.year, .month, .day], from: late.plannedEnd).day, 23)
  }

  func testLocalStartAfterMidnightBelongsToTheDayBefore() throws {
    // No full `date`: the day's date plus a local start before the day's start means the next calendar day.
    let json = """
      {"schedule": {"conference": {"acronym": "night", "title": "Night", "time_zone_name": "Europe/Berlin",
        "days": [{"index": 1, "date": "2019-08-21", "day_start": "2019-08-21T09:00:00+02:00",
          "rooms": {"Curie": [
            {"id": 1, "guid": "a", "start": "23:30", "duration": "0:45", "title": "Late"},
            {"id": 2, "guid": "b", "start": "01:00", "duration": "1:00:30", "title": "Later"}]}}]}}}
      """
    let conference = try ScheduleImport.parse(Data(json.utf8), file: "night.json").conference
    XCTAssertEqual(conference.session("a")?.plannedStart, utc("2019-08-21T21:30:00Z"))
    XCTAssertEqual(conference.session("a")?.plannedDuration, 45 * 60)
    XCTAssertEqual(conference.session("b")?.plannedStart, utc("2019-08-21T23:00:00Z"))
    XCTAssertEqual(conference.session("b")?.plannedDuration, 3630)
  }

  // MARK: - Leniency

  func testDuplicateAndMissingIdsAreStableAndUnique() throws {
    let json = """
      {"schedule": {"conference": {"title": "Dup", "days": [{"date": "2025-01-01", "rooms": {"Salle Ça Va": [
        {"id": 1, "guid": "X1", "date": "2025-01-01T10:00:00+01:00", "duration": "00:30", "title": "  A <b>bold</b>\\r\\n title "},
        {"id": 2, "guid": "x1", "date": "2025-01-01T10:30:00+01:00", "duration": "00:30", "title": ""},
        {"id": 3, "slug": "dup-3-talk", "date": "2025-01-01T10:45:00+01:00", "duration": "00:30", "title": "C", "language": "fr"},
        {"id": 4, "date": "2025-01-01T12:00:00+01:00", "duration": "00:30", "title": "Déjà vu", "language": "English"}
      ]}}]}}}
      """
    let first = try ScheduleImport.parse(Data(json.utf8), file: "dup.json", timeZone: "Europe/Paris")
    let second = try ScheduleImport.parse(Data(json.utf8), file: "dup.json", timeZone: "Europe/Paris")
    XCTAssertEqual(first, second)
    let conference = first.conference
    XCTAssertEqual(conference.id, "dup")
    XCTAssertEqual(conference.timeZone, "Europe/Paris")
    XCTAssertEqual(conference.rooms.map(\.id), ["salle-ca-va"])
    XCTAssertEqual(conference.sessions.map(\.id), ["x1", "x1-2", "dup-3-talk", "4-deja-vu"])
    XCTAssertEqual(conference.sessions.map(\.title), ["  A <b>bold</b>\r\n title ", "Untitled", "C", "Déjà vu"])
    XCTAssertEqual(conference.languages, [Language(code: "fr", name: "Français")])
    let reasons = first.warnings.map(\.reason)
    XCTAssertTrue(reasons.contains { $0.contains("renamed to 'x1-2'") }, "\(reasons)")
    XCTAssertTrue(reasons.contains { $0.contains("empty title") }, "\(reasons)")
    XCTAssertTrue(reasons.contains { $0.contains("overlaps") }, "\(reasons)")
    XCTAssertTrue(reasons.contains { $0.contains("not a language code") }, "\(reasons)")
    XCTAssertTrue(first.warnings.allSatisfy { $0.file == "dup.json" && $0.place.contains("line") })
  }

  func testParsingTwiceGivesEqualConferences() throws {
    for name in Self.goodFiles + ["camp2019_frab_schedule.json"] {
      XCTAssertEqual(try load(name), try load(name), name)
    }
  }

  func testDurationsAndDates() {
    XCTAssertEqual(Text.duration("0:45"), 2700)
    XCTAssertEqual(Text.duration("01:30"), 5400)
    XCTAssertEqual(Text.duration("01:30:15"), 5415)
    XCTAssertNil(Text.duration("1h"))
    XCTAssertEqual(LocalDateTime("2025-03-17T13:00:00-04:00")?.offset, -4 * 3600)
    XCTAssertEqual(LocalDateTime("20250317T130000Z")?.offset, 0)
    XCTAssertEqual(Text.slug("Tsai Auditorium (CGIS S010)"), "tsai-auditorium-cgis-s010")
    XCTAssertEqual(Text.slug("Großer Saal — Ébène"), "grosser-saal-ebene")
  }

  // MARK: - Malformed files

  func testTruncatedXMLThrowsNamingFileAndLine() throws {
    let data = try Data(contentsOf: Self.samples.appendingPathComponent("good2025_pretalx_schedule.xml"))
    let truncated = String(decoding: data.prefix(data.count / 2), as: UTF8.self)
    let error = try XCTUnwrap(parseError(truncated, file: "truncated.xml"))
    XCTAssertEqual(error.file, "truncated.xml")
    XCTAssertTrue(error.place.hasPrefix("line "), error.description)
    XCTAssertTrue(error.description.hasPrefix("truncated.xml: line "), error.description)
  }

  func testBadJSONThrowsNamingFileLineAndColumn() throws {
    let error = try XCTUnwrap(
      parseError("{\"schedule\": {\n  \"conference\": {\"title\": \"x\",,}}}", file: "bad.json"))
    XCTAssertEqual(error.file, "bad.json")
    XCTAssertEqual(error.place, "line 2, column 31")
    XCTAssertTrue(error.reason.contains("bad JSON"), error.description)
    let truncated = try XCTUnwrap(parseError("{\"schedule\": {\"conference\": ", file: "cut.json"))
    XCTAssertTrue(truncated.reason.contains("ends early"), truncated.description)
  }

  func testCalendarWithoutEventsThrows() throws {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//\r\nEND:VCALENDAR\r\n"
    let error = try XCTUnwrap(parseError(text, file: "empty.ics"))
    XCTAssertEqual(error.file, "empty.ics")
    XCTAssertEqual(error.place, "line 1, BEGIN:VCALENDAR")
    XCTAssertTrue(error.reason.contains("no VEVENT"), error.description)
    let open = try XCTUnwrap(parseError("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", file: "open.ics"))
    XCTAssertTrue(open.reason.contains("never closed"), open.description)
  }

  func testUnknownFormatThrows() {
    XCTAssertEqual(parseError("hello", file: "notes.txt")?.file, "notes.txt")
  }
}
