import Foundation

/// Addresses and networks (`127.0.0.2`, `10.0.0.0/8`, `fd00::/8`), and whether an address is
/// one of them: the reverse proxies a plugin believes, the hosts allowed to send OSC.
public struct IPNetworks: Equatable, Sendable {
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

  /// None.
  public init() {
    networks = []
    entries = []
  }

  public init(_ entries: [String]) throws {
    self.entries = entries
    networks = try entries.map { entry in
      let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
      guard let bytes = Self.bytes(of: parts.first ?? "") else {
        throw Invalid(description: "'\(entry)' is not an IP address or network (127.0.0.2, 10.0.0.0/8, fd00::/8)")
      }
      let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
      guard let prefix, (0...bytes.count * 8).contains(prefix) else {
        throw Invalid(description: "'\(entry)': a network's prefix is 0…\(bytes.count * 8) bits")
      }
      return Network(bytes: bytes, prefix: prefix)
    }
  }

  /// This machine: `127.0.0.0/8` and `::1`.
  public static let loopback = try! IPNetworks(["127.0.0.0/8", "::1"])

  /// Whether there are none.
  public var isEmpty: Bool { networks.isEmpty }

  /// Whether `address` is one of them (an IPv4 address mapped into IPv6 counts as itself).
  public func contains(_ address: String) -> Bool {
    guard var bytes = Self.bytes(of: address) else { return false }
    if bytes.count == 16, bytes[..<12] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] { bytes = Array(bytes[12...]) }
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

  /// The bytes of an IPv4 or IPv6 address, or nil.
  static func bytes(of address: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, address, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
    return nil
  }
}
