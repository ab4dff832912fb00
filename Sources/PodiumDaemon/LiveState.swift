import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore

/// The daemon's in-memory truth: the state after the last committed event, the
/// last sequence number and the head of every stream.
struct LiveState {
  var state: ConferenceState
  var lastSeq: Int64
  var heads: [String: Int64]

  init(state: ConferenceState, lastSeq: Int64, heads: [String: Int64]) {
    self.state = state
    self.lastSeq = lastSeq
    self.heads = heads
  }

  /// The state of a whole log: every event applied, every stream's head as published.
  init(replaying log: EventLog) throws {
    var state = ConferenceState()
    var heads: [String: Int64] = [:]
    var lastSeq: Int64 = 0
    try log.forEachEvent { stored in
      state.apply(stored.event)
      for topic in Topic.affected(by: stored.event) { heads[Topic.stream(of: topic)] = stored.seq }
      lastSeq = stored.seq
    }
    self.init(state: state, lastSeq: max(lastSeq, try log.lastSequence()), heads: heads)
  }

  /// The value of `topic` at `now`, as published and snapshotted.
  func value(of topic: String, at now: Date) -> JSONValue? {
    if topic == Topic.conference {
      return state.conference.flatMap { try? JSONValue(encoding: $0) }
    }
    guard let conference = state.conference else { return nil }
    let parts = topic.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2, let room = conference.room(parts[1]) else { return nil }
    switch (parts[0], parts.count) {
    case ("room", 2):
      return try? JSONValue(encoding: RoomStatus(room: room, conference: conference, state: state, at: now))
    case ("qa", 2):
      return try? JSONValue(encoding: QuestionBoardStatus(room: room.id, state: state))
    case ("qa", 3):
      return state.board(room.id).questions[parts[2]].flatMap { try? JSONValue(encoding: $0) }
    default:
      return nil
    }
  }

  /// Every topic that currently has a value.
  var topics: [String] {
    guard let conference = state.conference else { return [] }
    return [Topic.conference]
      + conference.rooms.flatMap { room in
        [Topic.room(room.id), Topic.questions(room.id)]
          + state.board(room.id).questions.values.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
          .map { Topic.question($0.id, in: room.id) }
      }
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
