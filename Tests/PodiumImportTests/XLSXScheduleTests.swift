import Foundation
import PodiumCore
import XCTest
import XLSX

@testable import PodiumImport

/// Programmes kept in Excel workbooks: the same column layout as a CSV programme, dates and times
/// as the spreadsheet stores them, formulas by their saved values, and errors that name the sheet,
/// the row and the cell; nothing is imported from a workbook with an error.
final class XLSXScheduleTests: XCTestCase {
  private typealias Column = ProgrammeSheetReader.Column

  static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("config")

  private let header: [CellValue?] = [Column.id, .room, .title, .start, .end, .duration, .speakers, .timezone].map {
    .text($0.rawValue)
  }
  private let dateStyle = CellStyle(numberFormat: "dd/mm/yyyy hh:mm")
  private let nine = SerialDate(year: 2026, month: 6, day: 25, hour: 9).serial()

  /// A sheet with the header and one good session in row 2 (09:00 for 45 minutes in Casablanca).
  private func programme() -> Worksheet {
    var sheet = Worksheet(name: "Programme")
    sheet.append(header, style: CellStyle(bold: true))
    sheet.append([.text("opening"), .text("Plénière"), .text("الجلسة الافتتاحية"), nil, nil, .number(45)])
    sheet[1, 3] = Cell(.number(nine), style: dateStyle)
    sheet[1, 6] = Cell(.text("أمينة بنعلي (ar) 10; Jean Dupont (fr)"))
    sheet[1, 7] = Cell(.text("Africa/Casablanca"))
    return sheet
  }

  private func read(_ workbook: Workbook) throws -> (RawSchedule, [ImportWarning]) {
    var warnings: [ImportWarning] = []
    let raw = try XLSXScheduleReader(file: "programme.xlsx", givenTimeZone: nil).read(workbook, warnings: &warnings)
    return (raw, warnings)
  }

  private func refusal(_ sheets: Worksheet...) -> ImportError? {
    do {
      _ = try read(Workbook(sheets: sheets))
      return nil
    } catch {
      return error as? ImportError
    }
  }

  func testTheWorkbookTemplateImportsAsTheCSVTemplate() throws {
    let workbook = try ScheduleImport.parse(
      Data(contentsOf: Self.templates.appendingPathComponent("programme-template.xlsx")), file: "template.xlsx")
    let csv = try ScheduleImport.parse(
      Data(contentsOf: Self.templates.appendingPathComponent("programme-template.csv")), file: "template.csv")
    XCTAssertEqual(workbook.format, .xlsx)
    XCTAssertEqual(workbook.conference, csv.conference)
    XCTAssertEqual(workbook.warnings, [])
  }

  func testDatesAreTheSheetsLocalTimeAndLengthsMinutesOrTimes() throws {
    var sheet = programme()
    sheet.append([.text("panel"), .text("Plénière"), .text("Panel")])
    sheet[2, 3] = Cell(.number(nine + 1.0 / 24), style: dateStyle)
    sheet[2, 5] = Cell(.number(1.5 / 24), style: CellStyle(numberFormat: "[h]:mm"))
    sheet.append([.text("lunch"), .text("Plénière"), .text("Déjeuner"), .text("2026-06-25 12:00")])
    sheet[3, 4] = Cell(.number(nine + 4.0 / 24), formula: "D4+TIME(1,0,0)", style: dateStyle)
    let (raw, warnings) = try read(Workbook(sheets: [sheet]))
    XCTAssertEqual(
      raw.events.map(\.start).map(PodiumJSON.formatInstant),
      [
        "2026-06-25T08:00:00.000Z", "2026-06-25T09:00:00.000Z", "2026-06-25T11:00:00.000Z",
      ])
    XCTAssertEqual(raw.events.map { $0.end.timeIntervalSince($0.start) / 60 }, [45, 90, 60])
    XCTAssertEqual(raw.events[0].speakers.map(\.speakingTime), [600, nil])
    XCTAssertEqual(raw.events[0].place, "sheet 'Programme', row 2")
    XCTAssertEqual(
      warnings.map(\.reason), ["1 cell(s) hold formulas (E4): the values saved with the file are read"])
  }

  func testTheFirstSheetIsTheProgrammeAndTheOthersAreNamedInAWarning() throws {
    let (raw, warnings) = try read(Workbook(sheets: [programme(), Worksheet(name: "Notes")]))
    XCTAssertEqual(raw.events.count, 1)
    XCTAssertEqual(warnings.map(\.reason), ["the programme is the first sheet; 'Notes' not read"])
  }

  func testBadCellsAreRefusedNamingTheSheetRowAndCell() throws {
    var merged = programme()
    merged.merged = [CellRange("B2:B3")!]
    XCTAssertEqual(refusal(merged)?.place, "sheet 'Programme', cells B2:B3")

    var serial = programme()
    serial[1, 3] = Cell(.number(nine))
    let unformatted = try XCTUnwrap(refusal(serial))
    XCTAssertEqual(unformatted.place, "sheet 'Programme', row 2, column start (D)")
    XCTAssertTrue(unformatted.reason.contains("(as a date: 2026-06-25 09:00)"), unformatted.reason)

    var timeOnly = programme()
    timeOnly[1, 3] = Cell(.number(0.375), style: CellStyle(numberFormat: "hh:mm"))
    XCTAssertEqual(refusal(timeOnly)?.reason, "'09:00' is a time without a date: write 2026-06-25 09:00")

    var lengthAsDate = programme()
    lengthAsDate[1, 5] = Cell(.number(nine), style: dateStyle)
    XCTAssertEqual(refusal(lengthAsDate)?.place, "sheet 'Programme', row 2, column duration (F)")

    var uncomputed = programme()
    uncomputed[1, 5] = Cell(nil, formula: "30+15")
    XCTAssertEqual(refusal(uncomputed)?.place, "sheet 'Programme', row 2, cell F2")

    var broken = programme()
    broken[1, 5] = Cell(.error("#REF!"), formula: "#REF!+15")
    XCTAssertEqual(refusal(broken)?.reason, "the cell shows the error #REF!: correct its formula")

    var shifted = programme()
    shifted[1, 9] = Cell(.text("stray"))
    XCTAssertEqual(refusal(shifted)?.place, "sheet 'Programme', row 2, column J")

    var missing = programme()
    missing[0, 3] = nil
    XCTAssertEqual(refusal(missing)?.reason.hasPrefix("no column 'start'"), true)

    XCTAssertEqual(refusal(Worksheet(name: "Programme"))?.reason, "the sheet is empty: the first row names the columns")
    var headerOnly = Worksheet(name: "Programme")
    headerOnly.append(header)
    XCTAssertEqual(refusal(headerOnly)?.place, "sheet 'Programme', row 2")
  }

  func testAWorkbookIsKnownByItsContentAndAnythingElseZippedIsRefused() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("programme-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: path) }
    try Workbook(sheets: [programme()]).write(to: path.path)
    let data = try Data(contentsOf: path)
    XCTAssertEqual(ScheduleFormat.detect(data, file: "download"), .xlsx)
    XCTAssertEqual(try ScheduleImport.parse(data, file: "download").conference.sessions.map(\.id), ["opening"])
    XCTAssertThrowsError(try ScheduleImport.parse(Data("PK\u{3}\u{4}garbage".utf8), file: "programme.xlsx")) {
      error in
      XCTAssertTrue((error as? ImportError)?.reason.contains("not a ZIP archive") == true, "\(error)")
    }
  }
}
