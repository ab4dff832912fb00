import CSQLite

/// An SQLite file opened with the C library alone: for raw figures, and to grow a log
/// written by the daemon to benchmark size.
final class SQLiteFile {
  let database: OpaquePointer

  init(path: String) throws {
    var opened: OpaquePointer?
    guard sqlite3_open(path, &opened) == SQLITE_OK, let opened else { throw BenchmarkError("cannot open \(path)") }
    database = opened
    try execute("PRAGMA busy_timeout = 5000")
  }

  deinit { sqlite3_close(database) }

  func execute(_ sql: String) throws {
    guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else {
      throw BenchmarkError("\(sql): \(String(cString: sqlite3_errmsg(database)))")
    }
  }

  /// The first column of the first row of `sql`, as an integer (0 when NULL).
  func integer(_ sql: String) throws -> Int64 {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
      throw BenchmarkError("\(sql): \(String(cString: sqlite3_errmsg(database)))")
    }
    defer { sqlite3_finalize(statement) }
    return sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0
  }

  /// Steps through every row of `sql`, reading each column's bytes: the rows and bytes read.
  func readAll(_ sql: String) throws -> (rows: Int, bytes: Int) {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
      throw BenchmarkError("\(sql): \(String(cString: sqlite3_errmsg(database)))")
    }
    defer { sqlite3_finalize(statement) }
    var rows = 0
    var bytes = 0
    let columns = sqlite3_column_count(statement)
    while sqlite3_step(statement) == SQLITE_ROW {
      for column in 0..<columns { bytes &+= Int(sqlite3_column_bytes(statement, column)) }
      rows += 1
    }
    return (rows, bytes)
  }
}
