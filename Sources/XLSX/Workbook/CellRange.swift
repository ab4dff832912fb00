/// A rectangle of cells, `A3:C5`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top-left cell.
  public var first: CellAddress
  /// The bottom-right cell.
  public var last: CellAddress

  /// Creates a range.
  public init(_ first: CellAddress, _ last: CellAddress) {
    self.first = first
    self.last = last
  }

  /// Reads `A3:C5` (or one cell, `B2`).
  public init?(_ name: some StringProtocol) {
    let parts = name.split(separator: ":")
    guard (1...2).contains(parts.count), let first = CellAddress(parts[0]),
      let last = CellAddress(parts[parts.count - 1])
    else { return nil }
    self.init(first, last)
  }

  /// Whether `address` lies in the range.
  public func contains(_ address: CellAddress) -> Bool {
    (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
  }

  /// `A3:C5`.
  public var description: String { "\(first):\(last)" }
}
