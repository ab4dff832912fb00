import Foundation
import PodiumCore
import XCTest

@testable import PodiumImport

/// Programmes kept in spreadsheets, saved as CSV: the documented columns, and errors that name
/// the row and the column; nothing is imported from a sheet with an error.
final class CSVScheduleTests: XCTestCase {
  static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("config/programme-template.csv")

  private func parse(_ text: String, timeZone: String? = nil) throws -> ImportedSchedule {
    try ScheduleImport.parse(Data(text.utf8), file: "programme.csv", timeZone: timeZone)
  }

  private func refusal(_ text: String, timeZone: String? = "Africa/Casablanca") -> ImportError? {
    do {
      _ = try parse(text, timeZone: timeZone)
      return nil
    } catch {
      return error as? ImportError
    }
  }

  func testTheTemplateImportsWithSpeakersLanguagesAndSpeakingTimes() throws {
    let imported = try ScheduleImport.parse(Data(contentsOf: Self.template), file: "programme-template.csv")
    XCTAssertEqual(imported.format, .csv)
    let conference = imported.conference
    XCTAssertEqual(conference.timeZone, "Africa/Casablanca")
    XCTAssertEqual(conference.rooms.map(\.name), ["Salle plénière", "Salle Chellah"])
    XCTAssertEqual(conference.sessions.count, 4)
    let panel = try XCTUnwrap(conference.sessions.first { $0.title.hasPrefix("Panel") })
    XCTAssertEqual(panel.title, "Panel : financer l'économie du soin, ici et ailleurs", "a quoted cell keeps its comma")
    XCTAssertEqual(panel.plannedDuration, 90 * 60)
    XCTAssertEqual(PodiumJSON.formatInstant(panel.plannedStart), "2026-06-25T09:00:00.000Z")  // 10:00 in Rabat
    XCTAssertEqual(panel.speakers.map(\.name), ["Claire Morel", "Daniel Hughes", "نادية الإدريسي"])
    XCTAssertEqual(panel.speakers.map(\.language), ["fr", "en", "ar"])
    XCTAssertEqual(panel.speakers.map(\.speakingTime), [720, 720, 720])
    XCTAssertEqual(conference.sessions.first { $0.title == "Pause café" }?.speakers, [])
  }

  func testASemicolonSheetWithABOMReadsTheSame() throws {
    let text = "\u{FEFF}id;room;title;start;duration\r\nk1;Plénière;\"Keynote; \"\"care\"\"\";2026-06-25 09:00;45\r\n"
    let session = try XCTUnwrap(try parse(text, timeZone: "Africa/Casablanca").conference.sessions.first)
    XCTAssertEqual(session.title, "Keynote; \"care\"")
    XCTAssertEqual(session.plannedDuration, 45 * 60)
  }

  func testErrorsNameTheRowAndTheColumn() {
    let header = "id,room,title,start,end\n"
    XCTAssertEqual(refusal("id,room,title\nx,R,T\n")?.reason.contains("no column 'start'"), true)
    XCTAssertEqual(
      refusal(header + "a,R,T,2026-06-25 09:00,2026-06-25 10:00\nb,R,T,25/06 9h,2026-06-25 11:00\n")?.place,
      "row 3, column start (D)")
    let serial = refusal(header + "a,R,T,46198.375,2026-06-25 10:00\n")
    XCTAssertEqual(serial?.place, "row 2, column start (D)")
    XCTAssertTrue(serial?.reason.contains("serial date") ?? false, serial?.reason ?? "")
    XCTAssertTrue(refusal(header + "a,R,T,=A1+1,2026-06-25 10:00\n")?.reason.contains("formula") ?? false)
    XCTAssertEqual(refusal(header + "a,R,,2026-06-25 09:00,2026-06-25 10:00\n")?.place, "row 2, column title (C)")
    XCTAssertEqual(
      refusal(header + "a,R,T,2026-06-25 09:00,2026-06-25 10:00,extra\n")?.place, "row 2, column F",
      "a cell beyond the header: merged or shifted cells")
    XCTAssertEqual(refusal(header + "a,R,T,2026-06-25 10:00,2026-06-25 09:00\n")?.place, "row 2, column end (E)")
    XCTAssertTrue(
      refusal("id,room,title,start,end,speakers\na,R,T,2026-06-25 09:00,2026-06-25 10:00,Omar -3\n")?
        .reason.contains("speaking time") ?? false)
    XCTAssertTrue(refusal("")?.reason.contains("empty") ?? false)
    XCTAssertTrue(refusal(header)?.reason.contains("no sessions") ?? false)
    XCTAssertTrue(refusal("id,room,title,start,colour\n")?.reason.contains("unknown column 'colour'") ?? false)
    XCTAssertTrue(
      refusal(header + "a,R,T,2026-06-25 09:00,2026-06-25 10:00\n", timeZone: nil)?.reason.contains("--time-zone")
        ?? false, "no zone in the sheet and none given")
  }
}
