import Foundation
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import Synchronization
import XCTest
import ZeroMQ

/// One greedy or stuck peer against a real daemon: a peer flooding `snapshot` requests
/// and a subscriber that never reads. The others keep their heartbeats, their replies and
/// every update, with no gap.
final class FairnessTests: XCTestCase {
  func testAPeerFloodingSnapshotsAndASubscriberThatNeverReadsDelayNoOne() async throws {
    // The demo conference: a full snapshot is about 72 kB.
    let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("config/conferences/rabat-2026.yaml")
    let daemon = try DaemonProcess(conference: try String(contentsOf: demo, encoding: .utf8))
    let recorder = try UpdateRecorder(endpoint: daemon.updateEndpoint, prefix: "room/plenary")
    let stalled = try StalledSubscriber(endpoint: daemon.updateEndpoint)
    let sender = daemon.client()
    defer {
      sender.stop()
      stalled.close()
      recorder.stop()
    }

    // The flood: 10,000 snapshot requests queued at once, then more as the daemon reads
    // them; replies never read.
    let flooding = Flag()
    let endpoint = daemon.commandEndpoint
    let flood = Thread {
      guard let context = try? Context(), let socket = try? Socket(context, .dealer) else { return }
      try? socket.setSendHighWaterMark(0)
      try? socket.setReceiveHighWaterMark(1)
      try? socket.connect(endpoint)
      var index = 0
      while flooding.isUp {
        let burst = index == 0 ? 10_000 : 500
        for _ in 0..<burst {
          _ = try? socket.send(
            [Array(#"{"type":"snapshot","id":"flood-\#(index)","prefix":""}"#.utf8)], wait: true)
          index += 1
        }
        usleep(20_000)
      }
      socket.close()
    }
    flood.start()
    defer { flooding.lower() }

    let started = Date()
    var last: Int64 = 0
    var slowestHello: TimeInterval = 0
    while Date().timeIntervalSince(started) < 4 {
      let ack = try await sender.send(RoomCommand(ShowMessage(text: "tick \(last)"), in: "plenary"))
      last = ack.seq
      let asked = Date()
      let welcome = try await sender.request(.hello, as: Reply.Welcome.self)
      slowestHello = max(slowestHello, Date().timeIntervalSince(asked))
      XCTAssertGreaterThanOrEqual(welcome.seq, last)
      try await Task.sleep(nanoseconds: 20_000_000)
    }
    flooding.lower()

    await eventually("the recorder has the last update") {
      recorder.value.updates["room/plenary"]?.last?.seq == last
    }
    let updates = recorder.value.updates["room/plenary"] ?? []
    XCTAssertGreaterThan(updates.count, 20, "updates kept coming during the flood")
    XCTAssertEqual(recorder.gaps(in: "room/plenary").count, 0, "no update missed")
    XCTAssertGreaterThanOrEqual(recorder.value.heartbeats.count, 3)
    // Clients count 3 s of silence as "daemon gone"; a heartbeat is due every second.
    XCTAssertLessThan(recorder.longestHeartbeatGap, 2, "heartbeats kept their beat")
    XCTAssertLessThan(slowestHello, 1, "hello answered within the client's timeout")
  }
}

/// A flag one thread lowers and another reads.
private final class Flag: Sendable {
  private let up = Atomic<Bool>(true)
  var isUp: Bool { up.load(ordering: .relaxed) }
  func lower() { up.store(false, ordering: .relaxed) }
}
