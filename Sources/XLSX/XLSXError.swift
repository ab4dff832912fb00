/// Why a workbook cannot be read or written.
public struct XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where: a part of the file (`xl/worksheets/sheet1.xml`), a sheet or a cell.
  public var place: String
  /// What is wrong, in words a person can act on.
  public var reason: String

  /// Creates an error.
  public init(place: String, reason: String) {
    self.place = place
    self.reason = reason
  }

  /// `place: reason`.
  public var description: String { "\(place): \(reason)" }
}
