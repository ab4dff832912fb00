import Foundation
import PodiumCore

/// A message on the update endpoint (PUB): frame 1 is the topic, frame 2 this body.
public struct Update: Codable, Equatable, Sendable {
  public var type = "update"
  /// Strictly increasing across all topics; never reused, also across restarts.
  public var seq: Int64
  /// The sequence number of the previous update in the same stream (0 if none).
  public var prev: Int64
  public var topic: String
  public var stream: String
  /// When the event happened, by the daemon's clock.
  public var at: Date
  /// The type of the last event it reflects, e.g. `sessionStarted`.
  public var event: String
  /// The types of every event of its batch it reflects, in order (the last is `event`);
  /// nil from daemons before 0.2.0, which published one update per event.
  public var events: [String]?
  /// The topic's whole new value.
  public var value: JSONValue

  public init(
    seq: Int64, prev: Int64, topic: String, at: Date, event: String, events: [String]? = nil, value: JSONValue
  ) {
    self.seq = seq
    self.prev = prev
    self.topic = topic
    self.stream = Topic.stream(of: topic)
    self.at = at
    self.event = event
    self.events = events
    self.value = value
  }
}

/// Published on `sys/heartbeat` every second: the daemon is alive, its clock, and
/// the head of every stream, so a subscriber notices an update it missed.
public struct Heartbeat: Codable, Equatable, Sendable {
  public var type = "heartbeat"
  public var `protocol` = ProtocolVersion.current
  public var instance: String
  /// The last sequence number committed.
  public var seq: Int64
  public var heads: [String: Int64]
  public var now: Date

  public init(instance: String, seq: Int64, heads: [String: Int64], now: Date) {
    self.instance = instance
    self.seq = seq
    self.heads = heads
    self.now = now
  }
}
