import Foundation
import PodiumConfig
import PodiumCore
import XCTest

@testable import PodiumImport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The importer keeps what it reads: titles as the file's text, speakers' languages as the file
/// gives them (or unknown), languages by their own names, ids always valid — on every sample
/// schedule and on a schedule of FOSDEM's shape and size.
final class ImportFidelityTests: XCTestCase {
  func sample(_ name: String) throws -> Data {
    try Data(contentsOf: ScheduleImportTests.samples.appendingPathComponent(name))
  }

  // MARK: - Titles

  /// Every event's title in a frab/pretalx JSON file, read with Foundation's own JSON parser.
  func jsonTitles(_ data: Data) throws -> [String] {
    let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let conference = try XCTUnwrap((root["schedule"] as? [String: Any])?["conference"] as? [String: Any])
    var titles: [String] = []
    for day in conference["days"] as? [[String: Any]] ?? [] {
      for (_, events) in day["rooms"] as? [String: [[String: Any]]] ?? [:] {
        titles += events.compactMap { $0["title"] as? String }
      }
    }
    return titles
  }

  /// Every `<event>`'s `<title>` in a schedule.xml, its entities decoded once by the XML parser.
  func xmlTitles(_ data: Data) throws -> [String] {
    let document = try XMLDocument(data: data)
    return try document.nodes(forXPath: "//event/title").map { $0.stringValue ?? "" }
  }

  func testTitlesAreTheFilesTextAfterEntityDecoding() throws {
    for name in ["good2025_pretalx_schedule.json", "camp2019_frab_schedule.json"] {
      let titles = try ScheduleImport.parse(try sample(name), file: name).conference.sessions.map(\.title)
      XCTAssertEqual(titles.sorted(), try jsonTitles(try sample(name)).sorted(), name)
    }
    let xml = try ScheduleImport.parse(try sample("good2025_pretalx_schedule.xml"), file: "schedule.xml")
    let expected = try xmlTitles(try sample("good2025_pretalx_schedule.xml"))
    XCTAssertEqual(xml.conference.sessions.map(\.title).sorted(), expected.sorted())
    XCTAssertTrue(expected.contains("Open OnDemand Governance & Sustainability"), "&amp; decoded once")
    let ics = try ScheduleImport.parse(try sample("good2025_pretalx_schedule.ics"), file: "schedule.ics")
    XCTAssertEqual(ics.conference.sessions.map(\.title).sorted(), expected.sorted(), "the same titles in iCalendar")
  }

  func testMarkupInATitleIsKeptLiterallyAndEntitiesDecodedOnce() throws {
    let title = #"Care work <script>alert(1)</script> & "quotes" &amp;amp; بنعلي"#
    let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    let xml = fosdemXML(
      rooms: 1, events: 1, titles: [escaped], slugs: ["care"], timeZone: "Africa/Casablanca")
    let fromXML = try ScheduleImport.parse(Data(xml.utf8), file: "schedule.xml").conference
    XCTAssertEqual(fromXML.sessions.map(\.title), [title])

    let json = """
      {"schedule": {"conference": {"title": "T", "time_zone_name": "Africa/Casablanca", "days": [
        {"date": "2026-06-25", "rooms": {"Plénière": [
          {"id": 1, "guid": "g1", "date": "2026-06-25T10:00:00+01:00", "duration": "00:30",
           "title": \(String(decoding: try JSONEncoder().encode(title), as: UTF8.self))}]}}]}}}
      """
    let fromJSON = try ScheduleImport.parse(Data(json.utf8), file: "schedule.json").conference
    XCTAssertEqual(fromJSON.sessions.map(\.title), [title])

    // And the conference file written from it reads back byte for byte.
    let reread = try ConferenceFile.parse(try ConferenceFile.yaml(fromJSON), file: "imported.yaml")
    XCTAssertEqual(reread.sessions.map(\.title), [title])
  }

  // MARK: - Languages

