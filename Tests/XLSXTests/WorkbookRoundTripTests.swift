import Foundation
import XCTest
import ZIPFoundation

@testable import XLSX

/// Workbooks written by libxlsxwriter and read back by the ZIPFoundation + XMLParser reader:
/// values, formulas with their saved results, number formats, merges, direction, and Arabic text.
final class WorkbookRoundTripTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private func roundTrip(_ workbook: Workbook) throws -> Workbook {
    let path = folder.appendingPathComponent("book.xlsx").path
    try workbook.write(to: path)
    return try Workbook(reading: Data(contentsOf: URL(fileURLWithPath: path)))
  }

  func testValuesFormulasFormatsAndMergesComeBackAsWritten() throws {
    var sheet = Worksheet(name: "البرنامج", columnWidths: [0: 30], rightToLeft: true, frozenRows: 1)
    let date = CellStyle(numberFormat: "yyyy-mm-dd hh:mm")
    sheet.append([.text("title"), .text("begins"), .text("minutes"), .text("on")], style: CellStyle(bold: true))
    sheet.append([
      .text("الجلسة الافتتاحية & <b>"), .number(SerialDate(year: 2026, month: 6, day: 25, hour: 9).serial()),
    ])
    sheet[1, 1]?.style = date
    sheet[1, 2] = Cell(.number(45), formula: "30+15")
    sheet[1, 3] = Cell(.bool(true))
    sheet[2, 0] = Cell(.text("AB"), formula: "\"A\"&\"B\"")
    sheet.merged = [CellRange("A4:C4")!]
    sheet[3, 0] = Cell(.text("merged"))
    let read = try roundTrip(Workbook(sheets: [sheet, Worksheet(name: "Empty")]))

    XCTAssertEqual(read.sheets.map(\.name), ["البرنامج", "Empty"])
    let first = read.sheets[0]
    XCTAssertEqual(first[0, 0], Cell(.text("title"), style: CellStyle(bold: true)))
    XCTAssertEqual(first[1, 0]?.value, .text("الجلسة الافتتاحية & <b>"))
    XCTAssertEqual(first[1, 1]?.style.numberFormat, "yyyy-mm-dd hh:mm")
    XCTAssertEqual(first[1, 1]?.dateTime()?.description, "2026-06-25 09:00")
    XCTAssertEqual(first[1, 2], Cell(.number(45), formula: "30+15"))
    XCTAssertEqual(first[1, 3]?.value, .bool(true))
    XCTAssertEqual(first[2, 0], Cell(.text("AB"), formula: "\"A\"&\"B\""))
    XCTAssertEqual(first.merged, [CellRange("A4:C4")!])
    XCTAssertEqual(first[3, 0]?.value, .text("merged"))
    XCTAssertTrue(first.rightToLeft)
    XCTAssertEqual(first.frozenRows, 1)
    XCTAssertEqual(first.columnWidths[0] ?? 0, 30, accuracy: 1)
    XCTAssertEqual(read.sheets[1].cells, [:])
  }

  func testASheetNameExcelWouldRefuseIsAnErrorAndNoFileIsLeft() throws {
    let path = folder.appendingPathComponent("bad.xlsx").path
    XCTAssertThrowsError(try Workbook(sheets: [Worksheet(name: "a/b")]).write(to: path)) { error in
      XCTAssertEqual((error as? XLSXError)?.place, "sheet 'a/b'")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    XCTAssertThrowsError(try Workbook(sheets: [Worksheet(name: "Same"), Worksheet(name: "same")]).write(to: path))
    var infinite = Worksheet(name: "Numbers")
    infinite[0, 0] = Cell(.number(.infinity))
    XCTAssertThrowsError(try Workbook(sheets: [infinite]).write(to: path)) { error in
      XCTAssertEqual((error as? XLSXError)?.place, "sheet 'Numbers', cell A1")
    }
  }

  func testWhatIsNotAWorkbookIsRefusedWithWhy() throws {
    XCTAssertThrowsError(try Workbook(reading: Data("id,room\n".utf8))) { error in
      XCTAssertTrue((error as? XLSXError)?.reason.contains("not a ZIP archive") == true, "\(error)")
    }
    let archive = try Archive(data: Data(), accessMode: .create)
    try archive.addEntry(with: "hello.txt", type: .file, uncompressedSize: Int64(2)) { _, _ in Data("hi".utf8) }
    XCTAssertThrowsError(try Workbook(reading: try XCTUnwrap(archive.data))) { error in
      XCTAssertTrue((error as? XLSXError)?.reason.contains("no xl/workbook.xml") == true, "\(error)")
    }
  }

  func testSerialDatesCountAsExcelDoes() throws {
    XCTAssertEqual(SerialDate(1)?.description, "1900-01-01 00:00")
    XCTAssertEqual(SerialDate(59)?.description, "1900-02-28 00:00")
    XCTAssertEqual(SerialDate(61)?.description, "1900-03-01 00:00", "day 60 is the 29 February 1900 Excel invents")
    XCTAssertEqual(SerialDate(46_198.375)?.description, "2026-06-25 09:00")
    XCTAssertEqual(SerialDate(46_198.375 - 1462, uses1904Dates: true)?.description, "2026-06-25 09:00")
    XCTAssertEqual(SerialDate(0.0625)?.description, "01:30")
    XCTAssertEqual(SerialDate(0.0625)?.isTimeOnly, true)
    XCTAssertEqual(SerialDate(46_198.999_999_9)?.description, "2026-06-26 00:00", "rounded to the second")
    XCTAssertNil(SerialDate(-1))
    XCTAssertNil(SerialDate(.nan))
    let date = SerialDate(year: 2027, month: 2, day: 7, hour: 2, minute: 30, second: 15)
    XCTAssertEqual(SerialDate(date.serial()), date)
  }

  func testNumberFormatsThatShowDatesAndTimes() {
    for code in ["yyyy-mm-dd hh:mm", "d/m/yy", "[h]:mm", "h:mm AM/PM", "[$-ar-MA]dd/mm/yyyy", "mm:ss"] {
      XCTAssertTrue(NumberFormat.showsDateOrTime(code), code)
    }
    for code in ["General", "0.00", "#,##0 \"days\"", "[Red]0.0", "0.00E+00", "@", "\\d0"] {
      XCTAssertFalse(NumberFormat.showsDateOrTime(code), code)
    }
    XCTAssertEqual(NumberFormat.builtIn(14), "mm-dd-yy")
    XCTAssertNil(NumberFormat.builtIn(0))
  }

  func testCellAddressesAndRangesReadAsSpreadsheetsWriteThem() {
    XCTAssertEqual(CellAddress("B3"), CellAddress(row: 2, column: 1))
    XCTAssertEqual(CellAddress("AA10")?.column, 26)
    XCTAssertEqual(CellAddress(row: 0, column: 27).description, "AB1")
    XCTAssertNil(CellAddress("3B"))
    XCTAssertNil(CellAddress("A0"))
    XCTAssertTrue(CellRange("A3:C5")!.contains(CellAddress("B4")!))
    XCTAssertFalse(CellRange("A3:C5")!.contains(CellAddress("D4")!))
  }
}

