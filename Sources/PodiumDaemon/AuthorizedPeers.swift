import PodiumCore
import Synchronization

/// The peers the daemon lets in, by public key, shared by the ZAP handler's thread and the
/// socket loop, and replaced on SIGHUP (a revoked key is refused from its next command).
final class AuthorizedPeers: Sendable {
  private let peers: Mutex<[String: Peer]>

  init(_ peers: [String: Peer]) {
    self.peers = Mutex(peers)
  }

  subscript(key: String) -> Peer? {
    peers.withLock { $0[key] }
  }

  func replace(with new: [String: Peer]) {
    peers.withLock { $0 = new }
  }
}
