/// A spreadsheet workbook as values: its sheets in order. Read from an `.xlsx` file with
/// `Workbook(reading:)`, written to one with `write(to:)`; knows nothing of conferences.
public struct Workbook: Equatable, Sendable {
  /// The sheets, in the order a spreadsheet application shows their tabs.
  public var sheets: [Worksheet]
  /// Whether serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30.
  public var uses1904Dates: Bool
  /// The document's title, shown in a spreadsheet application's properties.
  public var title: String?

  /// Creates a workbook.
  public init(sheets: [Worksheet] = [], uses1904Dates: Bool = false, title: String? = nil) {
    self.sheets = sheets
    self.uses1904Dates = uses1904Dates
    self.title = title
  }
}
