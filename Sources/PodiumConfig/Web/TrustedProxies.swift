import Foundation

/// The reverse proxies (nginx in front of the plugins) whose `X-Forwarded-For` and
/// `X-Forwarded-Proto` a plugin believes: addresses or networks (`127.0.0.2`, `10.0.0.0/8`,
/// `fd00::/8`). From any other peer those headers are ignored, so a client cannot choose the
/// address its rate limits count against.
public struct TrustedProxies: Equatable, Sendable {
  /// Why an entry is not an address or network.
  public typealias Invalid = IPNetworks.Invalid

  /// The proxies.
  public let networks: IPNetworks
  /// The entries as given.
  public var entries: [String] { networks.entries }

  /// No proxy is trusted.
  public init() {
    networks = IPNetworks()
  }

  public init(_ entries: [String]) throws {
    networks = try IPNetworks(entries)
  }

  /// Whether none is trusted.
  public var isEmpty: Bool { networks.isEmpty }

  /// Whether `address` is one of the trusted proxies.
  public func contains(_ address: String) -> Bool { networks.contains(address) }

  /// The client of a request that reached the plugin from `peer` with `forwardedFor`: when
  /// the peer is trusted, the nearest address in `X-Forwarded-For` that is not itself a
  /// trusted proxy (read from the right, as each proxy appends the address it saw); otherwise
  /// the peer, whatever the header says.
  public func client(peer: String, forwardedFor: String?) -> String {
    guard contains(peer), let forwardedFor else { return peer }
    let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var client = peer
    for hop in hops.reversed() {
      guard IPNetworks.bytes(of: hop) != nil else { break }  // a garbled header: stop at what is known
      client = hop
      if !contains(hop) { break }
    }
    return client
  }
}
