/// One sheet of a workbook: sparse cells by address, merged ranges, and how it is shown.
public struct Worksheet: Equatable, Sendable {
  /// The tab's name: 1 to 31 characters, none of `[]:*?/\`, unique in its workbook.
  public var name: String
  /// The cells that hold something.
  public var cells: [CellAddress: Cell]
  /// Ranges shown as one cell; a merged range's value is its first cell's.
  public var merged: [CellRange]
  /// Column widths in characters, by column index (from 0); others keep the default.
  public var columnWidths: [Int: Double]
  /// Columns run from right to left (an Arabic sheet).
  public var rightToLeft: Bool
  /// Rows kept in view at the top when scrolling (a header row: 1).
  public var frozenRows: Int

  /// Creates a sheet.
  public init(
    name: String, cells: [CellAddress: Cell] = [:], merged: [CellRange] = [], columnWidths: [Int: Double] = [:],
    rightToLeft: Bool = false, frozenRows: Int = 0
  ) {
    self.name = name
    self.cells = cells
    self.merged = merged
    self.columnWidths = columnWidths
    self.rightToLeft = rightToLeft
    self.frozenRows = frozenRows
  }

  /// The cell at `row` and `column` (from 0), if it holds something.
  public subscript(row: Int, column: Int) -> Cell? {
    get { cells[CellAddress(row: row, column: column)] }
    set { cells[CellAddress(row: row, column: column)] = newValue }
  }

  /// How many rows and columns the cells span from A1 (0 × 0 for an empty sheet).
  public var extent: (rows: Int, columns: Int) {
    cells.keys.reduce((0, 0)) { (max($0.0, $1.row + 1), max($0.1, $1.column + 1)) }
  }

  /// Appends a row of values below the last row, all in `style`; returns its index.
  @discardableResult
  public mutating func append(_ values: [CellValue?], style: CellStyle = CellStyle()) -> Int {
    let row = extent.rows
    for (column, value) in values.enumerated() {
      if let value { self[row, column] = Cell(value, style: style) }
    }
    return row
  }
}
