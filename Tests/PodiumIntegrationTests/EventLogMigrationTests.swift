import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import XCTest

/// A real daemon opening the log an earlier release wrote: it migrates it, keeps the old
/// file beside, serves the same events on the wire, and continues the sequence.
final class EventLogMigrationTests: XCTestCase {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let golden = repository.appendingPathComponent("Tests/Fixtures/EventLogs/schema-1")

  func testTheDaemonMigratesALogOfTheLastReleaseAndContinuesIt() async throws {
    let demo = try String(
      contentsOf: Self.repository.appendingPathComponent("config/conferences/rabat-2026.yaml"), encoding: .utf8)
    let daemon = try DaemonProcess(conference: demo, log: Self.golden.appendingPathComponent("podium.sqlite"))
    XCTAssertTrue(daemon.log.contains("migrated from schema 1 to 2"), daemon.log)
    XCTAssertTrue(FileManager.default.fileExists(atPath: daemon.dataDirectory + "/podium.schema-1.sqlite"))
    // The golden day ended with the keynote moved; the demo file has it back: one more programme.
    XCTAssertTrue(daemon.output.hasSuffix("seq=89"), daemon.output)

    let client = daemon.client()
    defer { client.stop() }
    let reply = try await client.request(
      RequestEnvelope(id: "e", request: .events(after: 0, limit: 1000)).body, as: Reply.Events.self)
    let written = try PodiumJSON.decoder().decode(
      [Reply.LogEntry].self, from: Data(contentsOf: Self.golden.appendingPathComponent("events.json")))
    XCTAssertEqual(Array(reply.events.prefix(written.count)), written, "the old events, as the old release served them")
    XCTAssertEqual(reply.events.dropFirst(written.count).map(\.type), ["conferenceLoaded", "programmeChanged"])

    await eventually("snapshot") { client.view.connected }
    let opening = client.view.rooms["plenary"]?.state.records["d1-opening"]
    XCTAssertEqual(opening?.endedAt, PodiumJSON.parseInstant("2026-06-25T08:55:10Z"))
    let question = client.view.topics["qa/plenary/q-fr-1"]?.object
    XCTAssertEqual(question?["votes"], .number(3), "two votes, and one merged in")
    let ack = try await client.send(ShowMessage(text: "Bienvenue"), to: "plenary")
    XCTAssertEqual(ack.seq, 90)
  }
}