/// Sheet names made from rooms and people: what Excel refuses is mended, duplicates numbered.
final class SheetNameTests: XCTestCase {
  func testNamesExcelWouldRefuseAreMendedAndDuplicatesNumbered() {
    XCTAssertEqual(Worksheet.name(for: "Salle 1/2: [A]", avoiding: []), "Salle 1-2- -A-")
    XCTAssertEqual(Worksheet.name(for: "'quoted'", avoiding: []), "quoted")
    XCTAssertEqual(Worksheet.name(for: "  ", avoiding: []), "Sheet")
    let long = "Conférence internationale sur l'économie du soin"
    XCTAssertEqual(Worksheet.name(for: long, avoiding: []).unicodeScalars.count, 31)
    XCTAssertEqual(Worksheet.name(for: "Plenary", avoiding: ["plenary"]), "Plenary (2)")
    XCTAssertEqual(Worksheet.name(for: "Plenary", avoiding: ["Plenary", "Plenary (2)"]), "Plenary (3)")
    let cut = Worksheet.name(for: long, avoiding: [Worksheet.name(for: long, avoiding: [])])
    XCTAssertTrue(cut.hasSuffix(" (2)") && cut.unicodeScalars.count <= 31, cut)
    XCTAssertEqual(Worksheet.name(for: "أمينة بنعلي", avoiding: []), "أمينة بنعلي")
  }
}
