import GRDB

extension EventLog {
  /// The layout of the `events` table this code writes (docs/ARCHITECTURE.md, "The event log").
  public static let schema = 2

  /// Schema migrations, applied in order at open. Never edit a shipped migration: add one.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(Self.schemaOne) { db in
      try db.execute(
        sql: """
          CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            topic TEXT NOT NULL,
            stream TEXT NOT NULL,
            type TEXT NOT NULL,
            command_id TEXT,
            body TEXT NOT NULL
          );
          CREATE INDEX events_by_at ON events(at);
          CREATE INDEX events_by_stream ON events(stream, seq);
          CREATE TABLE commands (
            id TEXT PRIMARY KEY,
            received_at TEXT NOT NULL,
            reply TEXT NOT NULL
          );
          """)
    }
    // Schema 1 stored Swift's synthesised coding of the `Event` enum, `{"<type>": {payload}}`.
    // Schema 2 stores the payload alone and its version: the inner object is version 1 of
    // each event's payload, so the rewrite keeps every field as it was.
    migrator.registerMigration(Self.schemaTwo) { db in
      try db.execute(
        sql: """
          ALTER TABLE events RENAME COLUMN body TO payload;
          ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
          UPDATE events SET payload = json_extract(payload, '$."' || type || '"');
          """)
      let unreadable =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM events WHERE payload IS NULL OR json_type(payload) != 'object'") ?? 0
      guard unreadable == 0 else {
        throw EventLogError(
          operation: "migrate to schema 2", reason: "\(unreadable) events are not of the shape schema 1 wrote")
      }
    }
    // Checkpoints of the state (`Checkpoint`): a cache beside the events, which stay as they were.
    migrator.registerMigration(Self.checkpoints) { db in
      try db.execute(
        sql: """
          CREATE TABLE checkpoints (
            seq INTEGER PRIMARY KEY,
            written_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            digest TEXT NOT NULL,
            state BLOB NOT NULL
          );
          """)
    }
    return migrator
  }

  static let schemaOne = "v1: events and commands"
  static let schemaTwo = "v2: events stored as type, version and payload"
  static let checkpoints = "v3: checkpoints"
}
