import Foundation
import Synchronization
import ZeroMQ

/// Podium's paths under load, driven from native threads (one socket each), as a third-party
/// client sees them: bodies written by hand, replies read as bytes.
enum Load {
  /// A command body: `addTime` of ±1 s, alternating so the countdown stays put.
  static func addTime(id: String, room: String, index: Int) -> [UInt8] {
    Array(
      #"{"type":"command","id":"\#(id)","room":"\#(room)","command":"addTime","args":{"seconds":\#(index % 2 == 0 ? 1 : -1)}}"#
        .utf8)
  }

  static func isAck(_ reply: [UInt8]) -> Bool {
    String(decoding: reply, as: UTF8.self).contains(#""type":"ack""#)
  }

  /// Starts the session of every room (timing commands need one on); a rolling room may have
  /// started it by itself already.
  static func startSessions(_ daemon: Daemon, rooms: Int) throws {
    let context = try Context()
    let socket = try Socket(context, .dealer)
    try socket.connect(daemon.commands)
    for room in 0..<rooms {
      _ = try socket.send(
        [Array(#"{"type":"command","id":"start-\#(room)","room":"room-\#(room)","command":"start"}"#.utf8)], wait: true)
      guard let reply = try socket.receive(wait: true),
        isAck(reply.last ?? []) || String(decoding: reply.last ?? [], as: UTF8.self).contains("not_allowed_in_state")
      else {
        throw BenchmarkError("room-\(room) did not start")
      }
    }
    socket.close()
  }

  /// One client, one command at a time: the latency of an acknowledged, durable command.
  static func sequential(_ daemon: Daemon, count: Int) throws -> Latencies {
    let context = try Context()
    let socket = try Socket(context, .dealer)
    try socket.connect(daemon.commands)
    var latencies = Latencies()
    for index in 0..<count {
      let started = monotonic()
      _ = try socket.send([addTime(id: "s-\(index)-\(UUID().uuidString)", room: "room-0", index: index)], wait: true)
      guard let reply = try socket.receive(wait: true), isAck(reply.last ?? []) else {
        throw BenchmarkError("a command was refused")
      }
      latencies.add(monotonic() - started)
    }
    socket.close()
    return latencies
  }

  /// `clients` threads, each keeping `inFlight` commands outstanding, for `seconds`.
  static func concurrent(
    _ daemon: Daemon, clients: Int, inFlight: Int, seconds: Double, rooms: Int
  ) throws -> (acknowledged: Int, elapsed: Double, latencies: Latencies) {
    let context = try Context()
    let results = ResultBox()
    let endpoint = daemon.commands
    let deadline = monotonic() + seconds
    let started = monotonic()
    let threads = (0..<clients).map { client in
      Thread {
        guard let socket = try? Socket(context, .dealer), (try? socket.connect(endpoint)) != nil else { return }
        var sentAt: [String: Double] = [:]
        var latencies = Latencies()
        var acknowledged = 0
        var index = 0
        let room = "room-\(client % rooms)"
        let poller = Poller([.socket(socket)])
        while monotonic() < deadline || !sentAt.isEmpty {
          while sentAt.count < inFlight, monotonic() < deadline {
            let id = "c\(client)-\(index)"
            _ = try? socket.send([addTime(id: id, room: room, index: index)], wait: true)
            sentAt[id] = monotonic()
            index += 1
          }
          guard (try? poller.readable(timeoutMilliseconds: 2000))?.isEmpty == false else { break }
          while let reply = try? socket.receive(), let body = reply.last {
            let text = String(decoding: body, as: UTF8.self)
            guard let range = text.range(of: #""id":""#),
              let end = text[range.upperBound...].firstIndex(of: "\"")
            else { continue }
            let id = String(text[range.upperBound..<end])
            if let sent = sentAt.removeValue(forKey: id) {
              latencies.add(monotonic() - sent)
              if isAck(body) { acknowledged += 1 }
            }
          }
        }
        socket.close()
        results.add(acknowledged, latencies)
      }
    }
    threads.forEach { $0.start() }
    while threads.contains(where: { !$0.isFinished }) { usleep(10_000) }
    let (acknowledged, latencies) = results.value
    return (acknowledged, monotonic() - started, latencies)
  }

  /// A command until `subscribers` SUB sockets have its update: `showMessage` in room-0.
  static func fanOut(_ daemon: Daemon, subscribers: Int, commands: Int) throws -> Latencies {
    let context = try Context()
    let receivers = try (0..<subscribers).map { _ in
      let socket = try Socket(context, .subscriber)
      try socket.setReceiveHighWaterMark(100_000)
      try socket.subscribe("room/room-0")
      try socket.connect(daemon.updates)
      return socket
    }
    let sender = try Socket(context, .dealer)
    try sender.connect(daemon.commands)
    usleep(500_000)  // the subscriptions reach the daemon
    let poller = Poller(receivers.map { .socket($0) })
    var latencies = Latencies()
    for index in 0..<(commands + 5) {
      let body = Array(
        #"{"type":"command","id":"f-\#(index)-\#(UUID().uuidString)","room":"room-0","command":"showMessage","args":{"text":"m\#(index)"}}"#
          .utf8)
      let started = monotonic()
      _ = try sender.send([body], wait: true)
      var left = Set(receivers.indices)
      let limit = monotonic() + 5
      while !left.isEmpty, monotonic() < limit {
        for ready in try poller.readable(timeoutMilliseconds: 1000) where left.contains(ready) {
          if (try? receivers[ready].receive()) != nil { left.remove(ready) }
        }
      }
      _ = try sender.receive(wait: true)
      if index >= 5, left.isEmpty { latencies.add(monotonic() - started) }  // the first few warm up
      usleep(2000)
    }
    receivers.forEach { $0.close() }
    sender.close()
    return latencies
  }
}

/// What the load threads report, gathered under a lock.
final class ResultBox: Sendable {
  private let gathered = Mutex<(acknowledged: Int, latencies: Latencies)>((0, Latencies()))

  func add(_ count: Int, _ more: Latencies) {
    gathered.withLock {
      $0.acknowledged += count
      $0.latencies.add(contentsOf: more)
    }
  }

  var value: (Int, Latencies) { gathered.withLock { ($0.acknowledged, $0.latencies) } }
}

extension Load {
  /// The size of `topic`'s value in a snapshot, in bytes (the reply less its envelope).
  static func snapshotEntryBytes(_ daemon: Daemon, topic: String) throws -> Int {
    let context = try Context()
    let socket = try Socket(context, .dealer)
    try socket.connect(daemon.commands)
    defer { socket.close() }
    _ = try socket.send([Array(#"{"type":"snapshot","id":"size","prefix":"\#(topic)"}"#.utf8)], wait: true)
    guard let reply = try socket.receive(wait: true)?.last else { throw BenchmarkError("no snapshot") }
    let value = String(decoding: reply, as: UTF8.self)
    guard let start = value.range(of: #""value":"#), let end = value.range(of: #"}],"heads""#) else { return 0 }
    return value.distance(from: start.upperBound, to: end.lowerBound)
  }

  /// A `hello` on `socket`, and how long its welcome took (nil: none within `timeout` ms).
  static func timedHello(_ socket: Socket, id: String, timeout: Int) throws -> Double? {
    let body = #"{"type":"hello","id":"\#(id)"}"#
    let poller = Poller([.socket(socket)])
    let started = monotonic()
    _ = try socket.send([Array(body.utf8)], wait: true)
    while monotonic() - started < Double(timeout) / 1000 {
      if try poller.readable(timeoutMilliseconds: timeout).isEmpty { return nil }
      if let reply = try socket.receive()?.last, String(decoding: reply, as: UTF8.self).contains(#""type":"welcome""#) {
        return monotonic() - started
      }
    }
    return nil
  }
}
