import Foundation
import PodiumCore
import XLSX

/// Reads a programme kept in an `.xlsx` workbook: its first sheet, in the same column layout as
/// a CSV programme. Cells formatted as dates and times are read as such (Excel's serial
/// numbers); a formula counts by the value saved with the file (one warning says which cells);
/// merged cells, formula errors and formulas saved without a value are refused, naming the cell.
struct XLSXScheduleReader {
  /// The largest sheet read: a conference's programme is hundreds of rows, not a million.
  static let maximumRows = 100_000
  static let maximumColumns = 100

  var file: String
  var givenTimeZone: String?

  func read(_ data: Data, warnings: inout [ImportWarning]) throws -> RawSchedule {
    let workbook: Workbook
    do {
      workbook = try Workbook(reading: data)
    } catch {
      throw ImportError(file: file, place: error.place, reason: error.reason)
    }
    return try read(workbook, warnings: &warnings)
  }

  func read(_ workbook: Workbook, warnings: inout [ImportWarning]) throws -> RawSchedule {
    guard let sheet = workbook.sheets.first else {
      throw ImportError(file: file, place: "the workbook", reason: "no sheet: the programme is the first sheet")
    }
    let prefix = "sheet '\(sheet.name)', "
    if workbook.sheets.count > 1 {
      let others = workbook.sheets.dropFirst().map { "'\($0.name)'" }.joined(separator: ", ")
      warnings.append(
        ImportWarning(file: file, place: "the workbook", reason: "the programme is the first sheet; \(others) not read")
      )
    }
    if let merged = sheet.merged.min(by: { $0.first < $1.first }) {
      throw ImportError(
        file: file, place: "\(prefix)cells \(merged)",
        reason: "merged cells: unmerge them and give each row its own value (one session a row)")
    }
    let extent = sheet.extent
    guard extent.rows <= Self.maximumRows, extent.columns <= Self.maximumColumns else {
      throw ImportError(
        file: file, place: "sheet '\(sheet.name)'",
        reason: "\(extent.rows) rows × \(extent.columns) columns: a programme has at most \(Self.maximumRows) rows "
          + "and \(Self.maximumColumns) columns (a stray value far below or to the right?)")
    }
    var formulas: [CellAddress] = []
    var rows = Array(repeating: [ProgrammeCell](repeating: .text(""), count: extent.columns), count: extent.rows)
    for (address, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
      let place = "\(prefix)row \(address.row + 1), cell \(address)"
      if let formula = cell.formula {
        guard cell.value != nil else {
          throw ImportError(
            file: file, place: place,
            reason: "\(formula.isEmpty ? "a shared formula" : "the formula =\(formula)") was saved without its value: "
              + "open and save the file in a spreadsheet")
        }
        formulas.append(address)
      }
      switch cell.value {
      case .text(let text): rows[address.row][address.column] = .text(text)
      case .number(let number):
        rows[address.row][address.column] = .number(
          number, shownAs: cell.dateTime(uses1904Dates: workbook.uses1904Dates))
      case .bool(let value): rows[address.row][address.column] = .text(value ? "TRUE" : "FALSE")
      case .error(let code):
        throw ImportError(file: file, place: place, reason: "the cell shows the error \(code): correct its formula")
      case nil: break
      }
    }
    if !formulas.isEmpty {
      let named = formulas.prefix(5).map(\.description).joined(separator: ", ") + (formulas.count > 5 ? ", …" : "")
      warnings.append(
        ImportWarning(
          file: file, place: "sheet '\(sheet.name)'",
          reason: "\(formulas.count) cell(s) hold formulas (\(named)): the values saved with the file are read"))
    }
    return try ProgrammeSheetReader(file: file, givenTimeZone: givenTimeZone).read(
      ProgrammeSheet(rows: rows, placePrefix: prefix), warnings: &warnings)
  }
}
