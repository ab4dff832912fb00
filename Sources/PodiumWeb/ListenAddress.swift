/// A `host:port` a plugin's web server listens on.
public struct ListenAddress: Equatable, Sendable {
  public var host: String
  public var port: Int

  /// Parses `host:port` (port 0 lets the system pick one).
  public init(_ text: String) throws {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (0...65535).contains(port)
    else {
      throw ListenAddressError(text: text)
    }
    self.host = String(text[..<colon])
    self.port = port
  }
}

/// An address that is not `host:port`.
public struct ListenAddressError: Error, CustomStringConvertible {
  public var text: String
  public var description: String { "address must be host:port (got \(text))" }
}
