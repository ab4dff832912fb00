import Foundation

/// The votes this plugin forwarded, per device, so the audience page can grey out
/// what a device voted for. A hint only: the daemon alone counts votes.
final class VoteMemory: @unchecked Sendable {
  private let lock = NSLock()
  private var votes: [String: Set<String>] = [:]

  func remember(_ question: String, votedBy device: String) {
    lock.lock()
    votes[device, default: []].insert(question)
    lock.unlock()
  }

  func questions(votedBy device: String) -> Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return votes[device] ?? []
  }
}
