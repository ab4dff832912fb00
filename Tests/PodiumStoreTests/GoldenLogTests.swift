import Foundation
import GRDB
import PodiumCore
import PodiumStore
import XCTest

/// The golden logs of `Tests/Fixtures/EventLogs`: every log a release of `podiumd` wrote
/// still replays, under this code, to the state that release replayed it to, and every
/// payload it stored is still the shape this code writes (or is upcast to it).
final class GoldenLogTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/EventLogs")

  /// Every folder with a log, oldest schema first.
  static var folders: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
    return names.sorted().map { fixtures.appendingPathComponent($0) }
      .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("podium.sqlite").path) }
  }

  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(at: scratch)
  }

  /// A copy of the folder's log to work on: the fixture itself is never opened for writing.
  private func copy(_ folder: URL) throws -> String {
    let target = scratch.appendingPathComponent("\(folder.lastPathComponent).sqlite")
    try FileManager.default.copyItem(at: folder.appendingPathComponent("podium.sqlite"), to: target)
    return target.path
  }

  private func expectedState(_ folder: URL) throws -> ConferenceState {
    try PodiumJSON.decoder().decode(
      ConferenceState.self, from: Data(contentsOf: folder.appendingPathComponent("state.json")))
  }

  func testThereIsAGoldenLogOfEverySchema() {
    XCTAssertEqual(
      Self.folders.map(\.lastPathComponent), (1...EventLog.schema).map { "schema-\($0)" },
      "record the day of a new schema before it ships (Tests/Fixtures/EventLogs/README.md)")
  }

  func testEveryGoldenLogReplaysToTheStateItsReleaseReplayedItTo() throws {
    for folder in Self.folders {
      let log = try EventLog(path: try copy(folder), readOnly: true)
      let replayed = try log.replay()
      if let record = ProcessInfo.processInfo.environment["PODIUM_RECORD_GOLDEN_STATE"],
        record == folder.lastPathComponent
      {
        let encoder = PodiumJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        try encoder.encode(replayed).write(to: folder.appendingPathComponent("state.json"))
        XCTFail("recorded \(folder.lastPathComponent)/state.json; unset PODIUM_RECORD_GOLDEN_STATE to compare")
        continue
      }
      XCTAssertEqual(replayed, try expectedState(folder), "\(folder.lastPathComponent) replays differently")
    }
  }

  func testEveryStoredPayloadIsTheShapeThisCodeWrites() throws {
    for folder in Self.folders {
      let rows = try StoredRow.all(in: try copy(folder))
      XCTAssertFalse(rows.isEmpty)
      XCTAssertEqual(StoredRow.shapeProblems(rows, types: EventCatalogue.named), [], folder.lastPathComponent)
    }
  }

  func testAPayloadRenamedWithoutAnUpcasterIsCaught() throws {
    let rows = try StoredRow.all(in: try copy(Self.fixtures.appendingPathComponent("schema-1")))
    let problems = StoredRow.shapeProblems(rows) {
      $0 == TimeAdded.type ? RenamedTimeAdded.self : EventCatalogue.named($0)
    }
    XCTAssertEqual(problems.count, rows.filter { $0.type == TimeAdded.type }.count)
    XCTAssertTrue(problems.allSatisfy { $0.contains("timeAdded") && $0.contains("amount") }, "\(problems)")
  }

  func testAPayloadFieldDroppedWithoutAnUpcasterIsCaught() throws {
    let rows = try StoredRow.all(in: try copy(Self.fixtures.appendingPathComponent("schema-1")))
    let problems = StoredRow.shapeProblems(rows) {
      $0 == ThresholdsSet.type ? ThresholdsSetWithoutRoom.self : EventCatalogue.named($0)
    }
    XCTAssertEqual(problems.count, rows.filter { $0.type == ThresholdsSet.type }.count, "\(problems)")
  }

  func testTheLogReadsTheSameOnTheWire() throws {
    for folder in Self.folders {
      let log = try EventLog(path: try copy(folder), readOnly: true)
      let wire = try JSONDecoder().decode(
        [JSONValue].self, from: Data(contentsOf: folder.appendingPathComponent("events.json")))
      let stored = try log.events(after: 0, limit: 100_000)
      XCTAssertEqual(stored.count, wire.count)
      for (event, entry) in zip(stored, wire) {
        let members = entry.object ?? [:]
        XCTAssertEqual(members["seq"], .number(Double(event.seq)))
        XCTAssertEqual(members["type"], .string(event.event.type))
        XCTAssertEqual(members["topic"], .string(event.topic))
        XCTAssertEqual(members["command"]?.string, event.commandId)
        XCTAssertEqual(members["at"], .string(PodiumJSON.formatInstant(event.at)))
        XCTAssertEqual(
          members["event"], .object([event.event.type: try JSONValue(encoding: event.event.event)]),
          "\(folder.lastPathComponent) seq \(event.seq)")
      }
    }
  }

  func testOpeningAnOlderSchemaMigratesItAndKeepsTheOldFileBeside() throws {
    let path = try copy(Self.fixtures.appendingPathComponent("schema-1"))
    let before = try EventLog(path: path, readOnly: true)
    XCTAssertEqual(before.fileSchema, 1)
    let original = try before.events(after: 0, limit: 100_000)

    let log = try EventLog(path: path)
    XCTAssertEqual(log.fileSchema, EventLog.schema)
    let migration = try XCTUnwrap(log.migration)
    XCTAssertEqual(migration.from, 1)
    XCTAssertEqual(migration.keptAt, (path as NSString).deletingPathExtension + ".schema-1.sqlite")
    XCTAssertEqual(try log.events(after: 0, limit: 100_000), original, "no event lost or changed")
    XCTAssertEqual(try log.lastSequence(), original.last?.seq)
    XCTAssertEqual(try log.replay(), try expectedState(Self.fixtures.appendingPathComponent("schema-1")))

    let kept = try EventLog(path: migration.keptAt, readOnly: true)
    XCTAssertEqual(kept.fileSchema, 1, "the kept file is the log as it was")
    XCTAssertEqual(try kept.events(after: 0, limit: 100_000), original)

    let next = StoredEvent(
      seq: (original.last?.seq ?? 0) + 1, at: Date(timeIntervalSince1970: 1_782_400_000), topic: "room/plenary",
      stream: "room/plenary", commandId: "after-migration", event: AnyEvent(MessageCleared(room: "plenary")))
    try log.append([next], commands: [])
    let reopened = try EventLog(path: path)
    XCTAssertNil(reopened.migration, "a migrated log is not migrated again")
    XCTAssertEqual(try reopened.events(after: 0, limit: 100_000), original + [next])
  }
}

