import PodiumCore
import ZeroMQ

/// CURVE on the daemon's sockets: its key pair and the peers it lets in, by public key.
public struct DaemonSecurity: Sendable {
  public var keys: CurveKeyPair
  /// Authorized peers by Z85 public key; anything else is refused at the handshake.
  public var peers: [String: Peer]

  public init(keys: CurveKeyPair, peers: [String: Peer]) {
    self.keys = keys
    self.peers = peers
  }

  /// The ZAP domain of the daemon's sockets.
  static let domain = "podium"
}
