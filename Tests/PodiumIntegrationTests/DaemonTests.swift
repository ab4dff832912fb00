import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumStore
import XCTest

/// The daemon as its clients see it: real process, real sockets, real SQLite file.
final class DaemonTests: XCTestCase {
  func testCommandsChangeTheStateEveryFollowerSees() async throws {
    let daemon = try DaemonProcess()
    let operator1 = daemon.client()
    let display = daemon.client(prefixes: ["room/plenary"])
    defer {
      operator1.stop()
      display.stop()
    }
    let ack = try await operator1.send(RoomCommand(StartSession(), in: "plenary"))
    XCTAssertEqual(ack.events.map(\.type), ["sessionStarted"])
    try await operator1.send(RoomCommand(AddTime(seconds: 120), in: "plenary"))
    await eventually("the display sees the added time") {
      display.view.rooms["plenary"]?.state.timer?.added == 120
    }
    let status = try XCTUnwrap(display.view.rooms["plenary"])
    XCTAssertEqual(status.current?.session.id, "opening")
    XCTAssertEqual(status.current?.speaker?.name, "أمينة بنعلي")
    XCTAssertNil(display.view.rooms["atlas"], "a follower sees only its prefixes")
    XCTAssertEqual(display.view.seq, ack.seq + 1)
  }

  func testARetriedCommandIdIsAppliedOnceAlsoAfterARestart() async throws {
    let daemon = try DaemonProcess()
    var client = daemon.client()
    let first = try await client.send(RoomCommand(StartSession(), in: "plenary"), id: "start-1")
    let again = try await client.send(RoomCommand(StartSession(), in: "plenary"), id: "start-1")
    XCTAssertFalse(first.duplicate)
    XCTAssertTrue(again.duplicate)
    XCTAssertEqual(again.events, first.events)
    client.stop()

    daemon.kill(signal: SIGTERM)
    try daemon.start()
    client = daemon.client()
    defer { client.stop() }
    let afterRestart = try await client.send(RoomCommand(StartSession(), in: "plenary"), id: "start-1")
    XCTAssertTrue(afterRestart.duplicate)
    let log = try EventLog(path: daemon.databasePath, readOnly: true)
    XCTAssertEqual(try log.events(after: 0, limit: 100).filter { $0.commandId == "start-1" }.count, 1)
  }

  func testRefusalsAreTypedAndChangeNothing() async throws {
    let daemon = try DaemonProcess()
    let client = daemon.client()
    defer { client.stop() }
    await eventually("snapshot") { client.view.connected }
    let before = client.view.seq
    let cases: [(RoomCommand, ErrorCode)] = [
      (RoomCommand(PauseSession(), in: "nowhere"), .unknownRoom),
      (RoomCommand(PauseSession(), in: "plenary"), .notAllowedInState),
      (RoomCommand(StartSession(session: "ghost"), in: "plenary"), .unknownSession),
      (RoomCommand(ShowMessage(text: String(repeating: "م", count: 281)), in: "plenary"), .invalidArgument),
    ]
    for (command, code) in cases {
      do {
        try await client.send(command)
        XCTFail("\(command) was accepted")
      } catch PodiumClientError.refused(let failure) {
        XCTAssertEqual(failure.code, code, failure.message)
      }
    }
    let hello = try await client.request(.object(["type": .string("hello")]), as: Reply.Welcome.self)
    XCTAssertEqual(hello.seq, before)
  }

  func testKillNineUnderLoadLosesNothingAcknowledgedAndFollowersResync() async throws {
    let daemon = try DaemonProcess()
    let follower = daemon.client()
    let starter = daemon.client()
    defer {
      follower.stop()
      starter.stop()
    }
    try await starter.send(RoomCommand(StartSession(), in: "plenary"))

    let acknowledged = AcknowledgedIds()
    let endpoints = daemon.endpoints
    let senders = (0..<4).map { sender in
      Task {
        let client = endpoints.client(attempts: 1)
        defer { client.stop() }
        for index in 0..<10_000 {
          if Task.isCancelled { return }
          let id = "load-\(sender)-\(index)"
          do {
            let ack = try await client.send(
              RoomCommand(AddTime(seconds: index % 2 == 0 ? 1 : -1), in: "plenary"), id: id)
            await acknowledged.add(id, seq: ack.events.first?.seq ?? 0)
          } catch {
            return
          }
        }
      }
    }
    await eventually("load under way") { await acknowledged.count >= 200 }
    daemon.kill(signal: SIGKILL)
    for sender in senders { await sender.value }
    let acked = await acknowledged.ids
    XCTAssertGreaterThanOrEqual(acked.count, 200)

    try daemon.start()
    let log = try EventLog(path: daemon.databasePath, readOnly: true)
    let events = try log.events(after: 0, limit: 1_000_000)
    XCTAssertEqual(events.map(\.seq), Array(1...Int64(events.count)), "no gap, no duplicate")
    let logged = Set(events.compactMap(\.commandId))
    XCTAssertTrue(Set(acked.keys).isSubset(of: logged), "every acknowledged command is in the log")
    for (id, seq) in acked {
      XCTAssertEqual(events[Int(seq) - 1].commandId, id)
    }

    let after = daemon.client()
    defer { after.stop() }
    let ack = try await after.send(RoomCommand(AddTime(seconds: 60), in: "plenary"))
    XCTAssertEqual(ack.events.first?.seq, Int64(events.count) + 1, "the sequence continues")
    await eventually("the follower resyncs by itself", timeout: 20) {
      follower.view.connected && follower.view.seq == ack.seq
    }
    let replayed = try log.replay()
    XCTAssertEqual(follower.view.rooms["plenary"]?.state, replayed.room("plenary"))
  }

