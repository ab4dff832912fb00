/// A cell's value as `.xlsx` stores it. Dates and times are numbers (days since the
/// workbook's epoch) that a date or time number format shows as such.
public enum CellValue: Equatable, Sendable {
  case text(String)
  case number(Double)
  case bool(Bool)
  /// A formula's error result, as Excel writes it: `#REF!`, `#DIV/0!`, `#N/A`.
  case error(String)
}
