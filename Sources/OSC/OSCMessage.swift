/// An OSC message: an address (`/podium/hall/addtime`) and typed arguments.
///
/// `init(decoding:)` and `encoded()` read and write the OSC 1.0 binary form through liblo.
public struct OSCMessage: Equatable, Sendable {
  /// The largest packet read or written: a UDP datagram that crosses a LAN unfragmented.
  public static let maximumBytes = 8 * 1024

  /// The address, starting with `/`.
  public var address: String
  /// The arguments, in order.
  public var arguments: [OSCArgument]

  public init(_ address: String, _ arguments: [OSCArgument] = []) {
    self.address = address
    self.arguments = arguments
  }

  /// The address's parts between slashes: `/podium/hall/start` → `podium`, `hall`, `start`.
  public var addressParts: [Substring] {
    address.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
  }

  /// The arguments' type tags, as OSC writes them (`,if`).
  public var typeTags: String { "," + String(arguments.map(\.typeTag)) }
}
