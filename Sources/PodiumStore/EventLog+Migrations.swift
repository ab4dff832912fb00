import GRDB

extension EventLog {
  /// Schema migrations, applied in order at open. Never edit a shipped migration: add one.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: events and commands") { db in
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
    return migrator
  }
}
