import CQREncode

/// A QR code drawn by libqrencode, as an SVG image that scales cleanly on any screen.
public struct QRCode: Sendable {
  /// Modules per side.
  public let size: Int
  /// Dark modules, row by row.
  public let modules: [Bool]

  /// The QR code of `text` (error correction level M), or nil if it does not fit.
  public init?(_ text: String) {
    guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    size = width
    modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
  }

  /// Whether the module at row, column is dark.
  public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

  /// An SVG with a quiet zone of four modules, black on white.
  public var svg: String {
    let side = size + 8
    var path = ""
    for row in 0..<size {
      for column in 0..<size where isDark(row: row, column: column) {
        path += "M\(column + 4) \(row + 4)h1v1h-1z"
      }
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
      <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
      """
  }
}