  func testSpeakersKeepTheirOwnLanguageOrNone() throws {
    let json = """
      {"schedule": {"conference": {"title": "T", "time_zone_name": "Africa/Casablanca", "days": [
        {"date": "2026-06-25", "rooms": {"Plénière": [
          {"id": 1, "guid": "g1", "date": "2026-06-25T10:00:00+01:00", "duration": "00:30",
           "title": "الحماية الاجتماعية", "language": "ar",
           "persons": [{"public_name": "Jean Dupont", "language": "fr"}, {"public_name": "Amina Benali"}]}]}}]}}}
      """
    let conference = try ScheduleImport.parse(Data(json.utf8), file: "schedule.json").conference
    XCTAssertEqual(
      conference.sessions.first?.speakers,
      [Speaker(name: "Jean Dupont", language: "fr"), Speaker(name: "Amina Benali", language: nil)])
    XCTAssertEqual(
      conference.languages, [Language(code: "ar", name: "العربية"), Language(code: "fr", name: "Français")])

    for name in ScheduleImportTests.goodFiles + ["camp2019_frab_schedule.json"] {
      let speakers = try ScheduleImport.parse(try sample(name), file: name).conference.sessions.flatMap(\.speakers)
      XCTAssertFalse(speakers.isEmpty, name)
      XCTAssertTrue(speakers.allSatisfy { $0.language == nil }, "\(name): its persons carry no language")
    }
  }

  func testLanguagesAreNamedInThemselvesFromTheLocaleData() {
    XCTAssertEqual(ConferenceBuilder.endonym("ar"), "العربية")
    XCTAssertEqual(ConferenceBuilder.endonym("fr"), "Français")
    XCTAssertEqual(ConferenceBuilder.endonym("en"), "English")
    XCTAssertEqual(ConferenceBuilder.endonym("de"), "Deutsch")
    XCTAssertEqual(ConferenceBuilder.endonym("qqq"), "qqq", "no name in the locale data: the code")
  }

  // MARK: - A schedule of FOSDEM's shape and size

