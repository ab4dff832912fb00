import Foundation
import PodiumCore
import PodiumStore
import XCTest

final class EventLogTests: XCTestCase {
  private var path = ""

  override func setUp() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).sqlite").path
  }

  override func tearDown() {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }

  private func stored(_ seq: Int64, _ event: AnyEvent, command: String? = nil) -> StoredEvent {
    let topic = event.roomId.map { "room/\($0)" } ?? "conference"
    return StoredEvent(
      seq: seq, at: Date(timeIntervalSince1970: 1_782_374_400 + Double(seq)), topic: topic, stream: topic,
      commandId: command, event: event)
  }

  private let conference = Conference(
    id: "c", name: "C", timeZone: "UTC", languages: [], rooms: [Room(id: "plenary", name: "P")],
    sessions: [
      Session(
        id: "s", roomId: "plenary", title: "S", plannedStart: Date(timeIntervalSince1970: 0),
        plannedEnd: Date(timeIntervalSince1970: 600))
    ])

  func testTheLogIsWALWithFullSynchronousAndMigrated() throws {
    let log = try EventLog(path: path)
    XCTAssertEqual(log.journalMode, "wal")
    XCTAssertEqual(log.synchronousMode, 2)
    XCTAssertEqual(try log.lastSequence(), 0)
  }

  func testAppendedEventsReplayAfterReopening() throws {
    let events = [
      stored(1, AnyEvent(ConferenceLoaded(conference: conference))),
      stored(
        2, AnyEvent(SessionStarted(room: "plenary", session: "s", at: Date(timeIntervalSince1970: 60), duration: 600)),
        command: "c1"),
      stored(
        3, AnyEvent(MessageShown(room: "plenary", message: SpeakerMessage(text: "<b>لا</b>", blink: true))),
        command: "c2"),
    ]
    do {
      let log = try EventLog(path: path)
      try log.append(Array(events.prefix(1)), commands: [])
      try log.append(
        Array(events.dropFirst()), commands: [CommandOutcome(id: "c1", receivedAt: Date(), reply: Array("{}".utf8))])
    }
    let reopened = try EventLog(path: path)
    XCTAssertEqual(try reopened.lastSequence(), 3)
    XCTAssertEqual(try reopened.events(after: 0, limit: 10), events)
    XCTAssertEqual(try reopened.replay(), ConferenceState.replaying(events.map(\.event)))
    XCTAssertEqual(try reopened.replies(forCommands: ["c1", "c2"]), ["c1": Array("{}".utf8)])
  }

  func testReplayUpToAnInstantGivesThePastState() throws {
    let log = try EventLog(path: path)
    try log.append(
      [
        stored(1, AnyEvent(ConferenceLoaded(conference: conference))),
        stored(
          2, AnyEvent(SessionStarted(room: "plenary", session: "s", at: Date(timeIntervalSince1970: 60), duration: 600))
        ),
      ], commands: [])
    let before = try log.replay(until: Date(timeIntervalSince1970: 1_782_374_401.5))
    XCTAssertNil(before.room("plenary").currentSessionId)
    XCTAssertEqual(try log.replay().room("plenary").currentSessionId, "s")
  }

  func testABatchIsAllOrNothing() throws {
    let log = try EventLog(path: path)
    try log.append([stored(1, AnyEvent(ConferenceLoaded(conference: conference)))], commands: [])
    // Sequence 1 again violates the primary key: the whole batch must roll back.
    XCTAssertThrowsError(
      try log.append(
        [stored(2, AnyEvent(MessageCleared(room: "plenary"))), stored(1, AnyEvent(MessageCleared(room: "plenary")))],
        commands: []))
    XCTAssertEqual(try log.lastSequence(), 1)
  }

  func testABackupIsAConsistentCopy() throws {
    let log = try EventLog(path: path)
    try log.append([stored(1, AnyEvent(ConferenceLoaded(conference: conference)))], commands: [])
    let copy = path + ".backup"
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try log.backup(to: copy)
    XCTAssertEqual(try EventLog(path: copy, readOnly: true).replay(), try log.replay())
  }
}
