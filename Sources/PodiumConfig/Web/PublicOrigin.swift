import Foundation

/// The address people reach a web plugin at, as an origin: `https://ask.venue.example` or
/// `http://192.168.10.5:8473` (on the venue's LAN, behind a proxy). QR codes and printed links
/// are built on it, and state-changing requests are accepted from it.
public struct PublicOrigin: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// `http` or `https`, lower-case.
  public let scheme: String
  /// The host name or address, lower-case (IPv6 in brackets).
  public let host: String
  /// The port, when the URL names one.
  public let port: Int?

  /// Why a text is not a public origin.
  public struct Invalid: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
  }

  /// Parses `text`: http or https, a host, an optional port, and nothing after (pages link with
  /// absolute paths, so a plugin is reached at the root of its origin).
  public init(_ text: String) throws {
    let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
    guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(),
      ["http", "https"].contains(scheme)
    else {
      throw Invalid(description: "'\(text)' must start with http:// or https://")
    }
    guard let host = parts.host, !host.isEmpty else { throw Invalid(description: "'\(text)' names no host") }
    guard parts.path.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil else {
      throw Invalid(
        description: "'\(text)' must be an origin only (scheme, host and port: no path, query or login), "
          + "as in https://ask.venue.example")
    }
    self.scheme = scheme
    self.host = host.lowercased()
    self.port = parts.port
  }

  /// `scheme://host[:port]`.
  public var description: String {
    let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    return "\(scheme)://\(shownHost)" + (port.map { ":\($0)" } ?? "")
  }

  /// Whether it is this machine only (no phone or screen elsewhere can open it).
  public var isLoopback: Bool { Loopback.isHost(host) }

  /// The URL of `path` (absolute, with any query) at this origin.
  public func url(_ path: String) -> String {
    description + (path.hasPrefix("/") ? path : "/" + path)
  }
}
