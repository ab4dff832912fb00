import PodiumCore
import PodiumProtocol

/// A plugin's copy of the topics it follows, kept consistent by the Clone rules:
/// load a snapshot, then apply only updates that continue each stream's chain.
///
/// Pure and single-threaded; `PodiumClient` drives it from its socket thread.
public struct Replica: Sendable {
  /// What became of an update.
  public enum Outcome: Equatable, Sendable {
    /// It continued its stream's chain and is now reflected.
    case applied
    /// The snapshot or an earlier update already reflects it, or it is outside the prefixes.
    case ignored
    /// An update of its stream was missed: resynchronise from a snapshot.
    case gap
  }

  /// Topic prefixes followed (`""` for everything).
  public let prefixes: [String]
  /// The value of each followed topic.
  public private(set) var values: [String: JSONValue] = [:]
  /// The last sequence number reflected per followed stream.
  public private(set) var heads: [String: Int64] = [:]
  /// The highest sequence number reflected.
  public private(set) var seq: Int64 = 0

  public init(prefixes: [String]) {
    self.prefixes = prefixes.isEmpty ? [""] : prefixes
  }

  /// Whether a topic or stream is followed.
  public func follows(_ topic: String) -> Bool {
    prefixes.contains { topic.hasPrefix($0) || $0.hasPrefix(topic + "/") }
  }

  /// Replaces what the snapshot covers: its matching topics and streams.
  public mutating func load(_ snapshot: Reply.Snapshot) {
    for topic in values.keys where topic.hasPrefix(snapshot.prefix) { values[topic] = nil }
    for entry in snapshot.entries where follows(entry.topic) { values[entry.topic] = entry.value }
    for (stream, head) in snapshot.heads where follows(stream) { heads[stream] = head }
    seq = max(seq, snapshot.seq)
  }

  /// Applies an update if it continues its stream.
  public mutating func apply(_ update: Update) -> Outcome {
    guard follows(update.topic) else { return .ignored }
    let head = heads[update.stream] ?? 0
    if update.seq <= head { return .ignored }
    guard update.prev == head else { return .gap }
    heads[update.stream] = update.seq
    values[update.topic] = update.value == .null ? nil : update.value
    seq = max(seq, update.seq)
    return .applied
  }

  /// Whether a heartbeat agrees with what was applied (no update missed, no log rewound).
  public func agrees(with heartbeat: Heartbeat) -> Bool {
    if heartbeat.seq < seq { return false }
    for (stream, head) in heartbeat.heads where follows(stream) && head != (heads[stream] ?? 0) {
      return false
    }
    return true
  }
}
