import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore

/// The daemon's in-memory truth: the state after the last committed event, the last
/// sequence number, the head of every stream, and every topic's value as last published,
/// encoded once: the update that carried it and every snapshot since share those bytes.
struct LiveState {
  var state: ConferenceState
  var lastSeq: Int64
  var heads: [String: Int64]
  /// Each topic's JSON value as of its last change; a topic without a value is absent.
  var values: [String: [UInt8]] = [:]
  /// The sequence number of the newest checkpoint in the log (0: none yet).
  var checkpointSeq: Int64 = 0
  /// Encodes the values, remembering the programme's sessions and rooms as bytes.
  private var encoder = JSONBytesEncoder()

  init(state: ConferenceState, lastSeq: Int64, heads: [String: Int64]) {
    self.state = state
    self.lastSeq = lastSeq
    self.heads = heads
  }

  /// The state of a whole log: the newest valid checkpoint, then every event after it
  /// applied, every stream's head as published, every topic's value computed at `now`.
  /// `ignored` hears of each checkpoint that could not be trusted.
  init(
    replaying log: EventLog, at now: Date, ignored: (Int64, CheckpointRefusal) -> Void = { _, _ in }
  ) throws {
    let checkpoint = try log.newestCheckpoint(ignored: ignored)
    var state = checkpoint?.state ?? ConferenceState()
    var heads = checkpoint?.heads ?? [:]
    var lastSeq = checkpoint?.seq ?? 0
    try log.forEachEvent(after: lastSeq) { stored in
      state.apply(stored.event)
      for topic in Topic.affected(by: stored.event) { heads[Topic.stream(of: topic)] = stored.seq }
      lastSeq = stored.seq
    }
    self.init(state: state, lastSeq: max(lastSeq, try log.lastSequence()), heads: heads)
    checkpointSeq = checkpoint?.seq ?? 0
    refresh(topics, at: now)
  }

  /// The checkpoint of this state.
  var checkpoint: Checkpoint { Checkpoint(seq: lastSeq, state: state, heads: heads) }

  /// Encodes again the values of `changed` topics, as of `now`.
  mutating func refresh(_ changed: some Sequence<String>, at now: Date) {
    for topic in changed { values[topic] = encodedValue(of: topic, at: now) }
  }

  /// The JSON of `topic`'s value at `now`, nil when the topic has none.
  private mutating func encodedValue(of topic: String, at now: Date) -> [UInt8]? {
    func encode(_ value: some Encodable) -> [UInt8]? { try? encoder.encode(value) }
    if topic == Topic.conference { return state.conference.flatMap(encode) }
    guard let conference = state.conference else { return nil }
    let parts = topic.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2, let room = conference.room(parts[1]) else { return nil }
    switch (parts[0], parts.count) {
    case ("room", 2):
      return encode(RoomStatus(room: room, conference: conference, state: state, at: now))
    case ("qa", 2):
      return encode(QuestionBoardStatus(room: room.id, state: state))
    case ("qa", 3):
      return state.board(room.id).questions[parts[2]].flatMap(encode)
    default:
      return nil
    }
  }

  /// Every topic that can have a value, in snapshot order.
  var topics: [String] {
    guard let conference = state.conference else { return [] }
    return [Topic.conference]
      + conference.rooms.flatMap { room in
        [Topic.room(room.id), Topic.questions(room.id)]
          + state.board(room.id).questions.values.sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
          .map { Topic.question($0.id, in: room.id) }
      }
  }

  /// The snapshot reply for every topic under `prefix`, from the values as last published.
  func snapshot(id: String?, prefix: String) -> [UInt8] {
    snapshotBody(prefix: prefix).reply(id: id)
  }

  /// The snapshot of every topic under `prefix`, for any request id.
  func snapshotBody(prefix: String) -> EncodedBody.SnapshotBody {
    let entries = topics.filter { $0.hasPrefix(prefix) }.compactMap { topic -> EncodedBody.Entry? in
      values[topic].map { EncodedBody.Entry(topic: topic, seq: heads[Topic.stream(of: topic)] ?? 0, value: $0) }
    }
    return EncodedBody.SnapshotBody(prefix: prefix, seq: lastSeq, heads: heads, entries: entries)
  }
}

extension LiveState {
  /// One update to publish: frame 1 and frame 2.
  struct Publication {
    var topic: String
    var body: [UInt8]
  }

  /// The updates of a committed batch, in sequence order: each changed topic once, its value
  /// encoded again at `now` (and kept for snapshots; after a new programme, every topic's);
  /// each stream's `prev` chained from its head before the batch.
  mutating func publications(of changes: CommandBatch.Changes, at now: Date) -> [Publication] {
    let ordered = changes.topics.sorted { $0.value.seq < $1.value.seq }
    // A new programme can change what every room shows (its name, working conditions…).
    if changes.topics[Topic.conference] != nil { encoder.fragments.removeAll() }
    refresh(changes.topics[Topic.conference] == nil ? ordered.map(\.key) : topics, at: now)
    var heads = changes.headsBefore
    return ordered.map { topic, change in
      let stream = Topic.stream(of: topic)
      let prev = heads[stream] ?? 0
      heads[stream] = change.seq
      return Publication(
        topic: topic,
        body: EncodedBody.update(
          seq: change.seq, prev: prev, topic: topic, at: now, events: change.events, value: values[topic]))
    }
  }
}
