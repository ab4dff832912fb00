/// What one cell holds: a value, the formula that computed it if any, and its style.
public struct Cell: Equatable, Sendable {
  /// The value (for a formula: the value last computed and saved with the file); nil for a
  /// formula saved without its value (written by a program that does not compute formulas).
  public var value: CellValue?
  /// The formula without its `=`, when the cell is computed.
  public var formula: String?
  /// How the value is shown.
  public var style: CellStyle

  /// Creates a cell.
  public init(_ value: CellValue?, formula: String? = nil, style: CellStyle = CellStyle()) {
    self.value = value
    self.formula = formula
    self.style = style
  }

  /// The value as a date and time, when the cell is a number shown as a date or time.
  public func dateTime(uses1904Dates: Bool = false) -> SerialDate? {
    guard case .number(let serial) = value, style.numberFormat.map(NumberFormat.showsDateOrTime) == true else {
      return nil
    }
    return SerialDate(serial, uses1904Dates: uses1904Dates)
  }
}
