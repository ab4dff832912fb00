/// A cell's place: row and column from 0, named as spreadsheets name it (`A1`, `AB12`).
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The row, from 0 (row 1 in a spreadsheet).
  public var row: Int
  /// The column, from 0 (column A).
  public var column: Int

  /// Creates an address.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Reads `B3` (letters, then a row number from 1); nil for anything else.
  public init?(_ name: some StringProtocol) {
    let letters = name.prefix { $0.isASCII && $0.isLetter }
    guard !letters.isEmpty, letters.count <= 3, let number = Int(name.dropFirst(letters.count)), number >= 1 else {
      return nil
    }
    var column = 0
    for letter in letters.uppercased().unicodeScalars { column = column * 26 + Int(letter.value) - 64 }
    self.init(row: number - 1, column: column - 1)
  }

  /// `B3`.
  public var description: String { Self.columnName(column) + String(row + 1) }

  /// A column's name as spreadsheets write it: A, B, …, Z, AA.
  public static func columnName(_ column: Int) -> String {
    var index = column, letters = ""
    repeat {
      letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
      index = index / 26 - 1
    } while index >= 0
    return letters
  }

  public static func < (left: CellAddress, right: CellAddress) -> Bool {
    (left.row, left.column) < (right.row, right.column)
  }
}
