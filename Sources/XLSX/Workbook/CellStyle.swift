/// How a cell is shown: the part of a spreadsheet's formatting Podium reads and writes.
public struct CellStyle: Hashable, Sendable {
  /// Bold text (a header row).
  public var bold: Bool
  /// The number format code (`yyyy-mm-dd hh:mm`, `0.0`, `[h]:mm`); nil: General.
  public var numberFormat: String?
  /// Long text wraps inside the cell.
  public var wraps: Bool

  /// Creates a style.
  public init(bold: Bool = false, numberFormat: String? = nil, wraps: Bool = false) {
    self.bold = bold
    self.numberFormat = numberFormat
    self.wraps = wraps
  }
}
