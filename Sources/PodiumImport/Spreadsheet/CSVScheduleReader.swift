import Foundation
import PodiumCore

/// Reads a programme kept in a spreadsheet and saved as CSV (UTF-8, comma- or
/// semicolon-separated) into the rows `ProgrammeSheetReader` reads.
struct CSVScheduleReader {
  var file: String
  var givenTimeZone: String?

  func read(_ data: Data, warnings: inout [ImportWarning]) throws -> RawSchedule {
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError(file: file, place: "row 1", reason: "not UTF-8 text: save the sheet as CSV UTF-8")
    }
    let rows = try Self.rows(of: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
    let sheet = ProgrammeSheet(rows: rows.map { $0.map(ProgrammeCell.text) })
    return try ProgrammeSheetReader(file: file, givenTimeZone: givenTimeZone).read(sheet, warnings: &warnings)
  }

  /// The sheet's rows (RFC 4180: quoted fields with commas, quotes and line breaks); a comma or,
  /// as French and Arabic spreadsheets save it, a semicolon separates cells (from the header).
  static func rows(of text: String, file: String) throws -> [[String]] {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
        } else {
          field.append(character)
        }
      } else if character == "\"" && field.isEmpty {
        quoted = true
      } else if character == separator {
        row.append(field)
        field = ""
      } else if character == "\n" || character == "\r\n" || character == "\r" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    if quoted { throw ImportError(file: file, place: "row \(rows.count + 1)", reason: "a quote that never closes") }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
