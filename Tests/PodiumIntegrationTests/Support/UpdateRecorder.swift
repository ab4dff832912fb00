import Foundation
import Synchronization
import ZeroMQ

/// A SUB socket read on its own thread as fast as updates come: it records, per stream,
/// every update's `prev` and `seq`, and when each heartbeat arrived.
final class UpdateRecorder: Sendable {
  /// What was heard: per stream the (prev, seq) of each update in arrival order, and the
  /// monotonic instants of the heartbeats.
  struct Heard: Sendable {
    var updates: [String: [(prev: Int64, seq: Int64)]] = [:]
    var heartbeats: [Double] = []
  }

  private let heard = Mutex(Heard())
  private let stopped = Atomic<Bool>(false)
  private let finished = Atomic<Bool>(false)

  init(endpoint: String, prefix: String) throws {
    let context = try Context()
    let socket = try Socket(context, .subscriber)
    try socket.setReceiveHighWaterMark(100_000)
    try socket.subscribe(prefix)
    try socket.subscribe("sys/heartbeat")
    try socket.connect(endpoint)
    nonisolated(unsafe) let owned = (context, socket)
    Thread { [self] in
      let (context, socket) = owned
      let poller = Poller([.socket(socket)])
      while !stopped.load(ordering: .relaxed) {
        guard (try? poller.readable(timeoutMilliseconds: 50))?.isEmpty == false else { continue }
        while let frames = try? socket.receive(), frames.count == 2 {
          record(topic: String(decoding: frames[0], as: UTF8.self), body: frames[1])
        }
      }
      socket.close()
      withExtendedLifetime(context) {}
      finished.store(true, ordering: .relaxed)
    }.start()
  }

  private func record(topic: String, body: [UInt8]) {
    let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    heard.withLock { heard in
      if topic == "sys/heartbeat" {
        heard.heartbeats.append(monotonicSeconds())
      } else if let stream = object["stream"] as? String, let prev = object["prev"] as? Int,
        let seq = object["seq"] as? Int
      {
        heard.updates[stream, default: []].append((Int64(prev), Int64(seq)))
      }
    }
  }

  var value: Heard { heard.withLock { $0 } }

  /// The longest silence between two heartbeats so far, in seconds.
  var longestHeartbeatGap: Double {
    let beats = value.heartbeats
    return zip(beats, beats.dropFirst()).map { $1 - $0 }.max() ?? 0
  }

  /// The updates of `stream` whose `prev` is not the `seq` of the one before: missed updates.
  func gaps(in stream: String) -> [(prev: Int64, seq: Int64)] {
    let updates = value.updates[stream] ?? []
    return zip(updates, updates.dropFirst()).filter { $1.prev != $0.seq }.map { $1 }
  }

  func stop() {
    stopped.store(true, ordering: .relaxed)
    while !finished.load(ordering: .relaxed) { usleep(10_000) }
  }
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
