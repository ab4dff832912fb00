import CSQLite
import Foundation
import Synchronization
import ZeroMQ

/// libzmq and SQLite alone, no Podium code: the machine's own limits on Podium's paths.
enum Raw {
  /// REQ → REP → REQ over TCP loopback, a body the size of a command.
  static func roundTrip(count: Int) throws -> Latencies {
    let context = try Context()
    let bound = Mutex("")
    let ready = DispatchSemaphore(value: 0)
    let body = [UInt8](repeating: 0x61, count: 120)
    let echo = Thread {
      guard let server = try? Socket(context, .reply), (try? server.bind("tcp://127.0.0.1:*")) != nil else { return }
      bound.withLock { $0 = server.lastEndpoint }
      ready.signal()
      for _ in 0..<count {
        guard let request = try? server.receive(wait: true) else { break }
        _ = try? server.send([request.last ?? []], wait: true)
      }
      server.close()
    }
    echo.start()
    ready.wait()
    let endpoint = bound.withLock { $0 }
    let client = try Socket(context, .request)
    try client.connect(endpoint)
    var latencies = Latencies()
    for _ in 0..<count {
      let started = monotonic()
      _ = try client.send([body], wait: true)
      _ = try client.receive(wait: true)
      latencies.add(monotonic() - started)
    }
    client.close()
    while !echo.isFinished { usleep(1000) }
    return latencies
  }

  /// One PUB to `subscribers` SUB sockets over TCP loopback: from send until the last has it.
  static func fanOut(subscribers: Int, messages: Int) throws -> Latencies {
    let context = try Context()
    let publisher = try Socket(context, .publisher)
    try publisher.setSendHighWaterMark(100_000)
    try publisher.bind("tcp://127.0.0.1:*")
    let receivers = try (0..<subscribers).map { _ in
      let socket = try Socket(context, .subscriber)
      try socket.subscribe("")
      try socket.connect(publisher.lastEndpoint)
      return socket
    }
    // Let every subscription reach the publisher.
    for _ in 0..<200 {
      _ = try publisher.send([[1]])
      usleep(5000)
      if receivers.allSatisfy({ (try? $0.receive()) != nil }) { break }
    }
    for socket in receivers { while (try? socket.receive()) != nil {} }
    var latencies = Latencies()
    let poller = Poller(receivers.map { .socket($0) })
    for index in 0..<messages {
      let body = [UInt8](repeating: UInt8(index % 250), count: 900)
      let started = monotonic()
      _ = try publisher.send([Array("room/room-0".utf8), body])
      var left = Set(receivers.indices)
      while !left.isEmpty {
        for ready in try poller.readable(timeoutMilliseconds: 1000) where left.contains(ready) {
          if (try? receivers[ready].receive()) != nil { left.remove(ready) }
        }
      }
      latencies.add(monotonic() - started)
      usleep(2000)
    }
    receivers.forEach { $0.close() }
    publisher.close()
    return latencies
  }

  /// FULL-synchronous WAL commits of `rows` rows each, in a table shaped like the event log.
  static func commits(rows: Int, count: Int, directory: String) throws -> Latencies {
    let file = try SQLiteFile(path: "\(directory)/raw-\(rows).sqlite")
    defer { withExtendedLifetime(file) {} }  // its connection outlives the statement below
    let database = file.database
    let execute = file.execute
    try execute("PRAGMA journal_mode=WAL")
    try execute("PRAGMA synchronous=FULL")
    try execute(
      "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, at TEXT, topic TEXT, stream TEXT, type TEXT, "
        + "version INTEGER, command_id TEXT, payload TEXT)")
    var statement: OpaquePointer?
    sqlite3_prepare_v2(database, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &statement, nil)
    defer { sqlite3_finalize(statement) }
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    var seq: Int64 = 0
    var latencies = Latencies()
    for _ in 0..<count {
      let started = monotonic()
      try execute("BEGIN")
      for _ in 0..<rows {
        seq += 1
        sqlite3_bind_int64(statement, 1, seq)
        sqlite3_bind_text(statement, 2, "2026-06-25T09:00:00.000Z", -1, transient)
        sqlite3_bind_text(statement, 3, "room/room-0", -1, transient)
        sqlite3_bind_text(statement, 4, "room/room-0", -1, transient)
        sqlite3_bind_text(statement, 5, "timeAdded", -1, transient)
        sqlite3_bind_int64(statement, 6, 1)
        sqlite3_bind_text(statement, 7, "c-\(seq)", -1, transient)
        sqlite3_bind_text(statement, 8, #"{"room":"room-0","seconds":1}"#, -1, transient)
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchmarkError("insert failed") }
        sqlite3_reset(statement)
      }
      try execute("COMMIT")
      latencies.add(monotonic() - started)
    }
    return latencies
  }
}

struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
