import Foundation
import PodiumCore
import PodiumProtocol

/// The daemon's in-memory truth: the state after the last committed event, the
/// last sequence number and the head of every stream.
struct LiveState {
  var state: ConferenceState
  var lastSeq: Int64
  var heads: [String: Int64]

  /// The value of `topic` at `now`, as published and snapshotted.
  func value(of topic: String, at now: Date) -> JSONValue? {
    if topic == Topic.conference {
      return state.conference.flatMap { try? JSONValue(encoding: $0) }
    }
    guard let conference = state.conference, topic.hasPrefix("room/") else { return nil }
    let roomId = String(topic.dropFirst("room/".count))
    guard let room = conference.room(roomId) else { return nil }
    let status = RoomStatus(room: room, conference: conference, state: state, at: now)
    return try? JSONValue(encoding: status)
  }

  /// Every topic that currently has a value.
  var topics: [String] {
    guard let conference = state.conference else { return [] }
    return [Topic.conference] + conference.rooms.map { Topic.room($0.id) }
  }

  /// The snapshot of every topic under `prefix` at `now`.
  func snapshot(id: String?, prefix: String, at now: Date) -> Reply.Snapshot {
    let entries = topics.filter { $0.hasPrefix(prefix) }.compactMap { topic -> Reply.Entry? in
      guard let value = value(of: topic, at: now) else { return nil }
      return Reply.Entry(topic: topic, seq: heads[Topic.stream(of: topic)] ?? 0, value: value)
    }
    return Reply.Snapshot(id: id, prefix: prefix, seq: lastSeq, heads: heads, entries: entries)
  }
}
