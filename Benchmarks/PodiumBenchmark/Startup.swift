import ArgumentParser
import Foundation
import ZeroMQ

/// Start-up with a long log, and memory with many rooms and subscribers that never read.
struct Startup: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Ready time with a 1,000,000-event log (checkpoints or not); RSS with 100 rooms and stuck subscribers.")

  @Option(help: "Events in the log.") var events = 1_000_000
  @Option(help: "Rooms of the conference.") var rooms = 100
  @Option(help: "Subscribers that never read.") var stuck = 10
  @Option(help: "Seconds of load while they are connected.") var seconds = 20.0

  func run() throws {
    let daemon = try Daemon(rooms: rooms)
    try Load.startSessions(daemon, rooms: rooms)
    let written = try Load.concurrent(daemon, clients: 16, inFlight: 8, seconds: 3, rooms: rooms)
    daemon.stop()
    let grown = try Self.grow(daemon.databasePath, to: Int64(events))
    let file = try SQLiteFile(path: daemon.databasePath)
    let readStarted = monotonic()
    let (rows, bytes) = try file.readAll("SELECT * FROM events ORDER BY seq")
    let rawRead = monotonic() - readStarted

    try daemon.start()
    let fullReplay = daemon.readyAfter
    let fullResident = ProcessUsage(pid: daemon.pid).resident
    daemon.terminate()  // a clean stop writes a checkpoint of the last event
    try daemon.start()
    let fromLast = daemon.readyAfter
    daemon.stop()
    // The worst case between checkpoints: a kill -9 just before the next one was due.
    let behind = try Self.appendCopies(daemon.databasePath, count: 9_999)
    try daemon.start()
    let fromBehind = daemon.readyAfter
    let readyResident = ProcessUsage(pid: daemon.pid).resident

    let context = try Context()
    let stuckSockets = try (0..<stuck).map { _ in
      let socket = try Socket(context, .subscriber)
      try socket.subscribe("")
      try socket.connect(daemon.updates)
      return socket
    }
    usleep(300_000)
    let load = try Load.concurrent(daemon, clients: 16, inFlight: 8, seconds: seconds, rooms: rooms)
    let loaded = ProcessUsage(pid: daemon.pid).resident
    let peak = ProcessUsage.peakResident(pid: daemon.pid)
    let roomBytes = try Load.snapshotEntryBytes(daemon, topic: "room/room-0")
    stuckSockets.forEach { $0.close() }
    daemon.stop()

    print(
      "log: \(grown) events (\(written.acknowledged) written by the daemon, the rest copies of them); the raw read: \(rows) rows, \(bytes) bytes"
    )
    printTable([
      Row(
        path: "ready with a \(whole(Double(grown)))-event log, no checkpoint (full replay)",
        podium: secondsText(fullReplay), raw: "\(secondsText(rawRead)) to read the rows",
        ratio: String(format: "%.1f×", fullReplay / rawRead)),
      Row(
        path: "ready, checkpoint at the last event (after a clean stop)", podium: secondsText(fromLast),
        raw: secondsText(rawRead), ratio: String(format: "%.2f×", fromLast / rawRead), target: "≤ 2 s"),
      Row(
        path: "ready, checkpoint \(behind) events behind (kill -9 before the next)", podium: secondsText(fromBehind),
        raw: secondsText(rawRead), ratio: String(format: "%.2f×", fromBehind / rawRead), target: "≤ 2 s"),
      Row(path: "RSS after a full replay", podium: mebibytes(fullResident)),
      Row(path: "RSS when ready (from the checkpoint)", podium: mebibytes(readyResident)),
      Row(
        path:
          "RSS after \(Int(seconds)) s of load (\(whole(Double(load.acknowledged) / load.elapsed))/s), \(rooms) rooms, \(stuck) subscribers that never read",
        podium: mebibytes(loaded), target: "≤ 64 MB"),
      Row(path: "… peak RSS of the run (VmHWM)", podium: mebibytes(peak), target: "≤ 64 MB"),
      Row(path: "one room's value", podium: "\(roomBytes) bytes"),
    ])
  }

  /// Copies the log's command events after themselves until it has `target` events.
  static func grow(_ path: String, to target: Int64) throws -> Int64 {
    let file = try SQLiteFile(path: path)
    // The events after the programme and the session starts: timing and messages.
    let first = try file.integer("SELECT MIN(seq) FROM events WHERE type IN ('timeAdded', 'messageShown')")
    let last = try file.integer("SELECT MAX(seq) FROM events")
    guard first > 0, last > first else { throw BenchmarkError("the daemon wrote no command events") }
    try file.execute("DELETE FROM checkpoints")
    var count = last
    while count < target {
      let offset = count - first + 1
      try file.execute(
        """
        INSERT INTO events (seq, at, topic, stream, type, version, command_id, payload)
        SELECT seq + \(offset), at, topic, stream, type, version, NULL, payload FROM events
        WHERE seq BETWEEN \(first) AND \(min(last, first + target - count - 1))
        """)
      count = try file.integer("SELECT MAX(seq) FROM events")
    }
    return count
  }

  /// Appends `count` copies of command events after the last event; returns `count`.
  static func appendCopies(_ path: String, count: Int64) throws -> Int64 {
    let file = try SQLiteFile(path: path)
    let last = try file.integer("SELECT MAX(seq) FROM events")
    let first = try file.integer("SELECT MIN(seq) FROM events WHERE type = 'timeAdded'")
    try file.execute(
      """
      INSERT INTO events (seq, at, topic, stream, type, version, command_id, payload)
      SELECT seq - \(first) + \(last + 1), at, topic, stream, type, version, NULL, payload FROM events
      WHERE seq BETWEEN \(first) AND \(first + count - 1)
      """)
    return try file.integer("SELECT MAX(seq) FROM events") - last
  }
}

func secondsText(_ value: Double) -> String { String(format: "%.3f s", value) }
