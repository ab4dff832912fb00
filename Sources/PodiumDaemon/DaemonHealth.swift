import Foundation

/// The daemon's vital signs, read from any thread (the health endpoint): when its loop last
/// turned, the sequence number, subscribers connected. The loop writes them on every turn.
public final class DaemonHealth: @unchecked Sendable {
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

  private let lock = NSLock()
  private var lastTurn = Date()
  private var seq: Int64 = 0
  private var subscribers = 0

  func turned(seq: Int64, subscribers: Int, at now: Date = Date()) {
    lock.lock()
    lastTurn = now
    self.seq = seq
    self.subscribers = subscribers
    lock.unlock()
  }

  /// The report as of `now`.
  public func report(at now: Date = Date()) -> Report {
    lock.lock()
    defer { lock.unlock() }
    let age = now.timeIntervalSince(lastTurn)
    return Report(healthy: age < Self.stallLimit, seq: seq, loopAge: age, subscribers: subscribers)
  }
}
