import Foundation
import PodiumCore

/// An event as the log holds it: its sequence number, instant, topic and cause.
public struct StoredEvent: Equatable, Sendable {
  /// Strictly increasing, never reused.
  public var seq: Int64
  /// When it happened, by the daemon's clock.
  public var at: Date
  /// The topic it updates (e.g. `room/plenary`).
  public var topic: String
  /// The stream of the topic, for sequence chaining.
  public var stream: String
  /// The id of the command that caused it, if a command did.
  public var commandId: String?
  public var event: AnyEvent

  public init(seq: Int64, at: Date, topic: String, stream: String, commandId: String?, event: AnyEvent) {
    self.seq = seq
    self.at = at
    self.topic = topic
    self.stream = stream
    self.commandId = commandId
    self.event = event
  }
}