/// One row of the `events` table as stored, in either schema.
private struct StoredRow {
  var seq: Int64
  var type: String
  var version: Int
  /// The payload alone, as stored (schema 1: the inner object of the synthesised coding).
  var payload: JSONValue

  static func all(in path: String) throws -> [StoredRow] {
    try DatabaseQueue(path: path).read { db in
      let versioned = try db.columns(in: "events").contains { $0.name == "version" }
      return try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY seq").map { row in
        let type: String = row["type"]
        let text: String = versioned ? row["payload"] : row["body"]
        let stored = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        return StoredRow(
          seq: row["seq"], type: type, version: versioned ? row["version"] : 1,
          payload: versioned ? stored : stored.object?[type] ?? .null)
      }
    }
  }

  /// What differs between each stored payload and what the code, reading it with
  /// `types`, would write back: a field renamed, dropped or added without an upcaster.
  static func shapeProblems(_ rows: [StoredRow], types: (String) -> (any Event.Type)?) -> [String] {
    rows.compactMap { row in
      guard let type = types(row.type) else { return "seq \(row.seq): no event type '\(row.type)'" }
      do {
        let payload = try PodiumJSON.encoder().encode(row.payload)
        let event = try EventPayload.decode(type, version: row.version, payload: payload)
        let written = try JSONValue(encoding: event.event)
        guard row.version == type.version else { return nil }  // upcast: its own tests check it
        return written == row.payload
          ? nil : "seq \(row.seq) \(row.type): stored \(row.payload) but this code writes \(written)"
      } catch {
        return "seq \(row.seq) \(row.type): \(error)"
      }
    }
  }
}

/// `TimeAdded` as someone might change it: `seconds` renamed `amount`, no new version.
private struct RenamedTimeAdded: RoomEvent {
  static let type = TimeAdded.type
  static let topics: [TopicKind] = [.room]
  var room: Room.ID
  var amount: TimeInterval

  enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", amount = "amount"
  }

  func apply(to state: inout ConferenceState) {}
}

/// `ThresholdsSet` with a field dropped (its thresholds kept), no new version.
private struct ThresholdsSetWithoutRoom: Event {
  static let type = ThresholdsSet.type
  static let topics: [TopicKind] = [.room]
  var thresholds: Thresholds
  var roomId: Room.ID? { nil }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case thresholds = "thresholds"
  }

  func apply(to state: inout ConferenceState) {}
}
