import Foundation
import PodiumProtocol

/// The `snapshot` and `events` requests waiting to be served: the expensive queries, which
/// the loop serves a few at a time between its other work, so that heartbeats, `hello`
/// and commands never wait behind them (docs/PROTOCOL.md §5, "Serving queries").
///
/// - A peer asking the same query again before the first was served gets one reply, to its
///   latest request (the earlier ones are superseded: it retried).
/// - A peer gets one reply to the same query every `pace` seconds at most; a request within
///   that time waits for it.
/// - A request that waited `patience` seconds is dropped: its asker gave up long ago.
///
/// A plain value, without sockets or clock: time is passed in.
struct QueryQueue {
  /// A query from one peer: its route, its request, when the daemon read it.
  struct Query {
    var route: [[UInt8]]
    var envelope: RequestEnvelope
    var received: Date
  }

  /// Which requests count as the same query: one peer, one kind, the same arguments.
  struct Key: Hashable {
    var peer: [UInt8]
    var query: String
  }

  /// The least time between two replies to one peer's same query.
  static let pace: TimeInterval = 0.25
  /// How long a request may wait before it is dropped (the reference client gives up after 1.5 s).
  static let patience: TimeInterval = 3

  private var waiting: [Key: Query] = [:]
  private var order: [Key] = []
  private var lastServed: [Key: Date] = [:]
  /// Requests dropped so far: superseded by a later one, or waited too long.
  private(set) var superseded = 0
  private(set) var expired = 0

  var isEmpty: Bool { waiting.isEmpty }
  var count: Int { waiting.count }

  /// The key of an expensive query, or nil for a request the loop answers at once.
  static func key(of envelope: RequestEnvelope, route: [[UInt8]]) -> Key? {
    let peer = route.first ?? []
    switch envelope.request {
    case .snapshot(let prefix): return Key(peer: peer, query: "snapshot " + prefix)
    case .events(let after, let limit): return Key(peer: peer, query: "events \(after) \(limit)")
    case .hello, .clock, .command: return nil
    }
  }

  /// Queues `query`; an earlier request of the same query gives it its place in the line.
  mutating func enqueue(_ query: Query, as key: Key) {
    if waiting.updateValue(query, forKey: key) == nil {
      order.append(key)
    } else {
      superseded += 1
    }
  }

  /// The next query to serve at `now`: the longest waiting whose pace allows it.
  mutating func next(at now: Date) -> Query? {
    var index = 0
    while index < order.count {
      let key = order[index]
      guard let query = waiting[key] else {
        order.remove(at: index)
        continue
      }
      if now.timeIntervalSince(query.received) > Self.patience {
        waiting[key] = nil
        order.remove(at: index)
        expired += 1
        continue
      }
      if let last = lastServed[key], now.timeIntervalSince(last) < Self.pace {
        index += 1
        continue
      }
      waiting[key] = nil
      order.remove(at: index)
      lastServed[key] = now
      return query
    }
    return nil
  }

  /// When the next waiting query may be served: now, later (its pace), or nil when none waits.
  func nextDue(at now: Date) -> Date? {
    waiting.map { key, _ in lastServed[key].map { max(now, $0.addingTimeInterval(Self.pace)) } ?? now }.min()
  }

  /// Forgets when queries were served, once that no longer paces anything.
  mutating func forgetServed(before now: Date) {
    guard lastServed.count > 1_000 else { return }
    lastServed = lastServed.filter { now.timeIntervalSince($0.value) < Self.pace }
  }
}
