import Foundation
import PodiumCore
import PodiumPluginKit
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The daemon's `/metrics` (Prometheus text) and `/health`, over real HTTP.
final class MetricsTests: XCTestCase {
  func testMetricsCountCommandsByResultAndFollowTheLog() async throws {
    let daemon = try DaemonProcess()
    let plugin = PodiumClient(
      options: ClientOptions(
        commandEndpoint: daemon.commandEndpoint, updateEndpoint: daemon.updateEndpoint, clientName: "test-plugin"))
    plugin.start()
    defer { plugin.stop() }
    try await plugin.send(RoomCommand(StartSession(), in: "plenary"))
    try await plugin.send(RoomCommand(AddTime(seconds: 60), in: "plenary"), id: "add-1")
    try await plugin.send(RoomCommand(AddTime(seconds: 60), in: "plenary"), id: "add-1")
    let last = try await plugin.send(RoomCommand(AddTime(seconds: -30), in: "plenary"))
    do {
      try await plugin.send(RoomCommand(ResumeSession(), in: "plenary"))
      XCTFail("resume while running is refused")
    } catch PodiumClientError.refused {}

    await eventually("the plugin was heard and is subscribed") {
      let text = (try? await Self.get(daemon.metricsURL + "/metrics").body) ?? ""
      return text.contains(#"podium_client_last_seen_timestamp_seconds{client="test-plugin"}"#)
        && text.contains("podium_subscribers_connected 1")
    }
    let metrics = try await Self.get(daemon.metricsURL + "/metrics")
    XCTAssertEqual(metrics.status, 200)
    let lines = Set(metrics.body.split(separator: "\n").map(String.init))
    for expected in [
      #"podium_commands_total{command="addTime",result="accepted"} 2"#,
      #"podium_commands_total{command="addTime",result="duplicate"} 1"#,
      #"podium_commands_total{command="resume",result="not_allowed_in_state"} 1"#,
      #"podium_commands_total{command="start",result="accepted"} 1"#,
      "podium_events_appended_total 3", "podium_sequence \(Double(last.seq))",
    ] {
      XCTAssertTrue(lines.contains(expected), "\(expected) in\n\(metrics.body)")
    }
    XCTAssertTrue(metrics.body.contains("podium_commit_duration_seconds_count 3"), metrics.body)

    let health = try await Self.get(daemon.metricsURL + "/health")
    XCTAssertEqual(health.status, 200)
    let report = try JSONDecoder().decode([String: JSONNumberOrBool].self, from: Data(health.body.utf8))
    XCTAssertEqual(report["healthy"], .bool(true))
    XCTAssertEqual(report["seq"], .number(Double(last.seq)))
  }

  static func get(_ url: String) async throws -> (status: Int, body: String) {
    let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }
}

/// A JSON scalar of the health report.
enum JSONNumberOrBool: Decodable, Equatable {
  case number(Double)
  case bool(Bool)

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .bool(flag)
    } else {
      self = .number(try container.decode(Double.self))
    }
  }
}
