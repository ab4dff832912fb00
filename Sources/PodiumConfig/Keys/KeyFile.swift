import Foundation
import PodiumCore

/// One key of a keys directory: `NAME.key` (public and secret, mode 0600) and `NAME.pub`.
public struct KeyFile: Equatable, Sendable {
  public var peer: Peer
  /// Z85 text, 40 characters.
  public var publicKey: String
  /// Z85 text; nil when only the public half was read (`NAME.pub`).
  public var secretKey: String?

  public init(peer: Peer, publicKey: String, secretKey: String?) {
    self.peer = peer
    self.publicKey = publicKey
    self.secretKey = secretKey
  }
}
