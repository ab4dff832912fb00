import Foundation
import GRDB
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import PodiumStore
import XCTest

/// Checkpoints against a real daemon: whatever state the checkpoints are in (none, the newest
/// one torn, one of an older version, events after the newest), a start reaches the state a
/// full replay of the events reaches, and serves the same heads.
final class CheckpointTests: XCTestCase {
  /// A daemon checkpointing every 5 events, after 25 commands (one seq each but the first
  /// programme), then killed with SIGKILL: the last events came after the last checkpoint.
  private func killedDaemon() async throws -> DaemonProcess {
    let daemon = try DaemonProcess(environment: ["PODIUM_CHECKPOINT_EVERY": "5"])
    let client = daemon.client()
    defer { client.stop() }
    try await client.send(RoomCommand(StartSession(), in: "plenary"))
    try await client.send(RoomCommand(StartSession(), in: "atlas"))
    for index in 0..<11 {
      try await client.send(RoomCommand(ShowMessage(text: "message \(index)"), in: "plenary"))
      try await client.send(RoomCommand(AddTime(seconds: 30), in: index % 2 == 0 ? "plenary" : "atlas"))
    }
    try await client.send(
      RoomCommand(
        SubmitQuestion(question: "q-1", text: "Et le financement ?", language: "fr", device: "phone-1"), in: "plenary"))
    daemon.kill(signal: SIGKILL)
    return daemon
  }

  /// The state and heads a replay of every event reaches, ignoring checkpoints.
  private func fullReplay(_ daemon: DaemonProcess) throws -> (state: ConferenceState, heads: [String: Int64]) {
    let log = try EventLog(path: daemon.databasePath, readOnly: true)
    var heads: [String: Int64] = [:]
    var state = ConferenceState()
    try log.forEachEvent { stored in
      state.apply(stored.event)
      for topic in Topic.affected(by: stored.event) { heads[Topic.stream(of: topic)] = stored.seq }
    }
    return (state, heads)
  }

  /// The newest trusted checkpoint, then the events after it, as the daemon restores them.
  private func restored(_ daemon: DaemonProcess) throws -> (state: ConferenceState, from: Int64?) {
    let log = try EventLog(path: daemon.databasePath, readOnly: true)
    let checkpoint = try log.newestCheckpoint()
    var state = checkpoint?.state ?? ConferenceState()
    try log.forEachEvent(after: checkpoint?.seq ?? 0) { state.apply($0.event) }
    return (state, checkpoint?.seq)
  }

  private func checkpointSeqs(_ daemon: DaemonProcess) throws -> [Int64] {
    try DatabaseQueue(path: daemon.databasePath).read { db in
      try Int64.fetchAll(db, sql: "SELECT seq FROM checkpoints ORDER BY seq DESC")
    }
  }

  private func alter(_ daemon: DaemonProcess, _ sql: String) throws {
    try DatabaseQueue(path: daemon.databasePath).write { try $0.execute(sql: sql) }
  }

  /// Restarts, and checks the daemon continues at the same seq with the heads of a full replay.
  private func assertRestartsAsAFullReplay(
    _ daemon: DaemonProcess, from expected: Int64?, message expectedMessage: String = "message 10",
    question expectedQuestion: String? = "Et le financement ?", file: StaticString = #filePath, line: UInt = #line
  ) async throws {
    let full = try fullReplay(daemon)
    let restored = try restored(daemon)
    XCTAssertEqual(restored.from, expected, "the checkpoint the start loads", file: file, line: line)
    XCTAssertEqual(restored.state, full.state, "checkpoint + later events = every event", file: file, line: line)

    try daemon.start()
    let expectedLine = expected.map { "from the checkpoint at seq \($0)" } ?? "(no checkpoint)"
    XCTAssertTrue(daemon.log.contains(expectedLine), daemon.log, file: file, line: line)
    let client = daemon.client()
    defer { client.stop() }
    let snapshot = try await client.request(
      RequestEnvelope(id: "s", request: .snapshot(prefix: "")).body, as: Reply.Snapshot.self)
    XCTAssertEqual(snapshot.heads, full.heads, file: file, line: line)
    XCTAssertEqual(snapshot.seq, full.heads.values.max(), file: file, line: line)
    let question = snapshot.entries.first { $0.topic.hasPrefix("qa/plenary/") }
    XCTAssertEqual(question?.value.object?["text"], expectedQuestion.map(JSONValue.string), file: file, line: line)
    let message = snapshot.entries.first { $0.topic == "room/plenary" }?.value.object?["message"]?.object?["text"]
    XCTAssertEqual(message, .string(expectedMessage), file: file, line: line)
    let ack = try await client.send(RoomCommand(ClearMessage(), in: "plenary"))
    XCTAssertEqual(ack.seq, snapshot.seq + 1, "the sequence continues", file: file, line: line)
  }

  func testAKillBetweenCheckpointsReplaysOnlyTheEventsAfterTheLast() async throws {
    let daemon = try await killedDaemon()
    let seqs = try checkpointSeqs(daemon)
    XCTAssertEqual(seqs.count, 2, "the newest two are kept")
    let last = try EventLog(path: daemon.databasePath, readOnly: true).lastSequence()
    XCTAssertLessThan(seqs[0], last, "events came after the last checkpoint")
    try await assertRestartsAsAFullReplay(daemon, from: seqs[0])
  }

  func testATornCheckpointIsIgnoredForTheOneBefore() async throws {
    let daemon = try await killedDaemon()
    let seqs = try checkpointSeqs(daemon)
    try alter(daemon, "UPDATE checkpoints SET state = substr(state, 1, length(state) / 2) WHERE seq = \(seqs[0])")
    try await assertRestartsAsAFullReplay(daemon, from: seqs[1])
    XCTAssertTrue(daemon.log.contains("checkpoint at seq \(seqs[0]) ignored: its digest does not match"), daemon.log)
  }

  func testACheckpointOfAnOlderVersionIsNeverTrusted() async throws {
    let daemon = try await killedDaemon()
    try alter(daemon, "UPDATE checkpoints SET version = \(Checkpoint.version - 1)")
    try await assertRestartsAsAFullReplay(daemon, from: nil)
    XCTAssertTrue(daemon.log.contains("version \(Checkpoint.version - 1), this code reads version"), daemon.log)
  }

  func testALogWithNoCheckpointReplaysEverything() async throws {
    let daemon = try await killedDaemon()
    try alter(daemon, "DELETE FROM checkpoints")
    try await assertRestartsAsAFullReplay(daemon, from: nil)
  }

  func testACleanStopWritesACheckpointOfTheLastEvent() async throws {
    let daemon = try DaemonProcess()
    let client = daemon.client()
    try await client.send(RoomCommand(StartSession(), in: "plenary"))
    let ack = try await client.send(RoomCommand(ShowMessage(text: "Pause café"), in: "plenary"))
    client.stop()
    daemon.kill(signal: SIGTERM)
    XCTAssertEqual(try checkpointSeqs(daemon), [ack.seq])
    try await assertRestartsAsAFullReplay(daemon, from: ack.seq, message: "Pause café", question: nil)
  }
}