  /// A Pentabarf `schedule.xml` as FOSDEM publishes it: no time zone, local `start`s on each
  /// `<day date>`, slugs as ids, persons without languages.
  func fosdemXML(rooms: Int, events: Int, titles: [String], slugs: [String], timeZone: String? = nil) -> String {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <schedule>
        <conference><acronym>fosdem-2021</acronym><title>FOSDEM 2021</title><start>2021-02-06</start>
          <end>2021-02-07</end><days>2</days>\(timeZone.map { "<time_zone_name>\($0)</time_zone_name>" } ?? "")
        </conference>

      """
    var next = 0
    for (dayIndex, date) in ["2021-02-06", "2021-02-07"].enumerated() {
      xml += "  <day index=\"\(dayIndex + 1)\" date=\"\(date)\">\n"
      for room in 0..<rooms {
        xml += "    <room name=\"D.room-\(room)\">\n"
        var minutes = 9 * 60
        while next < events * (dayIndex * rooms + room + 1) / (2 * rooms) {
          let slug = next < slugs.count ? slugs[next] : "talk_number_\(next)"
          let title = titles.isEmpty ? "Talk \(next): gypsy jiggery يجعل" : titles[next % titles.count]
          xml += """
                <event id="\(11000 + next)">
                  <start>\(String(format: "%02d:%02d", minutes / 60, minutes % 60))</start><duration>00:25</duration>
                  <room>D.room-\(room)</room><slug>\(slug)</slug><title>\(title)</title><language/>
                  <persons><person id="\(next)">Person \(next)</person></persons>
                </event>

            """
          minutes += 30
          next += 1
        }
        xml += "    </room>\n"
      }
      xml += "  </day>\n"
    }
    return xml + "</schedule>\n"
  }

  static let longSlugs = [
    "postgresql_database_schema_management_for_lazybones_from_chaos_to_heaven",
    "postgresql_database_schema_management_for_lazybones_from_chaos_to_hell",
    String(repeating: "a_very_long_slug_", count: 8),
  ]

  func testAFOSDEMSizedScheduleWithLongSlugsImportsWithValidIds() throws {
    let xml = Data(fosdemXML(rooms: 108, events: 773, titles: [], slugs: Self.longSlugs).utf8)
    // FOSDEM names no time zone: refused until one is given, never read as UTC.
    XCTAssertThrowsError(try ScheduleImport.parse(xml, file: "fosdem.xml")) { error in
      let reason = (error as? ImportError)?.reason ?? "\(error)"
      XCTAssertTrue(reason.contains("names no time zone") && reason.contains("--time-zone"), reason)
    }
    let imported = try ScheduleImport.parse(xml, file: "fosdem.xml", timeZone: "Europe/Brussels")
    let conference = imported.conference
    XCTAssertEqual(conference.rooms.count, 108)
    XCTAssertEqual(conference.sessions.count, 773)
    XCTAssertEqual(conference.timeZone, "Europe/Brussels")
    let first = try XCTUnwrap(conference.sessions.first { $0.title == "Talk 0: gypsy jiggery يجعل" })
    XCTAssertEqual(first.plannedStart, ISO8601DateFormatter().date(from: "2021-02-06T08:00:00Z"), "09:00 in Brussels")

    let ids = conference.sessions.map(\.id)
    XCTAssertEqual(Set(ids).count, 773)
    XCTAssertTrue(ids.allSatisfy { (1...64).contains($0.count) }, "\(ids.filter { $0.count > 64 })")
    let long = ids.filter { $0.hasPrefix("postgresql_database_schema_management") }
    XCTAssertEqual(long.count, 2, "the two long slugs stay apart")
    XCTAssertTrue(
      long.allSatisfy { $0.count == 64 && $0.range(of: "-[0-9a-f]{8}$", options: .regularExpression) != nil })
    // Stable: the same file gives the same ids.
    XCTAssertEqual(
      try ScheduleImport.parse(xml, file: "fosdem.xml", timeZone: "Europe/Brussels").conference.sessions.map(\.id), ids)
    // And Podium accepts the conference file it writes.
    let reread = try ConferenceFile.parse(try ConferenceFile.yaml(conference), file: "fosdem.yaml")
    XCTAssertEqual(reread.sessions.map(\.id), ids)
  }

  func testIdentifierFitsItsLimitWithAStableHash() {
    XCTAssertEqual(Text.identifier("short"), "short")
    let slug = String(repeating: "x", count: 100)
    XCTAssertEqual(Text.identifier(slug).count, 64)
    XCTAssertEqual(Text.identifier(slug), Text.identifier(slug))
    XCTAssertNotEqual(Text.identifier(slug), Text.identifier(slug + "y"))
    XCTAssertEqual(Text.identifier(slug, limit: 20).count, 20)
  }

  func testAGivenTimeZoneWinsAndAnUnknownOneIsRefused() throws {
    let data = try sample("good2025_pretalx_schedule.json")
    let given = try ScheduleImport.parse(data, file: "good.json", timeZone: "America/Chicago")
    XCTAssertEqual(given.conference.timeZone, "America/Chicago")
    XCTAssertTrue(given.warnings.contains { $0.reason.contains("used as given") }, "\(given.warnings)")
    XCTAssertThrowsError(try ScheduleImport.parse(data, file: "good.json", timeZone: "Mars/Olympus")) { error in
      XCTAssertTrue("\(error)".contains("not a time zone"), "\(error)")
    }
  }

  // MARK: - The summary of a dry run

  func testTheSummaryCountsRoomsSessionsPerDayAndWarningsByKind() throws {
    let xml = Data(fosdemXML(rooms: 3, events: 10, titles: [], slugs: []).utf8)
    let summary = ImportSummary(try ScheduleImport.parse(xml, file: "small.xml", timeZone: "Europe/Brussels"))
    XCTAssertEqual(summary.rooms, ["D.room-0", "D.room-1", "D.room-2"])
    XCTAssertEqual(
      summary.days, [.init(date: "2021-02-06", sessions: 5), .init(date: "2021-02-07", sessions: 5)])
    let text = summary.description
    XCTAssertTrue(text.contains("3 rooms") && text.contains("10 sessions on 2 days"), text)
    XCTAssertFalse(text.contains("<schedule>"))

    let warnings = [
      ImportWarning(file: "f", place: "line 1", reason: "duplicate session id 'a' renamed to 'a-2'"),
      ImportWarning(file: "f", place: "line 9", reason: "duplicate session id 'b' renamed to 'b-2'"),
      ImportWarning(file: "f", place: "line 4", reason: "no duration; 0 minutes assumed"),
    ]
    var schedule = try ScheduleImport.parse(xml, file: "small.xml", timeZone: "Europe/Brussels")
    schedule.warnings = warnings
    let kinds = ImportSummary(schedule).warnings
    XCTAssertEqual(kinds.map(\.kind), ["duplicate session id … renamed to …", "no duration; 0 minutes assumed"])
    XCTAssertEqual(kinds.map(\.count), [2, 1])
    XCTAssertEqual(kinds.first?.example.place, "line 1")
  }
}