  func testAFrozenDaemonIsNoticedAndFollowersRecoverWhenItThaws() async throws {
    let daemon = try DaemonProcess()
    let follower = daemon.client()
    defer { follower.stop() }
    await eventually("connected") { follower.view.connected }
    daemon.send(SIGSTOP)
    await eventually("the follower notices the silence", timeout: 10) { !follower.view.connected }
    daemon.send(SIGCONT)
    await eventually("the follower reconnects", timeout: 15) { follower.view.connected }
    let ack = try await follower.send(RoomCommand(StartSession(), in: "atlas"))
    await eventually("and follows again") { follower.view.seq == ack.seq }
  }

  func testASubscriberThatNeverReadsDoesNotStallTheDaemonOrOthers() async throws {
    let daemon = try DaemonProcess()
    let stalled = try StalledSubscriber(endpoint: daemon.updateEndpoint)
    let healthy = daemon.client()
    let sender = daemon.client()
    defer {
      healthy.stop()
      sender.stop()
      stalled.close()
    }
    try await sender.send(RoomCommand(StartSession(), in: "plenary"))
    let message = String(repeating: "x", count: 250)
    var last: Int64 = 0
    for index in 0..<2000 {
      let ack = try await sender.send(RoomCommand(ShowMessage(text: "\(index) \(message)"), in: "plenary"))
      last = ack.seq
    }
    await eventually("the healthy follower has everything") { healthy.view.seq == last }
    XCTAssertEqual(healthy.view.rooms["plenary"]?.message?.text, "1999 \(message)")
    XCTAssertLessThan(stalled.received, 2000, "the stalled subscriber read nothing meanwhile")
  }

  func testConcurrentCommandsAreCommittedInGroups() async throws {
    let daemon = try DaemonProcess()
    let starter = daemon.client()
    defer { starter.stop() }
    try await starter.send(RoomCommand(StartSession(), in: "plenary"))
    let endpoints = daemon.endpoints
    try await withThrowingTaskGroup(of: Void.self) { group in
      for sender in 0..<8 {
        group.addTask {
          let client = endpoints.client()
          defer { client.stop() }
          for index in 0..<40 {
            try await client.send(RoomCommand(AddTime(seconds: 1), in: "plenary"), id: "g-\(sender)-\(index)")
          }
        }
      }
      try await group.waitForAll()
    }
    let events = try EventLog(path: daemon.databasePath, readOnly: true).events(after: 0, limit: 10_000)
    let grouped = events.filter { $0.commandId?.hasPrefix("g-") ?? false }
    XCTAssertEqual(grouped.count, 320)
    // A batch's events share the batch's instant: fewer instants than commands means group commit.
    XCTAssertLessThan(Set(grouped.map(\.at)).count, 320)
  }

  func testAChangedProgrammeComesIntoForceOnSIGHUPAndReachesFollowers() async throws {
    let daemon = try DaemonProcess()
    let follower = daemon.client(prefixes: ["room/plenary"])
    defer { follower.stop() }
    try await follower.send(RoomCommand(StartSession(), in: "plenary"))
    await eventually("following") { follower.view.rooms["plenary"]?.current != nil }
    let yaml = try String(contentsOf: daemon.conferenceFile, encoding: .utf8)
    try yaml.replacingOccurrences(of: "Care & protection: <what works>", with: "Table ronde").write(
      to: daemon.conferenceFile, atomically: true, encoding: .utf8)
    daemon.send(SIGHUP)
    await eventually("the new title reaches the room's follower") {
      follower.view.rooms["plenary"]?.upcoming.first?.session.title == "Table ronde"
    }
    XCTAssertEqual(follower.view.rooms["plenary"]?.current?.session.id, "opening", "the session on stays on")
    let events = try EventLog(path: daemon.databasePath, readOnly: true).events(after: 0, limit: 100)
    XCTAssertEqual(events.suffix(2).map(\.event.type), ["conferenceLoaded", "programmeChanged"])
    XCTAssertEqual(events.last?.topic, "room/plenary")
  }

  func testTheDaemonReadsBackItsDurabilitySettingsAtStart() throws {
    let daemon = try DaemonProcess()
    // synchronous is per connection: only the daemon's own read-back says what it runs with.
    XCTAssertTrue(daemon.log.contains("journal_mode=wal synchronous=FULL"), daemon.log)
    daemon.kill(signal: SIGTERM)
    XCTAssertEqual(
      try EventLog(path: daemon.databasePath, readOnly: true).journalMode, "wal", "WAL is kept in the file")
  }

}

/// Command ids acknowledged so far, with the sequence number of their event.
actor AcknowledgedIds {
  private(set) var ids: [String: Int64] = [:]
  var count: Int { ids.count }
  func add(_ id: String, seq: Int64) { ids[id] = seq }
}
