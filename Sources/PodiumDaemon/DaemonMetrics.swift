import Foundation
import Metrics

/// What the daemon counts, through swift-metrics (podiumd exports it for Prometheus):
/// commands by name and result, events appended, commit durations, the sequence number,
/// connected subscribers, and when each named client was last heard from.
struct DaemonMetrics {
  private let events = Counter(label: "podium_events_appended_total")
  private let commit = Metrics.Timer(label: "podium_commit_duration_seconds", preferredDisplayUnit: .seconds)
  private let sequence = Gauge(label: "podium_sequence")
  private let subscribers = Gauge(label: "podium_subscribers_connected")

  /// One command handled: `result` is `accepted`, `duplicate`, `storage_unavailable` or the refusal's code.
  func command(_ name: String, result: String) {
    Counter(label: "podium_commands_total", dimensions: [("command", name), ("result", result)]).increment()
  }

  /// A batch committed: its events and how long the transaction took.
  func committed(events count: Int, in duration: TimeInterval, sequence seq: Int64) {
    events.increment(by: count)
    commit.recordNanoseconds(Int64(duration * 1_000_000_000))
    sequence.record(seq)
  }

  /// The sequence number the daemon starts from (after replaying its log).
  func started(sequence seq: Int64) { sequence.record(seq) }

  func subscribersConnected(_ count: Int) { subscribers.record(count) }

  /// A named client sent a request now.
  func heard(from client: String, at now: Date) {
    Gauge(label: "podium_client_last_seen_timestamp_seconds", dimensions: [("client", client)])
      .record(now.timeIntervalSince1970)
  }
}
