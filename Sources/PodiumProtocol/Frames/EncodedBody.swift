import Foundation
import PodiumCore

/// Message bodies written around values already encoded: the daemon encodes each topic's
/// value once per batch and splices the same bytes into the update and, later, snapshots.
/// The bytes equal what `WireCoding` writes for `Update` and `Reply.Snapshot` (sorted keys).
public enum EncodedBody {
  /// One topic's value in a snapshot.
  public struct Entry: Sendable {
    public var topic: String
    public var seq: Int64
    /// The value's JSON.
    public var value: [UInt8]

    public init(topic: String, seq: Int64, value: [UInt8]) {
      self.topic = topic
      self.seq = seq
      self.value = value
    }
  }

  /// An update (docs/PROTOCOL.md §8); `value` nil: the topic no longer exists.
  public static func update(
    seq: Int64, prev: Int64, topic: String, at: Date, events: [String], value: [UInt8]?
  ) -> [UInt8] {
    var body = JSONText("{")
    body.member("at", string: PodiumJSON.formatInstant(at), first: true)
    body.member("event", string: events.last ?? "")
    body.key("events")
    body.append("[")
    for (index, event) in events.enumerated() {
      if index > 0 { body.append(",") }
      body.string(event)
    }
    body.append("]")
    body.member("prev", number: prev)
    body.member("seq", number: seq)
    body.member("stream", string: Topic.stream(of: topic))
    body.member("topic", string: topic)
    body.member("type", string: "update")
    body.key("value")
    body.append(value ?? Array("null".utf8))
    body.append("}")
    return body.bytes
  }

  /// An acknowledgement (docs/PROTOCOL.md §5).
  public static func acknowledgement(_ ack: Reply.Acknowledgement) -> [UInt8] {
    var body = JSONText("{")
    body.key("duplicate", first: true)
    body.append(ack.duplicate ? "true" : "false")
    body.key("events")
    body.append("[")
    for (index, event) in ack.events.enumerated() {
      body.append(index == 0 ? "{" : ",{")
      body.member("seq", number: event.seq, first: true)
      body.member("type", string: event.type)
      body.append("}")
    }
    body.append("]")
    body.member("id", string: ack.id)
    body.member("seq", number: ack.seq)
    body.member("type", string: ack.type)
    body.append("}")
    return body.bytes
  }

  /// A snapshot reply (docs/PROTOCOL.md §5), its entries in the order given.
  public static func snapshot(
    id: String?, prefix: String, seq: Int64, heads: [String: Int64], entries: [Entry]
  ) -> [UInt8] {
    SnapshotBody(prefix: prefix, seq: seq, heads: heads, entries: entries).reply(id: id)
  }

  /// A snapshot reply written once, for any number of requests: only the `id` differs.
  public struct SnapshotBody: Sendable {
    /// Everything before the `id` member, and everything after it.
    private let before: [UInt8]
    private let after: [UInt8]

    public init(prefix: String, seq: Int64, heads: [String: Int64], entries: [Entry]) {
      var body = JSONText("{")
      body.key("entries", first: true)
      body.append("[")
      for (index, entry) in entries.enumerated() {
        body.append(index == 0 ? "{" : ",{")
        body.member("seq", number: entry.seq, first: true)
        body.member("topic", string: entry.topic)
        body.key("value")
        body.append(entry.value)
        body.append("}")
      }
      body.append("]")
      body.key("heads")
      body.append("{")
      for (index, stream) in heads.keys.sorted().enumerated() {
        body.member(stream, number: heads[stream]!, first: index == 0)
      }
      body.append("}")
      before = body.bytes
      var rest = JSONText("")
      rest.member("prefix", string: prefix)
      rest.member("seq", number: seq)
      rest.member("type", string: "snapshot")
      rest.append("}")
      after = rest.bytes
    }

    /// The reply to the request `id` (nil: a request without one).
    public func reply(id: String?) -> [UInt8] {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(before.count + after.count + (id?.utf8.count ?? 0) + 16)
      bytes.append(contentsOf: before)
      if let id {
        var member = JSONText("")
        member.member("id", string: id)
        bytes.append(contentsOf: member.bytes)
      }
      bytes.append(contentsOf: after)
      return bytes
    }

    /// The size of a reply, in bytes, without its id.
    public var count: Int { before.count + after.count }
  }
}

/// JSON written byte by byte, with strings escaped as `JSONEncoder` escapes them.
struct JSONText {
  private(set) var bytes: [UInt8] = []

  init(_ start: String) {
    bytes.reserveCapacity(256)
    append(start)
  }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
  mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

  mutating func key(_ name: String, first: Bool = false) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func member(_ name: String, string value: String, first: Bool = false) {
    key(name, first: first)
    string(value)
  }

  mutating func member(_ name: String, number value: Int64, first: Bool = false) {
    key(name, first: first)
    append(String(value))
  }

  /// A JSON string, escaped as `JSONEncoder` escapes it.
  mutating func string(_ text: String) { PodiumJSON.appendString(text, to: &bytes) }
}
