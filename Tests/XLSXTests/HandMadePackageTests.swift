import Foundation
import XCTest
import ZIPFoundation

@testable import XLSX

/// Workbooks as other programs write them, made part by part: prefixed namespaces, rich-text
/// shared strings, inline strings, error values, cells without addresses, the 1904 date system.
final class HandMadePackageTests: XCTestCase {
  private func package(_ parts: [String: String]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
      let bytes = Data(text.utf8)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
        position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return try XCTUnwrap(archive.data)
  }

  private let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  func testPrefixedPartsRichStringsErrorsAnd1904Dates() throws {
    let data = try package([
      "xl/workbook.xml": """
      <x:workbook xmlns:x="\(main)" xmlns:r="\(relations)"><x:workbookPr date1904="1"/>
      <x:sheets><x:sheet name="Prog" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>
      """,
      "xl/_rels/workbook.xml.rels": """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId7" Type="\(relations)/worksheet" Target="/xl/worksheets/one.xml"/></Relationships>
      """,
      "xl/sharedStrings.xml": """
      <sst xmlns="\(main)"><si><r><t>Care </t></r><r><rPr><b/></rPr><t>work</t></r><rPh><t>x</t></rPh></si></sst>
      """,
      "xl/styles.xml": """
      <styleSheet xmlns="\(main)"><numFmts><numFmt numFmtId="170" formatCode="d/m/yyyy\\ h:mm"/></numFmts>
      <fonts><font/><font><b/></font></fonts><cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="1"/>
      </cellXfs></styleSheet>
      """,
      "xl/worksheets/one.xml": """
      <x:worksheet xmlns:x="\(main)"><x:sheetData>
      <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>inline &amp; &lt;b&gt;</x:t></x:is></x:c></x:row>
      <x:row r="3"><x:c r="B3" s="1"><x:v>44736.375</x:v></x:c><x:c r="C3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>
      <x:c r="D3" s="1"/></x:row>
      </x:sheetData></x:worksheet>
      """,
    ])
    let workbook = try Workbook(reading: data)
    XCTAssertTrue(workbook.uses1904Dates)
    let sheet = try XCTUnwrap(workbook.sheets.first)
    XCTAssertEqual(sheet.name, "Prog")
    XCTAssertEqual(sheet[0, 0]?.value, .text("Care work"), "runs joined, the phonetic run left out")
    XCTAssertEqual(sheet[0, 1]?.value, .text("inline & <b>"))
    XCTAssertEqual(sheet[2, 1]?.style, CellStyle(bold: true, numberFormat: "d/m/yyyy\\ h:mm"))
    XCTAssertEqual(sheet[2, 1]?.dateTime(uses1904Dates: true)?.description, "2026-06-25 09:00")
    XCTAssertEqual(sheet[2, 2], Cell(.error("#DIV/0!"), formula: "1/0"))
    XCTAssertNil(sheet[2, 3], "a styled cell without a value holds nothing")
    XCTAssertEqual(sheet.extent.rows, 3)
  }

  func testAPackageWhoseSheetIsMissingOrBrokenIsRefusedNamingThePart() throws {
    let workbook = """
      <workbook xmlns="\(main)" xmlns:r="\(relations)"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>
      """
    let rels = """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="\(relations)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
      """
    let missing = try package(["xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels])
    XCTAssertThrowsError(try Workbook(reading: missing)) { error in
      XCTAssertEqual((error as? XLSXError)?.place, "xl/worksheets/sheet1.xml")
    }
    let broken = try package([
      "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels,
      "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(main)\"><sheetData><row>",
    ])
    XCTAssertThrowsError(try Workbook(reading: broken)) { error in
      XCTAssertTrue((error as? XLSXError)?.place.hasPrefix("xl/worksheets/sheet1.xml, line") == true, "\(error)")
    }
    let badShared = try package([
      "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels,
      "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(main)\"><sheetData><row><c t=\"s\"><v>4</v></c></row>"
        + "</sheetData></worksheet>",
    ])
    XCTAssertThrowsError(try Workbook(reading: badShared)) { error in
      XCTAssertEqual((error as? XLSXError)?.place, "xl/worksheets/sheet1.xml, cell A1")
    }
  }
}
