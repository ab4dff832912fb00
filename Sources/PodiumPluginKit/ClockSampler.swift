import Foundation

/// When to ask the daemon's clock, and what it says: every 0.5 s until a sample came back,
/// then every 5 s; the offset is that of the sample with the shortest round trip
/// (docs/PROTOCOL.md §11). Pure: the caller sends the `clock` requests.
public struct ClockSampler: Sendable {
  /// Seconds between samples before the first one came back, and after.
  public static let intervals: (unmeasured: TimeInterval, measured: TimeInterval) = (0.5, 5)

  private var clock = ClockOffset()
  private var next = Date.distantPast

  public init() {}

  /// Daemon clock minus local clock, in seconds (0 before any sample).
  public var offset: TimeInterval { clock.offset }

  /// Whether a sample is due at `now`; if so, the next one is scheduled.
  public mutating func due(at now: Date) -> Bool {
    guard now >= next else { return false }
    next = now + (clock.isMeasured ? Self.intervals.measured : Self.intervals.unmeasured)
    return true
  }

  /// Records the reply to a sample sent at local `sent`: the daemon's `daemon`, received at local `received`.
  public mutating func record(sent: Date, daemon: Date, received: Date) {
    clock.record(sent: sent, daemon: daemon, received: received)
  }
}
