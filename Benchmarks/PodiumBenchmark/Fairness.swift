import ArgumentParser
import Foundation
import Synchronization
import ZeroMQ

/// One peer keeps thousands of `snapshot` requests queued; the others must not notice.
struct Fairness: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Heartbeat gaps and hello latency while one peer keeps 10,000 snapshot requests queued.")

  @Option(help: "Snapshot requests the flooding peer keeps queued.") var queued = 10_000
  @Option(help: "Seconds of the run.") var seconds = 20.0
  @Option(help: "Rooms of the conference.") var rooms = 16

  func run() throws {
    let daemon = try Daemon(rooms: rooms)
    try Load.startSessions(daemon, rooms: rooms)
    let fullSnapshot = try Load.snapshotEntryBytes(daemon, topic: "")
    let context = try Context()
    let heartbeats = try Socket(context, .subscriber)
    try heartbeats.subscribe("sys/heartbeat")
    try heartbeats.connect(daemon.updates)
    usleep(300_000)

    let flooding = Flag()
    let replies = Counter()
    let endpoint = daemon.commands
    let queued = queued
    let flood = Thread {
      guard let socket = try? Socket(context, .dealer) else { return }
      try? socket.setSendHighWaterMark(0)
      try? socket.connect(endpoint)
      var sent = 0
      while flooding.isUp {
        // Keep `queued` requests outstanding: one more for every reply read.
        while sent - replies.value < queued {
          _ = try? socket.send([Array(#"{"type":"snapshot","id":"flood-\#(sent)","prefix":""}"#.utf8)], wait: true)
          sent += 1
        }
        while (try? socket.receive()) != nil { replies.add(1) }
        usleep(1000)
      }
      socket.close()
    }
    flood.start()
    let before = ProcessUsage(pid: daemon.pid)

    let hello = try Socket(context, .dealer)
    try hello.connect(daemon.commands)
    var helloLatencies = Latencies()
    var unanswered = 0
    var beats: [Double] = []
    let heartbeatPoller = Poller([.socket(heartbeats)])
    let end = monotonic() + seconds
    var index = 0
    while monotonic() < end {
      if let latency = try Load.timedHello(hello, id: "h-\(index)", timeout: 1000) {
        helloLatencies.add(latency)
      } else {
        unanswered += 1
      }
      index += 1
      while try !heartbeatPoller.readable(timeoutMilliseconds: 0).isEmpty {
        if (try? heartbeats.receive()) != nil { beats.append(monotonic()) }
      }
      usleep(10_000)
    }
    let after = ProcessUsage(pid: daemon.pid)
    flooding.lower()
    while !flood.isFinished { usleep(10_000) }
    let peak = ProcessUsage.peakResident(pid: daemon.pid)
    hello.close()
    heartbeats.close()
    daemon.stop()

    let gaps = zip(beats, beats.dropFirst()).map { $1 - $0 }
    print("full snapshot: \(fullSnapshot) bytes of values; the flood got \(replies.value) replies in \(Int(seconds)) s")
    printTable([
      Row(
        path: "heartbeat gap, longest (\(beats.count) heartbeats) with \(queued) snapshots queued",
        podium: secondsText(gaps.max() ?? .nan), raw: "1 s interval", target: "≤ 1.5 s"),
      Row(
        path: "hello p50 / p99 / max (\(helloLatencies.count) answered, \(unanswered) not within 1 s)",
        podium:
          "\(milliseconds(helloLatencies.percentile(50))) / \(milliseconds(helloLatencies.percentile(99))) / \(milliseconds(helloLatencies.percentile(100)))",
        target: "p99 ≤ 50 ms"),
      Row(
        path: "daemon CPU during the run",
        podium: String(format: "%.0f %% of one core", (after.cpu - before.cpu) / seconds * 100)),
      Row(path: "daemon peak RSS", podium: mebibytes(peak)),
    ])
  }
}

/// A flag one thread lowers and another reads.
final class Flag: Sendable {
  private let up = Atomic<Bool>(true)
  var isUp: Bool { up.load(ordering: .relaxed) }
  func lower() { up.store(false, ordering: .relaxed) }
}

/// A count shared between threads.
final class Counter: Sendable {
  private let count = Atomic<Int>(0)
  var value: Int { count.load(ordering: .relaxed) }
  func add(_ amount: Int) { count.add(amount, ordering: .relaxed) }
}
