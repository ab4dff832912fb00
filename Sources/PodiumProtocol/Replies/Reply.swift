import Foundation
import PodiumCore

/// Replies from the command endpoint. Every reply is one JSON object with a `type`
/// and the request's `id` echoed.
public enum Reply {
  /// The answer to `hello`.
  public struct Welcome: Codable, Equatable, Sendable {
    public var type = "welcome"
    public var id: String?
    public var `protocol` = ProtocolVersion.current
    /// The daemon's name and version, e.g. `podiumd 0.1.0`.
    public var daemon: String
    /// Changes each time the daemon starts.
    public var instance: String
    /// The last sequence number committed.
    public var seq: Int64
    /// The daemon's clock.
    public var now: Date
    /// Where updates are published, as the daemon bound it.
    public var updates: String

    public init(id: String?, daemon: String, instance: String, seq: Int64, now: Date, updates: String) {
      self.id = id
      self.daemon = daemon
      self.instance = instance
      self.seq = seq
      self.now = now
      self.updates = updates
    }
  }

  /// The answer to `clock`.
  public struct Clock: Codable, Equatable, Sendable {
    public var type = "clock"
    public var id: String?
    public var now: Date

    public init(id: String?, now: Date) {
      self.id = id
      self.now = now
    }
  }

  /// One topic's value in a snapshot.
  public struct Entry: Codable, Equatable, Sendable {
    public var topic: String
    /// The sequence number of the update that set this value.
    public var seq: Int64
    public var value: JSONValue

    public init(topic: String, seq: Int64, value: JSONValue) {
      self.topic = topic
      self.seq = seq
      self.value = value
    }
  }

  /// The answer to `snapshot`: every matching topic as of `seq`.
  public struct Snapshot: Codable, Equatable, Sendable {
    public var type = "snapshot"
    public var id: String?
    public var prefix: String
    /// The state reflects every update up to and including this sequence number.
    public var seq: Int64
    /// The last sequence number of every stream, matching or not.
    public var heads: [String: Int64]
    public var entries: [Entry]

    public init(id: String?, prefix: String, seq: Int64, heads: [String: Int64], entries: [Entry]) {
      self.id = id
      self.prefix = prefix
      self.seq = seq
      self.heads = heads
      self.entries = entries
    }
  }

  /// An event a command caused, as named in an acknowledgement.
  public struct EventReference: Codable, Equatable, Sendable {
    public var seq: Int64
    public var type: String

    public init(seq: Int64, type: String) {
      self.seq = seq
      self.type = type
    }
  }

  /// A command was applied and committed (or had been, for a retried id).
  public struct Acknowledgement: Codable, Equatable, Sendable {
    public var type = "ack"
    public var id: String
    /// The last sequence number committed when the command was applied.
    public var seq: Int64
    /// The events the command caused (none if it changed nothing).
    public var events: [EventReference]
    /// True when this id had been applied before: nothing was applied again.
    public var duplicate: Bool

    public init(id: String, seq: Int64, events: [EventReference], duplicate: Bool = false) {
      self.id = id
      self.seq = seq
      self.events = events
      self.duplicate = duplicate
    }
  }

  /// A refused request. Nothing changed.
  public struct Failure: Codable, Equatable, Sendable {
    public var type = "error"
    public var id: String?
    public var code: ErrorCode
    public var message: String
    public var field: String?

    public init(id: String?, _ error: ProtocolError) {
      self.id = id
      self.code = error.code
      self.message = error.message
      self.field = error.field
    }
  }

  /// One entry of the event log.
  public struct LogEntry: Codable, Equatable, Sendable {
    public var seq: Int64
    public var at: Date
    public var topic: String
    public var type: String
    /// The version of the event's payload shape (the log stores older ones raised to it).
    public var version: Int
    /// The command id that caused the event, if a command did.
    public var command: String?
    /// `{"<type>": {payload}}`: the payload, named after the type.
    public var event: JSONValue

    public init(seq: Int64, at: Date, topic: String, type: String, version: Int, command: String?, event: JSONValue) {
      self.seq = seq
      self.at = at
      self.topic = topic
      self.type = type
      self.version = version
      self.command = command
      self.event = event
    }

    private enum CodingKeys: String, CodingKey {
      case seq, at, topic, type, version, command, event
    }

    /// Reads an entry; one from a daemon before 0.2.0, which sent no `version`, is version 1.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      seq = try container.decode(Int64.self, forKey: .seq)
      at = try container.decode(Date.self, forKey: .at)
      topic = try container.decode(String.self, forKey: .topic)
      type = try container.decode(String.self, forKey: .type)
      version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
      command = try container.decodeIfPresent(String.self, forKey: .command)
      event = try container.decode(JSONValue.self, forKey: .event)
    }
  }

  /// The answer to `events`.
  public struct Events: Codable, Equatable, Sendable {
    public var type = "events"
    public var id: String?
    /// The last sequence number committed.
    public var last: Int64
    public var events: [LogEntry]

    public init(id: String?, last: Int64, events: [LogEntry]) {
      self.id = id
      self.last = last
      self.events = events
    }
  }
}
