import Foundation
import PodiumCore

/// The peers the daemon lets in, by public key, shared by the ZAP handler's thread and the
/// socket loop, and replaced on SIGHUP (a revoked key is refused from its next command).
final class AuthorizedPeers: @unchecked Sendable {
  private let lock = NSLock()
  private var peers: [String: Peer]

  init(_ peers: [String: Peer]) {
    self.peers = peers
  }

  subscript(key: String) -> Peer? {
    lock.lock()
    defer { lock.unlock() }
    return peers[key]
  }

  func replace(with new: [String: Peer]) {
    lock.lock()
    peers = new
    lock.unlock()
  }
}
