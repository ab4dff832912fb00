import Foundation

/// The reverse proxies (nginx in front of the plugins) whose `X-Forwarded-For` and
/// `X-Forwarded-Proto` a plugin believes: addresses or networks (`127.0.0.2`, `10.0.0.0/8`,
/// `fd00::/8`). From any other peer those headers are ignored, so a client cannot choose the
/// address its rate limits count against.
public struct TrustedProxies: Equatable, Sendable {
  /// One address or network: its bytes and how many leading bits must match.
  struct Network: Equatable, Sendable {
    var bytes: [UInt8]
    var prefix: Int
  }

  /// Why an entry is not an address or network.
  public struct Invalid: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
  }

  let networks: [Network]
  /// The entries as given.
  public let entries: [String]

  /// No proxy is trusted.
  public init() {
    networks = []
    entries = []
  }

  public init(_ entries: [String]) throws {
    self.entries = entries
    networks = try entries.map { entry in
      let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
      guard let bytes = Self.bytes(of: parts[0]) else {
        throw Invalid(description: "'\(entry)' is not an IP address or network (127.0.0.2, 10.0.0.0/8, fd00::/8)")
      }
      let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
      guard let prefix, (0...bytes.count * 8).contains(prefix) else {
        throw Invalid(description: "'\(entry)': a network's prefix is 0…\(bytes.count * 8) bits")
      }
      return Network(bytes: bytes, prefix: prefix)
    }
  }

  /// Whether none is trusted.
  public var isEmpty: Bool { networks.isEmpty }

  /// Whether `address` is one of the trusted proxies.
  public func contains(_ address: String) -> Bool {
    guard let bytes = Self.bytes(of: address) else { return false }
    return networks.contains { network in
      guard network.bytes.count == bytes.count else { return false }
      let whole = network.prefix / 8
      let rest = network.prefix % 8
      guard network.bytes[..<whole] == bytes[..<whole] else { return false }
      guard rest > 0 else { return true }
      let mask = UInt8(0xFF) << (8 - rest)
      return network.bytes[whole] & mask == bytes[whole] & mask
    }
  }

  /// The client of a request that reached the plugin from `peer` with `forwardedFor`: when
  /// the peer is trusted, the nearest address in `X-Forwarded-For` that is not itself a
  /// trusted proxy (read from the right, as each proxy appends the address it saw); otherwise
  /// the peer, whatever the header says.
  public func client(peer: String, forwardedFor: String?) -> String {
    guard contains(peer), let forwardedFor else { return peer }
    let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var client = peer
    for hop in hops.reversed() {
      guard Self.bytes(of: hop) != nil else { break }  // a garbled header: stop at what is known
      client = hop
      if !contains(hop) { break }
    }
    return client
  }

  /// The bytes of an IPv4 or IPv6 address, or nil.
  static func bytes(of address: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, address, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
    return nil
  }
}
