import Foundation

/// The running clock of the session on in a room, kept as absolute instants.
///
/// Nothing here ticks: every screen computes time left from these instants and
/// its own offset to the daemon's clock, so all screens agree.
public struct SessionTimer: Codable, Equatable, Sendable {
  /// When the session actually started.
  public var startedAt: Date
  /// The session's allotted length at start, in seconds.
  public var duration: TimeInterval
  /// Time added (positive) or removed (negative) since, in seconds.
  public var added: TimeInterval
  /// Time spent paused in finished pauses, in seconds.
  public var pausedTotal: TimeInterval
  /// When the current pause began, if paused.
  public var pausedAt: Date?

  public init(
    startedAt: Date, duration: TimeInterval, added: TimeInterval = 0, pausedTotal: TimeInterval = 0,
    pausedAt: Date? = nil
  ) {
    self.startedAt = startedAt
    self.duration = duration
    self.added = added
    self.pausedTotal = pausedTotal
    self.pausedAt = pausedAt
  }

  /// Whether the countdown is paused.
  public var isPaused: Bool { pausedAt != nil }

  /// Seconds paused up to `now`, the running pause included.
  public func paused(at now: Date) -> TimeInterval {
    pausedTotal + (pausedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0)
  }

  /// The instant the session ends if nothing changes, as of `now`.
  public func endsAt(at now: Date) -> Date {
    startedAt.addingTimeInterval(duration + added + paused(at: now))
  }

  /// Seconds left at `now`; negative when running over.
  public func timeLeft(at now: Date) -> TimeInterval {
    endsAt(at: now).timeIntervalSince(now)
  }

  /// Seconds of speaking time used at `now`, pauses excluded.
  public func elapsed(at now: Date) -> TimeInterval {
    now.timeIntervalSince(startedAt) - paused(at: now)
  }

  /// When the session would finish if it stopped now or at its end, whichever is later.
  public func projectedEnd(at now: Date) -> Date {
    max(now, endsAt(at: now))
  }
}
