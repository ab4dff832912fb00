import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumWeb

/// Follows the daemon's `qa/` topics and pushes what changed to the audience and the
/// moderators of each room, batched a few times a second; serves full views on connect.
///
/// One lock orders flushes and connects, so a page's full view and the changes that
/// follow it never overlap or leave a hole.
final class QuestionFeed: @unchecked Sendable {
  /// The body of a `questions` event.
  struct Batch<Item: Encodable>: Encodable {
    var full: Bool
    var questions: [Item]
    var removed: [String]
  }

  let client: PodiumClient
  let audience = LiveHub()
  let moderators = LiveHub()
  private let lock = NSLock()
  private var published: [String: JSONValue] = [:]
  private var rooms: [Room.ID: RoomQuestions] = [:]
  private var conference: Conference?

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
    lock.lock()
    defer { lock.unlock() }
    return rooms[id] ?? RoomQuestions(room: id)
  }

  /// Connects an audience page or a moderator console and sends it the full view.
  func connect(room: Room.ID, moderator: Bool, name: String) -> AsyncStream<String> {
    flush()
    lock.lock()
    defer { lock.unlock() }
    let hub = moderator ? moderators : audience
    let (screen, events) = hub.connect(name: name, room: room, kind: moderator ? "moderator" : "audience")
    let current = rooms[room] ?? RoomQuestions(room: room)
    if moderator {
      hub.send(Self.event("board", current.board), to: screen.id)
      hub.send(Self.event("questions", Batch(full: true, questions: current.allQuestions, removed: [])), to: screen.id)
    } else {
      hub.send(Self.event("board", current.audienceBoard), to: screen.id)
      hub.send(
        Self.event("questions", Batch(full: true, questions: current.audienceQuestions, removed: [])), to: screen.id)
    }
    hub.send(RoomFeed.clock(client.daemonNow), to: screen.id)
    return events
  }

  /// Publishes what changed in the `qa/` topics (and session titles) since the last flush.
  func flush() {
    lock.lock()
    defer { lock.unlock() }
    let view = client.view
    let conferenceChanged = view.conference != conference
    conference = view.conference
    var changedRooms: Set<Room.ID> = []
    var changedQuestions: [Room.ID: [Question.ID]] = [:]
    var removedTopics: [String] = []
    for (topic, value) in view.topics where topic.hasPrefix("qa/") && published[topic] != value {
      published[topic] = value
      record(topic, value, &changedRooms, &changedQuestions)
    }
    for topic in published.keys where view.topics[topic] == nil {
      removedTopics.append(topic)
    }
    for topic in removedTopics {
      published[topic] = nil
      record(topic, nil, &changedRooms, &changedQuestions)
    }
    if conferenceChanged {
      changedRooms.formUnion(rooms.keys)
      changedRooms.formUnion(conference?.rooms.map(\.id) ?? [])
    }
    for room in changedRooms { publishBoard(room) }
    for (room, ids) in changedQuestions { publishQuestions(ids, in: room) }
  }

  private func record(
    _ topic: String, _ value: JSONValue?, _ changedRooms: inout Set<Room.ID>,
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

  private func publishBoard(_ room: Room.ID) {
    var current = rooms[room] ?? RoomQuestions(room: room)
    current.session = current.board.session.flatMap { conference?.session($0) }.map {
      RoomQuestions.SessionSummary(id: $0.id, title: $0.title, titles: $0.titles)
    }
    rooms[room] = current
    moderators.send(Self.event("board", current.board), toRoom: room)
    audience.send(Self.event("board", current.audienceBoard), toRoom: room)
  }

  private func publishQuestions(_ ids: [Question.ID], in room: Room.ID) {
    let current = rooms[room] ?? RoomQuestions(room: room)
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
