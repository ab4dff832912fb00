internal import CXLSXWriter
import Foundation

extension Workbook {
  /// Writes the workbook to an `.xlsx` file through libxlsxwriter, replacing any file there.
  ///
  /// Numbers must be finite; error values cannot be written, and the file uses the 1900 date
  /// system. A sheet name Excel would refuse (too long, `[]:*?/\`, a duplicate) is an error.
  public func write(to path: String) throws(XLSXError) {
    guard !sheets.isEmpty else { throw XLSXError(place: path, reason: "a workbook needs at least one sheet") }
    guard !uses1904Dates else { throw XLSXError(place: path, reason: "libxlsxwriter writes the 1900 date system only") }
    guard let book = workbook_new(path) else {
      throw XLSXError(place: path, reason: "cannot create the file (does its folder exist and is it writable?)")
    }
    do throws(XLSXError) {
      try fill(book)
    } catch {
      workbook_close(book)
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
    let result = workbook_close(book)
    guard result == LXW_NO_ERROR else { throw XLSXError(place: path, reason: Self.reason(result)) }
  }

  private func fill(_ book: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
    if let title {
      title.withCString { text in
        var properties = lxw_doc_properties()
        properties.title = UnsafeMutablePointer(mutating: text)
        _ = workbook_set_properties(book, &properties)
      }
    }
    var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
      guard style != CellStyle() else { return nil }
      if let known = formats[style] { return known }
      guard let made = workbook_add_format(book) else { return nil }
      if style.bold { format_set_bold(made) }
      if style.wraps { format_set_text_wrap(made) }
      if let code = style.numberFormat { format_set_num_format(made, code) }
      formats[style] = made
      return made
    }
    for sheet in sheets {
      let place = "sheet '\(sheet.name)'"
      let named = workbook_validate_sheet_name(book, sheet.name)
      guard named == LXW_NO_ERROR else { throw XLSXError(place: place, reason: Self.reason(named)) }
      guard let worksheet = workbook_add_worksheet(book, sheet.name) else {
        throw XLSXError(place: place, reason: "libxlsxwriter refused the sheet")
      }
      if sheet.rightToLeft { worksheet_right_to_left(worksheet) }
      if sheet.frozenRows > 0 { worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), 0) }
      for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
        _ = worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
      }
      for range in sheet.merged {
        let result = worksheet_merge_range(
          worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column), lxw_row_t(range.last.row),
          lxw_col_t(range.last.column), "", format(sheet.cells[range.first]?.style ?? CellStyle()))
        guard result == LXW_NO_ERROR else { throw XLSXError(place: "\(place), \(range)", reason: Self.reason(result)) }
      }
      for (address, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
        guard let result = try Self.write(cell, at: address, in: worksheet, format: format(cell.style), place: place)
        else { continue }
        guard result == LXW_NO_ERROR else {
          throw XLSXError(place: "\(place), cell \(address)", reason: Self.reason(result))
        }
      }
    }
  }

  private static func write(
    _ cell: Cell, at address: CellAddress, in worksheet: UnsafeMutablePointer<lxw_worksheet>,
    format: UnsafeMutablePointer<lxw_format>?, place: String
  ) throws(XLSXError) -> lxw_error? {
    let (row, column) = (lxw_row_t(address.row), lxw_col_t(address.column))
    if case .number(let number) = cell.value, !number.isFinite {
      throw XLSXError(place: "\(place), cell \(address)", reason: "\(number) is not a number a spreadsheet holds")
    }
    switch (cell.value, cell.formula.map { "=" + $0 }) {
    case (.text(let text), nil): return worksheet_write_string(worksheet, row, column, text, format)
    case (.number(let number), nil): return worksheet_write_number(worksheet, row, column, number, format)
    case (.bool(let value), nil): return worksheet_write_boolean(worksheet, row, column, value ? 1 : 0, format)
    case (.text(let text), let formula?):
      return worksheet_write_formula_str(worksheet, row, column, formula, format, text)
    case (.number(let number), let formula?):
      return worksheet_write_formula_num(worksheet, row, column, formula, format, number)
    case (.bool(let value), let formula?):
      return worksheet_write_formula_num(worksheet, row, column, formula, format, value ? 1 : 0)
    case (nil, let formula?): return worksheet_write_formula(worksheet, row, column, formula, format)
    case (nil, nil): return nil
    case (.error(let code), _):
      throw XLSXError(place: "\(place), cell \(address)", reason: "the error value \(code) cannot be written")
    }
  }

  private static func reason(_ error: lxw_error) -> String {
    lxw_strerror(error).map { String(cString: $0) } ?? "libxlsxwriter error \(error.rawValue)"
  }
}
