import Foundation

extension Workbook {
  /// Reads an `.xlsx` file (Office Open XML, as Excel, LibreOffice and Google Sheets save it):
  /// every sheet's cells with their values, formulas (and the values saved with them), number
  /// formats and bold, merged ranges, direction and frozen rows.
  ///
  /// Throws naming the part or the cell when the file is not a workbook this reader understands.
  public init(reading data: Data) throws(XLSXError) {
    let package = try OfficePackage(data)
    guard let workbook = try package.part("xl/workbook.xml") else {
      throw XLSXError(place: "the file", reason: "no xl/workbook.xml: not an .xlsx workbook (an .xls or .ods file?)")
    }
    let relations = try package.part("xl/_rels/workbook.xml.rels")
    let targets = Dictionary(
      (relations?.children("Relationship") ?? []).compactMap { relation in
        relation["Id"].flatMap { id in relation["Target"].map { (id, $0) } }
      }, uniquingKeysWith: { first, _ in first })
    let strings = try package.part("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
    let styles = try package.part("xl/styles.xml").map(Self.styles) ?? []
    let uses1904Dates = ["1", "true"].contains(workbook.child("workbookPr")?["date1904"] ?? "")

    var sheets: [Worksheet] = []
    for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
      let name = sheet["name"] ?? "Sheet\(sheets.count + 1)"
      guard let id = sheet["id"], let target = targets[id] else {
        throw XLSXError(place: "xl/workbook.xml", reason: "sheet '\(name)' has no part in the package")
      }
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      guard let part = try package.part(path) else {
        throw XLSXError(place: path, reason: "sheet '\(name)' is missing from the package")
      }
      sheets.append(try Self.worksheet(part, name: name, strings: strings, styles: styles, path: path))
    }
    self.init(sheets: sheets, uses1904Dates: uses1904Dates, title: nil)
  }

  /// The shared strings table: `<si>` holds a `<t>` or rich-text runs `<r><t>` (phonetic runs left out).
  private static func sharedStrings(_ table: XMLTree) -> [String] {
    table.children("si").map { item in
      item.child("t")?.text ?? item.children("r").compactMap { $0.child("t")?.text }.joined()
    }
  }

  /// The cell styles (`cellXfs`) by index, with their number format codes and bold.
  private static func styles(_ sheet: XMLTree) -> [CellStyle] {
    let custom = Dictionary(
      (sheet.child("numFmts")?.children("numFmt") ?? []).compactMap { format in
        format["numFmtId"].flatMap(Int.init).flatMap { id in format["formatCode"].map { (id, $0) } }
      }, uniquingKeysWith: { first, _ in first })
    let bold = (sheet.child("fonts")?.children("font") ?? []).map { font in
      font.child("b").map { $0["val"] != "0" && $0["val"] != "false" } ?? false
    }
    return (sheet.child("cellXfs")?.children("xf") ?? []).map { format in
      let id = format["numFmtId"].flatMap(Int.init) ?? 0
      let font = format["fontId"].flatMap(Int.init) ?? 0
      return CellStyle(
        bold: bold.indices.contains(font) && bold[font], numberFormat: custom[id] ?? NumberFormat.builtIn(id),
        wraps: format.child("alignment")?["wrapText"] == "1")
    }
  }

  private static func worksheet(
    _ part: XMLTree, name: String, strings: [String], styles: [CellStyle], path: String
  ) throws(XLSXError) -> Worksheet {
    var sheet = Worksheet(name: name)
    var nextRow = 0
    for row in part.child("sheetData")?.children("row") ?? [] {
      let rowIndex = row["r"].flatMap(Int.init).map { $0 - 1 } ?? nextRow
      nextRow = rowIndex + 1
      var nextColumn = 0
      for element in row.children("c") {
        let address =
          element["r"].flatMap { CellAddress($0) } ?? CellAddress(row: rowIndex, column: nextColumn)
        nextColumn = address.column + 1
        let style = element["s"].flatMap(Int.init).flatMap { styles.indices.contains($0) ? styles[$0] : nil }
        let value = try cellValue(element, strings: strings, place: "\(path), cell \(address)")
        let formula = element.child("f")?.text
        guard value != nil || formula != nil else { continue }
        sheet.cells[address] = Cell(value, formula: formula, style: style ?? CellStyle())
      }
    }
    sheet.merged = (part.child("mergeCells")?.children("mergeCell") ?? []).compactMap {
      $0["ref"].flatMap(CellRange.init)
    }
    let view = part.child("sheetViews")?.child("sheetView")
    sheet.rightToLeft = ["1", "true"].contains(view?["rightToLeft"] ?? "")
    if let pane = view?.child("pane"), pane["state"] == "frozen" {
      sheet.frozenRows = pane["ySplit"].flatMap(Double.init).map(Int.init) ?? 0
    }
    for column in part.child("cols")?.children("col") ?? [] {
      guard let first = column["min"].flatMap(Int.init), let last = column["max"].flatMap(Int.init),
        let width = column["width"].flatMap(Double.init), first >= 1, last >= first, last - first < 16_384
      else { continue }
      for index in first...last { sheet.columnWidths[index - 1] = width }
    }
    return sheet
  }

  /// A `<c>` element's value by its type (`t`): shared string, inline string, formula string,
  /// boolean, error or number; nil for a cell that holds nothing (only a style).
  private static func cellValue(_ cell: XMLTree, strings: [String], place: String) throws(XLSXError) -> CellValue? {
    let raw = cell.child("v")?.text
    switch cell["t"] ?? "n" {
    case "s":
      guard let raw, let index = Int(raw.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
        throw XLSXError(place: place, reason: "a shared string that is not in the workbook's table")
      }
      return .text(strings[index])
    case "inlineStr":
      let inline = cell.child("is")
      return .text(inline?.child("t")?.text ?? inline?.children("r").compactMap { $0.child("t")?.text }.joined() ?? "")
    case "str": return .text(raw ?? "")
    case "b": return raw.map { .bool($0 == "1" || $0 == "true") }
    case "e": return .error(raw ?? "#N/A")
    case "d": return raw.map { .text($0) }
    default:
      guard let raw, !raw.isEmpty else { return nil }
      guard let number = Double(raw.trimmingCharacters(in: .whitespaces)) else {
        throw XLSXError(place: place, reason: "'\(raw)' is stored as a number but is not one")
      }
      return .number(number)
    }
  }
}
