import Synchronization

/// The votes this plugin forwarded, per device, so the audience page can grey out
/// what a device voted for. A hint only: the daemon alone counts votes.
final class VoteMemory: Sendable {
  private let votes = Mutex<[String: Set<String>]>([:])

  func remember(_ question: String, votedBy device: String) {
    votes.withLock { _ = $0[device, default: []].insert(question) }
  }

  func questions(votedBy device: String) -> Set<String> {
    votes.withLock { $0[device] ?? [] }
  }
}
