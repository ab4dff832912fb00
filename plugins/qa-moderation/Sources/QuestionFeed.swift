import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb
import Synchronization

/// Follows the daemon's `qa/` topics and pushes what changed to the audience and the
/// moderators of each room, batched a few times a second; serves full views on connect.
///
/// One lock orders flushes and connects, so a page's full view and the changes that
/// follow it never overlap or leave a hole.
final class QuestionFeed: Sendable {
  /// The body of a `questions` event.
  struct Batch<Item: Encodable>: Encodable {
    var full: Bool
    var questions: [Item]
    var removed: [String]
  }

  let client: PodiumClient
  let audience = LiveHub()
  let moderators = LiveHub()
  /// What the pages were last sent: each `qa/` topic's value, the rooms' questions, the programme.
  private struct Published {
    var values: [String: JSONValue] = [:]
    var rooms: [Room.ID: RoomQuestions] = [:]
    var conference: Conference?
  }

  private let published = Mutex(Published())

  init(client: PodiumClient) {
    self.client = client
  }

  /// Publishes the changes since the last flush, every `interval` seconds until cancelled.
  func run(interval: TimeInterval = 0.25) async {
    while !Task.isCancelled {
      flush()
      try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
    }
  }

  /// One room's questions, up to date.
  func room(_ id: Room.ID) -> RoomQuestions {
    flush()
    return published.withLock { $0.rooms[id] ?? RoomQuestions(room: id) }
  }

  /// Connects an audience page or a moderator console and sends it the full view.
  func connect(room: Room.ID, moderator: Bool, name: String) -> AsyncStream<String> {
    flush()
    return published.withLock { published in
      connect(room: room, moderator: moderator, name: name, current: published.rooms[room] ?? RoomQuestions(room: room))
    }
  }

  private func connect(room: Room.ID, moderator: Bool, name: String, current: RoomQuestions) -> AsyncStream<String> {
    let hub = moderator ? moderators : audience
    let (screen, events) = hub.connect(
      name: name, room: room, kind: moderator ? "moderator" : "audience", first: RoomFeed.clock(client.daemonNow))
    if moderator {
      hub.send(Self.event("board", current.board), to: screen.id)
      hub.send(Self.event("questions", Batch(full: true, questions: current.allQuestions, removed: [])), to: screen.id)
    } else {
      hub.send(Self.event("board", current.audienceBoard), to: screen.id)
      hub.send(
        Self.event("questions", Batch(full: true, questions: current.audienceQuestions, removed: [])), to: screen.id)
    }
    return events
  }

  /// Publishes what changed in the `qa/` topics (and session titles) since the last flush.
  func flush() {
    let view = client.view
    published.withLock { published in
      let conferenceChanged = view.conference != published.conference
      published.conference = view.conference
      var changedRooms: Set<Room.ID> = []
      var changedQuestions: [Room.ID: [Question.ID]] = [:]
      for (topic, value) in view.topics where topic.hasPrefix("qa/") && published.values[topic] != value {
        published.values[topic] = value
        record(topic, value, in: &published.rooms, &changedRooms, &changedQuestions)
      }
      for topic in published.values.keys where view.topics[topic] == nil {
        published.values[topic] = nil
        record(topic, nil, in: &published.rooms, &changedRooms, &changedQuestions)
      }
      if conferenceChanged {
        changedRooms.formUnion(published.rooms.keys)
        changedRooms.formUnion(published.conference?.rooms.map(\.id) ?? [])
      }
      for room in changedRooms { publishBoard(room, in: &published) }
      for (room, ids) in changedQuestions {
        publishQuestions(ids, in: room, of: published.rooms[room] ?? RoomQuestions(room: room))
      }
    }
  }

  private func record(
    _ topic: String, _ value: JSONValue?, in rooms: inout [Room.ID: RoomQuestions], _ changedRooms: inout Set<Room.ID>,
    _ changedQuestions: inout [Room.ID: [Question.ID]]
  ) {
    let parts = topic.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2 else { return }
    let room = parts[1]
    if parts.count == 2 {
      rooms[room, default: RoomQuestions(room: room)].board =
        (try? value?.decode(QuestionBoardStatus.self)) ?? QuestionBoardStatus(room: room)
      changedRooms.insert(room)
    } else if parts.count == 3 {
      let previous = rooms[room]?.questions[parts[2]]
      rooms[room, default: RoomQuestions(room: room)].questions[parts[2]] = try? value?.decode(Question.self)
      changedQuestions[room, default: []].append(parts[2])
      if previous == nil { changedRooms.insert(room) }
    }
  }

  private func publishBoard(_ room: Room.ID, in published: inout Published) {
    var current = published.rooms[room] ?? RoomQuestions(room: room)
    current.session = current.board.session.flatMap { published.conference?.session($0) }.map {
      RoomQuestions.SessionSummary(id: $0.id, title: $0.title, titles: $0.titles)
    }
    published.rooms[room] = current
    moderators.send(Self.event("board", current.board), toRoom: room)
    audience.send(Self.event("board", current.audienceBoard), toRoom: room)
  }

  private func publishQuestions(_ ids: [Question.ID], in room: Room.ID, of current: RoomQuestions) {
    let questions = ids.compactMap { current.questions[$0] }
    moderators.send(
      Self.event(
        "questions", Batch(full: false, questions: questions, removed: ids.filter { current.questions[$0] == nil })),
      toRoom: room)
    let visible = questions.compactMap(AudienceQuestion.init)
    let hidden = ids.filter { id in current.questions[id].flatMap(AudienceQuestion.init) == nil }
    audience.send(Self.event("questions", Batch(full: false, questions: visible, removed: hidden)), toRoom: room)
  }

  static func event<T: Encodable>(_ name: String, _ body: T) -> ServerSentEvent {
    let data = (try? PodiumJSON.encoder().encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    return ServerSentEvent(name: name, data: data)
  }
}
