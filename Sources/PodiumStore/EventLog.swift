import Foundation
import GRDB
import PodiumCore

/// The SQLite event log: the one durable record of everything that happened.
///
/// Appends are transactions that commit before the daemon replies (group commit:
/// one transaction per batch of commands). The file is in WAL mode with
/// `synchronous=FULL`, so a committed event survives a process crash and a power
/// loss. Other processes may read it while the daemon writes.
///
/// Events are stored as `type`, `version` and `payload` (`EventPayload`). A log of an
/// older schema is migrated when the daemon opens it, after a copy of it is kept beside
/// (`migration`); read-only opens read the older layout as it is.
public final class EventLog {
  let database: DatabaseQueue
  /// The `synchronous` setting read back from SQLite after opening (`2` is FULL).
  public let synchronousMode: Int
  /// The journal mode read back from SQLite (`wal`).
  public let journalMode: String
  /// The file the log lives in.
  public let path: String
  /// The schema of the file as opened: `EventLog.schema` once migrated.
  public let fileSchema: Int
  /// The migration this open made, if it made one: the schema it came from and where
  /// the file of that schema is kept.
  public let migration: (from: Int, keptAt: String)?

  /// Opens (creating and migrating if needed) the log at `path`.
  ///
  /// - Parameter readOnly: for reports and backups beside a running daemon.
  public init(path: String, readOnly: Bool = false) throws {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.journalMode = readOnly ? .default : .wal
    configuration.busyMode = .timeout(5)
    self.path = path
    do {
      database = try DatabaseQueue(path: path, configuration: configuration)
      var migration: (from: Int, keptAt: String)?
      if !readOnly {
        // After GRDB's own WAL set-up, which chooses NORMAL: FULL syncs every commit.
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        let applied = try database.read { try Self.migrator.appliedIdentifiers($0) }
        if applied.contains(Self.schemaOne), !applied.contains(Self.schemaTwo) {
          let kept = Self.freePath(beside: path, schema: 1)
          try database.inDatabase { try $0.execute(sql: "VACUUM INTO ?", arguments: [kept]) }
          migration = (1, kept)
        }
        try Self.migrator.migrate(database)
      }
      self.migration = migration
      (synchronousMode, journalMode, fileSchema) = try database.read { db in
        (
          try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
          try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
          try db.columns(in: "events").contains { $0.name == "version" } ? 2 : 1
        )
      }
    } catch {
      throw EventLogError(operation: "open \(path)", reason: "\(error)")
    }
  }

  /// `podium.schema-1.sqlite` beside `podium.sqlite`, or `…schema-1-2.sqlite` if that is taken.
  private static func freePath(beside path: String, schema: Int) -> String {
    let base = (path as NSString).deletingPathExtension + ".schema-\(schema)"
    var candidate = base + ".sqlite"
    var number = 2
    while FileManager.default.fileExists(atPath: candidate) {
      candidate = base + "-\(number).sqlite"
      number += 1
    }
    return candidate
  }

  /// Appends a batch of events and the commands that caused them in one transaction.
  ///
  /// Returns once SQLite has committed (and, with `synchronous=FULL`, synced).
  public func append(_ events: [StoredEvent], commands: [CommandOutcome]) throws {
    guard !events.isEmpty || !commands.isEmpty else { return }
    do {
      try database.write { db in
        let insertEvent = try db.cachedStatement(
          sql: """
            INSERT INTO events (seq, at, topic, stream, type, version, command_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertCommand = try db.cachedStatement(
          sql: "INSERT INTO commands (id, received_at, reply) VALUES (?, ?, ?)")
        for stored in events {
          try insertEvent.execute(
            arguments: [
              stored.seq, PodiumJSON.formatInstant(stored.at), stored.topic, stored.stream, stored.event.type,
              stored.event.version, stored.commandId, try EventPayload.encode(stored.event),
            ])
        }
        for command in commands {
          try insertCommand.execute(
            arguments: [
              command.id, PodiumJSON.formatInstant(command.receivedAt), String(decoding: command.reply, as: UTF8.self),
            ])
        }
      }
    } catch {
      throw EventLogError(operation: "append \(events.count) events", reason: "\(error)")
    }
  }

  /// The replies first sent for those of `ids` accepted before, by id (one query).
  public func replies(forCommands ids: [String]) throws -> [String: [UInt8]] {
    guard !ids.isEmpty else { return [:] }
    return try database.read { db in
      let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
      var found: [String: [UInt8]] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT id, reply FROM commands WHERE id IN (\(marks))", arguments: StatementArguments(ids))
      {
        found[row["id"]] = Array((row["reply"] as String).utf8)
      }
      return found
    }
  }

  /// The last sequence number committed (0 for an empty log).
  public func lastSequence() throws -> Int64 {
    try database.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM events") ?? 0 }
  }

  /// Up to `limit` events with a sequence number above `after`, in order.
  public func events(after: Int64, limit: Int) throws -> [StoredEvent] {
    try database.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [after, limit]
      ).map(storedEvent)
    }
  }

  /// Calls `body` with every event in order after sequence number `after`, up to the
  /// instant `until` if given.
  public func forEachEvent(after: Int64 = 0, until: Date? = nil, _ body: (StoredEvent) throws -> Void) throws {
    try database.read { db in
      let cursor =
        if let until {
          try Row.fetchCursor(
            db, sql: "SELECT * FROM events WHERE seq > ? AND at <= ? ORDER BY seq",
            arguments: [after, PodiumJSON.formatInstant(until)])
        } else {
          try Row.fetchCursor(db, sql: "SELECT * FROM events WHERE seq > ? ORDER BY seq", arguments: [after])
        }
      while let row = try cursor.next() {
        try body(try storedEvent(row))
      }
    }
  }

  /// The state after every event (up to `until`), replayed from the log.
  public func replay(until: Date? = nil) throws -> ConferenceState {
    var state = ConferenceState()
    try forEachEvent(until: until) { state.apply($0.event) }
    return state
  }

  /// Writes a consistent copy of the log to `path` while the daemon may be writing.
  public func backup(to path: String) throws {
    try database.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
  }

  private func storedEvent(_ row: Row) throws -> StoredEvent {
    let type: String = row["type"]
    let at: String = row["at"]
    let seq: Int64 = row["seq"]
    let event: AnyEvent
    do {
      if fileSchema == 1 {
        // Schema 1, read as it is: `{"<type>": {payload}}`, every payload at version 1.
        let body = try JSONDecoder().decode(JSONValue.self, from: Data((row["body"] as String).utf8))
        let payload = try PodiumJSON.encoder().encode(body.object?[type] ?? .null)
        event = try EventPayload.decode(type: type, version: 1, payload: String(decoding: payload, as: UTF8.self))
      } else {
        event = try EventPayload.decode(type: type, version: row["version"], payload: row["payload"])
      }
    } catch {
      throw EventLogError(operation: "read event \(seq)", reason: "\(error)")
    }
    return StoredEvent(
      seq: seq, at: PodiumJSON.parseInstant(at) ?? Date(timeIntervalSince1970: 0), topic: row["topic"],
      stream: row["stream"], commandId: row["command_id"], event: event)
  }
}
