import Foundation
import PodiumCore
import XCTest
import XLSX

@testable import PodiumReports

/// The report as a workbook: a sheet per room, then one per speaker; real dates in the
/// conference's time, minutes as numbers, Arabic sheets right to left.
final class ProgrammeReportWorkbookTests: XCTestCase {
  private let nine = Date(timeIntervalSince1970: 1_782_374_400)  // 09:00 in Rabat (UTC+1), 25 June 2026
  private func at(_ minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }

  private var conference: Conference {
    Conference(
      id: "c", name: "Conférence", timeZone: "Africa/Casablanca", languages: [],
      rooms: [Room(id: "plenary", name: "القاعة الكبرى"), Room(id: "atlas", name: "Atlas: A/B")],
      sessions: [
        Session(
          id: "panel", roomId: "plenary", title: "Panel", plannedStart: at(0), plannedEnd: at(30),
          speakers: [Speaker(name: "Nadia", speakingTime: 420), Speaker(name: "Claire", speakingTime: 300)]),
        Session(
          id: "workshop", roomId: "atlas", title: "Atelier", plannedStart: at(0), plannedEnd: at(60),
          speakers: [Speaker(name: "Claire")]),
      ])
  }

  private func workbook(language: String) throws -> Workbook {
    let state = ConferenceState.replaying([
      AnyEvent(ConferenceLoaded(conference: conference)),
      AnyEvent(SessionStarted(room: "plenary", session: "panel", at: at(5), duration: 1800)),
      AnyEvent(SessionEnded(room: "plenary", session: "panel", at: at(41))),
    ])
    let report = try XCTUnwrap(ProgrammeReport(state: state, at: at(60)))
    let speakers = SpeakerReport(
      lines: [
        .init(room: "plenary", session: "panel", title: "Panel", speaker: "Nadia", planned: 420, spoken: 483),
        .init(room: "plenary", session: "panel", title: "Panel", speaker: "Claire", planned: 300, spoken: 240),
        .init(room: "atlas", session: "workshop", title: "Atelier", speaker: "Claire", planned: nil, spoken: 0),
      ], timeZone: "Africa/Casablanca")
    return report.workbook(speakers: speakers, language: language)
  }

  func testASheetPerRoomThenPerSpeakerWithDatesAndMinutes() throws {
    let book = try workbook(language: "en")
    XCTAssertEqual(book.sheets.map(\.name), ["القاعة الكبرى", "Atlas- A-B", "Nadia", "Claire"])
    let plenary = book.sheets[0]
    XCTAssertEqual(plenary[0, 3]?.value, .text("Planned start"))
    XCTAssertEqual(plenary[0, 0]?.style.bold, true)
    XCTAssertEqual(plenary.frozenRows, 1)
    XCTAssertFalse(plenary.rightToLeft)
    XCTAssertEqual(plenary[1, 0]?.value, .text("Panel"))
    XCTAssertEqual(plenary[1, 2]?.value, .text("ended"))
    XCTAssertEqual(plenary[1, 3]?.dateTime()?.description, "2026-06-25 09:00", "local time in Rabat")
    XCTAssertEqual(plenary[1, 5]?.dateTime()?.description, "2026-06-25 09:05")
    XCTAssertEqual(plenary[1, 6]?.dateTime()?.description, "2026-06-25 09:41")
    XCTAssertEqual(plenary[1, 7]?.value, .number(5), "started 5 minutes late")
    XCTAssertEqual(plenary[1, 8]?.value, .number(6), "36 minutes of a 30-minute panel")
    XCTAssertEqual(plenary[1, 8]?.style.numberFormat, "+0.0;-0.0;0.0")
    XCTAssertNil(book.sheets[1][1, 5], "the workshop never started")

    let claire = book.sheets[3]
    XCTAssertEqual(claire[1, 0]?.value, .text("القاعة الكبرى"))
    XCTAssertEqual(claire[1, 3]?.value, .number(5))
    XCTAssertEqual(claire[1, 4]?.value, .number(4))
    XCTAssertEqual(claire[1, 5]?.value, .number(-1))
    XCTAssertEqual(claire[2, 1]?.value, .text("Atelier"))
    XCTAssertNil(claire[2, 3], "no speaking time given")
    XCTAssertEqual(book.sheets[2][1, 5]?.value, .number(1.1), "Nadia: 8:03 of 7:00")
  }

  func testArabicLabelsMakeRightToLeftSheets() throws {
    let book = try workbook(language: "ar")
    XCTAssertTrue(book.sheets.allSatisfy(\.rightToLeft))
    XCTAssertEqual(book.sheets[0][0, 0]?.value, .text("الجلسة"))
    XCTAssertEqual(book.sheets[0][1, 2]?.value, .text("منتهية"))
    XCTAssertEqual(book.sheets[2][0, 4]?.value, .text("وقت الكلام الفعلي (دقيقة)"))
  }

  func testTheWorkbookIsWrittenAndReadsBack() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: path) }
    let book = try workbook(language: "fr")
    try book.write(to: path.path)
    let read = try Workbook(reading: Data(contentsOf: path))
    XCTAssertEqual(read.sheets.map(\.name), book.sheets.map(\.name))
    XCTAssertEqual(read.sheets.map(Self.toTheMicroDay), book.sheets.map(Self.toTheMicroDay))
  }

  /// The sheet's cells with numbers to a millionth: libxlsxwriter writes 15 significant digits.
  private static func toTheMicroDay(_ sheet: Worksheet) -> [CellAddress: Cell] {
    sheet.cells.mapValues { cell in
      guard case .number(let number) = cell.value else { return cell }
      var rounded = cell
      rounded.value = .number((number * 1e6).rounded() / 1e6)
      return rounded
    }
  }
}
