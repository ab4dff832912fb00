import PodiumCore
import Synchronization
import ZeroMQ

/// What other threads may do to a running daemon — stop it, bring a programme into force,
/// put new keys in force — and read of it: its health. Signal handlers and the metrics
/// server hold this; the loop itself (`Daemon`) stays on its own thread.
public final class DaemonControl: Sendable {
  private struct Requests {
    var stop = false
    var programme: Conference?
  }

  private let requests = Mutex(Requests())
  /// Wakes the loop's poll when a request arrives.
  let wake = WakeSignal()
  /// Who may connect and send commands (with CURVE); replaced by `reloadKeys`.
  let peers: AuthorizedPeers
  let logger: DaemonLogger
  /// The loop's vital signs, for a health endpoint.
  public let health = DaemonHealth()

  init(peers: [String: Peer], logger: DaemonLogger) {
    self.peers = AuthorizedPeers(peers)
    self.logger = logger
  }

  /// Asks the loop to stop; safe from any thread or a signal handler's queue.
  public func stop() {
    requests.withLock { $0.stop = true }
    wake.signal()
  }

  /// Brings a new programme into force (a re-imported schedule): recorded and published
  /// by the loop like any change.
  public func reload(_ conference: Conference) {
    requests.withLock { $0.programme = conference }
    wake.signal()
  }

  /// Puts a new list of authorized keys in force (SIGHUP): new handshakes and every
  /// command are checked against it; connections of revoked keys get `forbidden`.
  public func reloadKeys(_ authorized: [String: Peer]) {
    peers.replace(with: authorized)
    logger.info("keys reloaded: \(authorized.count) authorized")
  }

  var stopRequested: Bool { requests.withLock { $0.stop } }

  /// The programme asked for since the last call, if one was.
  func takeProgramme() -> Conference? {
    requests.withLock { requests in
      defer { requests.programme = nil }
      return requests.programme
    }
  }
}
