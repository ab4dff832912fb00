import Foundation
import GRDB
import PodiumCore

extension EventLog {
  /// Checkpoints kept: the newest, and older ones to fall back on should it be unreadable.
  static let checkpointsKept = 2

  /// Stores `checkpoint` (one transaction), keeping only the newest few.
  public func write(_ checkpoint: Checkpoint, at now: Date) throws {
    do {
      let bytes = try checkpoint.encoded()
      try database.write { db in
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO checkpoints (seq, written_at, version, digest, state) VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [
            checkpoint.seq, PodiumJSON.formatInstant(now), Checkpoint.version, Checkpoint.digest(of: bytes),
            Data(bytes),
          ])
        try db.execute(
          sql: "DELETE FROM checkpoints WHERE seq NOT IN (SELECT seq FROM checkpoints ORDER BY seq DESC LIMIT ?)",
          arguments: [Self.checkpointsKept])
      }
    } catch {
      throw EventLogError(operation: "write the checkpoint at seq \(checkpoint.seq)", reason: "\(error)")
    }
  }

  /// The newest checkpoint that can be trusted, or nil; `ignored` hears of every newer one
  /// that could not (its sequence number and why).
  public func newestCheckpoint(ignored: (Int64, CheckpointRefusal) -> Void = { _, _ in }) throws -> Checkpoint? {
    try database.read { db in
      guard try db.tableExists("checkpoints") else { return nil }
      let last = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM events") ?? 0
      let rows = try Row.fetchCursor(
        db, sql: "SELECT seq, version, digest, state FROM checkpoints ORDER BY seq DESC")
      while let row = try rows.next() {
        let seq: Int64 = row["seq"]
        guard seq <= last else {
          ignored(seq, CheckpointRefusal("it is past the log's last event (\(last))"))
          continue
        }
        do {
          let bytes = (row["state"] as Data?).map(Array.init) ?? []
          return try Checkpoint(seq: seq, version: row["version"], digest: row["digest"], bytes: bytes)
        } catch let refusal as CheckpointRefusal {
          ignored(seq, refusal)
        } catch {
          ignored(seq, CheckpointRefusal("\(error)"))
        }
      }
      return nil
    }
  }
}
