import Foundation

/// Estimates the daemon's clock from `clock` round trips, NTP-style: of the
/// recent samples, trust the one with the shortest round trip.
public struct ClockOffset: Sendable {
  private struct Sample {
    var offset: TimeInterval
    var roundTrip: TimeInterval
  }

  private var samples: [Sample] = []
  private let keep: Int

  public init(keep: Int = 8) {
    self.keep = keep
  }

  /// Daemon clock minus local clock, in seconds (0 before any sample).
  public var offset: TimeInterval {
    samples.min { $0.roundTrip < $1.roundTrip }?.offset ?? 0
  }

  /// Whether any sample was taken.
  public var isMeasured: Bool { !samples.isEmpty }

  /// Records a round trip: sent at local `sent`, answered with daemon time `daemon`, received at local `received`.
  public mutating func record(sent: Date, daemon: Date, received: Date) {
    let roundTrip = max(0, received.timeIntervalSince(sent))
    let offset = daemon.timeIntervalSince(sent) - roundTrip / 2
    samples.append(Sample(offset: offset, roundTrip: roundTrip))
    if samples.count > keep { samples.removeFirst(samples.count - keep) }
  }
}
