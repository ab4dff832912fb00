import Foundation
import Synchronization

/// The daemon's vital signs, read from any thread (the health endpoint): when its loop last
/// turned, the sequence number, subscribers connected. The loop writes them on every turn.
public final class DaemonHealth: Sendable {
  /// A loop that has not turned for this long is unhealthy (the watchdog pings from the same turns).
  public static let stallLimit: TimeInterval = 5

  /// What `/health` reports.
  public struct Report: Codable, Equatable, Sendable {
    public var healthy: Bool
    public var seq: Int64
    /// Seconds since the main loop last turned.
    public var loopAge: Double
    public var subscribers: Int
  }

  private struct Signs {
    var lastTurn = Date()
    var seq: Int64 = 0
    var subscribers = 0
  }

  private let signs = Mutex(Signs())

  func turned(seq: Int64, subscribers: Int, at now: Date = Date()) {
    signs.withLock { $0 = Signs(lastTurn: now, seq: seq, subscribers: subscribers) }
  }

  /// The report as of `now`.
  public func report(at now: Date = Date()) -> Report {
    let signs = self.signs.withLock { $0 }
    let age = now.timeIntervalSince(signs.lastTurn)
    return Report(healthy: age < Self.stallLimit, seq: signs.seq, loopAge: age, subscribers: signs.subscribers)
  }
}
