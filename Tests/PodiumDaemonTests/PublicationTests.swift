import Foundation
import PodiumCore
import PodiumProtocol
import XCTest

@testable import PodiumDaemon

/// What a committed batch publishes: each changed topic once, after all its events, its
/// stream's `prev` chained; and what snapshots then serve: the same bytes.
final class PublicationTests: XCTestCase {
  private let now = Date(timeIntervalSince1970: 1_782_374_400)

  private func loaded() -> LiveState {
    let conference = Conference(
      id: "c", name: "C", timeZone: "UTC", languages: [], rooms: [Room(id: "a", name: "A"), Room(id: "b", name: "B")],
      sessions: ["a", "b"].map {
        Session(
          id: "s-\($0)", roomId: $0, title: "S", plannedStart: now.addingTimeInterval(-60),
          plannedEnd: now.addingTimeInterval(3600))
      })
    var batch = CommandBatch(starting: LiveState(state: ConferenceState(), lastSeq: 0, heads: [:]))
    for event in ConferenceState().load(conference) { batch.append(event, at: now) }
    var live = batch.working
    _ = live.publications(of: batch.changes, at: now)
    return live
  }

  private func decide(_ batch: inout CommandBatch, _ command: some Command, in room: Room.ID, id: String) {
    guard case .accepted = batch.decide(id: id, command: RoomCommand(command, in: room), at: now, remembered: nil)
    else { return XCTFail("\(id) refused") }
  }

  func testABatchPublishesEachTopicOnceAfterAllItsEvents() throws {
    var live = loaded()
    let before = live.heads["room/a"]
    var batch = CommandBatch(starting: live)
    decide(&batch, StartSession(), in: "a", id: "1")
    decide(&batch, AddTime(seconds: 60), in: "a", id: "2")
    decide(&batch, ShowMessage(text: "Bonjour"), in: "b", id: "3")
    decide(&batch, AddTime(seconds: 30), in: "a", id: "4")
    live = batch.working
    let published = live.publications(of: batch.changes, at: now)
    let updates = try published.map { try WireCoding.decode(Update.self, from: $0.body) }

    XCTAssertEqual(updates.map(\.topic), ["qa/a", "room/b", "room/a"], "in the order of their last event")
    let roomA = try XCTUnwrap(updates.last)
    XCTAssertEqual(roomA.events, ["sessionStarted", "timeAdded", "timeAdded"])
    XCTAssertEqual(roomA.event, "timeAdded")
    XCTAssertEqual(roomA.seq, live.lastSeq)
    XCTAssertEqual(roomA.prev, before, "chained to the stream's head before the batch")
    let status = try roomA.value.decode(RoomStatus.self)
    XCTAssertEqual(status.state.timer?.added, 90, "the value after every event of the batch")
    XCTAssertEqual(updates[0].events, ["sessionStarted"])

    let snapshot = try WireCoding.decode(Reply.Snapshot.self, from: live.snapshot(id: "s", prefix: "room/"))
    XCTAssertEqual(snapshot.seq, live.lastSeq)
    XCTAssertEqual(snapshot.entries.map(\.topic), ["room/a", "room/b"])
    XCTAssertEqual(snapshot.entries.first?.value, roomA.value, "the snapshot serves the published bytes")
    XCTAssertEqual(snapshot.entries.first?.seq, roomA.seq)
  }

  func testTwoTopicsOfOneStreamChainOneAfterTheOther() throws {
    var live = loaded()
    var batch = CommandBatch(starting: live)
    decide(&batch, StartSession(), in: "a", id: "1")
    decide(&batch, SubmitQuestion(question: "q1", text: "Pourquoi ?", device: "d"), in: "a", id: "2")
    decide(&batch, SetIntake(intake: .paused, by: "m"), in: "a", id: "3")
    live = batch.working
    let updates = try live.publications(of: batch.changes, at: now).map {
      try WireCoding.decode(Update.self, from: $0.body)
    }
    let stream = updates.filter { $0.stream == "qa/a" }
    XCTAssertEqual(stream.map(\.topic), ["qa/a/q1", "qa/a"])
    XCTAssertEqual(stream[1].prev, stream[0].seq, "the board follows the question in the stream's chain")
    XCTAssertEqual(live.heads["qa/a"], stream[1].seq)
  }
}
