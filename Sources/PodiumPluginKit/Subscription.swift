import Foundation
import PodiumProtocol

/// Following the daemon's updates by the Clone rules (docs/PROTOCOL.md §12): snapshot,
/// queue what arrives meanwhile, apply what continues each stream, resync on a gap, a
/// heartbeat that disagrees or silence, with backoff when snapshots go unanswered.
///
/// Pure: the caller owns the sockets and the clock, feeds in what arrived, and carries out
/// the returned actions.
public struct Subscription: Sendable {
  /// What the caller must do.
  public enum Action: Equatable, Sendable {
    /// Ask a snapshot for each prefix (then report each reply or timeout).
    case askSnapshots([String])
    /// The view changed: one topic, or (nil) all of it, `connected` included.
    case publish(changed: String?)
    /// The daemon went silent: close the update and request sockets, open and subscribe again.
    case reconnect
  }

  private enum Sync: Sendable {
    /// A snapshot is due at the instant.
    case due(Date)
    /// Snapshots asked for; updates received meanwhile wait here.
    case waiting(prefixes: Set<String>, snapshots: [Reply.Snapshot], queued: [Update])
    /// The replica is consistent and follows updates.
    case live
  }

  /// Topic prefixes followed.
  public let prefixes: [String]
  /// Seconds of silence after which the daemon counts as gone.
  public let silenceTimeout: TimeInterval
  /// First and longest wait between resynchronisation attempts (doubling in between).
  public let backoffRange: ClosedRange<TimeInterval>
  /// A number in 0..<1, drawn for each wait: the wait is the backoff plus up to half of it
  /// more, so that followers that failed together do not all ask again together.
  private let spread: @Sendable () -> Double

  /// The values followed, consistent as of `replica.seq`.
  public private(set) var replica: Replica
  /// Whether the daemon is reachable: a snapshot succeeded and it has not gone silent since.
  public private(set) var connected = false
  /// The wait before the next resync after a failed one.
  public private(set) var backoff: TimeInterval
  private var sync = Sync.due(.distantPast)
  private var lastHeard: Date

  public init(
    prefixes: [String], silenceTimeout: TimeInterval, backoff: ClosedRange<TimeInterval>, at now: Date,
    spread: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.spread = spread
    replica = Replica(prefixes: prefixes)
    self.prefixes = replica.prefixes
    self.silenceTimeout = silenceTimeout
    self.backoffRange = backoff
    self.backoff = backoff.lowerBound
    lastHeard = now
  }

  /// Whether updates are being applied as they come (not waiting for a snapshot).
  public var isLive: Bool {
    if case .live = sync { return true }
    return false
  }

  /// An update arrived.
  public mutating func received(_ update: Update, at now: Date) -> [Action] {
    lastHeard = now
    switch sync {
    case .due:
      return []  // the coming snapshot holds it
    case .waiting(let prefixes, let snapshots, var queued):
      queued.append(update)
      sync = .waiting(prefixes: prefixes, snapshots: snapshots, queued: queued)
      return []
    case .live:
      switch replica.apply(update) {
      case .applied: return [.publish(changed: update.topic)]
      case .ignored: return []
      case .gap: return resync(at: now)
      }
    }
  }

  /// A heartbeat arrived: while live, it checks the heads; after a silence, it means the daemon is back.
  public mutating func received(_ heartbeat: Heartbeat, at now: Date) -> [Action] {
    lastHeard = now
    switch sync {
    case .live:
      return replica.agrees(with: heartbeat) ? [] : resync(at: now)
    case .due where !connected:
      sync = .due(now)  // the daemon is back: no need to wait for the backoff
      return tick(at: now)
    case .due, .waiting:
      return []
    }
  }

  /// Any other message arrived on the update socket: the daemon is alive.
  public mutating func heard(at now: Date) {
    lastHeard = now
  }

  /// The snapshot asked for `prefix` arrived.
  public mutating func received(_ snapshot: Reply.Snapshot, for prefix: String, at now: Date) -> [Action] {
    guard case .waiting(var waiting, var snapshots, let queued) = sync, waiting.remove(prefix) != nil else { return [] }
    snapshots.append(snapshot)
    guard waiting.isEmpty else {
      sync = .waiting(prefixes: waiting, snapshots: snapshots, queued: queued)
      return []
    }
    var fresh = Replica(prefixes: prefixes)
    for snapshot in snapshots { fresh.load(snapshot) }
    for update in queued where fresh.apply(update) == .gap {
      sync = .due(now + wait)
      return []
    }
    replica = fresh
    sync = .live
    connected = true
    lastHeard = now
    backoff = backoffRange.lowerBound
    return [.publish(changed: nil)]
  }

  /// A snapshot went unanswered: not connected; try again after the backoff, which doubles.
  public mutating func snapshotFailed(at now: Date) -> [Action] {
    let wasConnected = connected
    connected = false
    sync = .due(now + wait)
    backoff = min(backoffRange.upperBound, backoff * 2)
    return wasConnected ? [.publish(changed: nil)] : []
  }

  /// What is due at `now`: a silence to act on, a snapshot to ask for.
  public mutating func tick(at now: Date) -> [Action] {
    var actions: [Action] = []
    if connected, now.timeIntervalSince(lastHeard) > silenceTimeout {
      connected = false
      sync = .due(now)
      actions += [.publish(changed: nil), .reconnect]
    }
    if case .due(let when) = sync, when <= now {
      sync = .waiting(prefixes: Set(prefixes), snapshots: [], queued: [])
      actions.append(.askSnapshots(Set(prefixes).sorted()))
    }
    return actions
  }

  /// The wait before the next attempt: the backoff, spread.
  private var wait: TimeInterval { backoff * (1 + spread() / 2) }

  /// A gap or a disagreeing heartbeat: snapshot again now.
  private mutating func resync(at now: Date) -> [Action] {
    sync = .due(now)
    return tick(at: now)
  }
}
