import Foundation
import PodiumConfig
import PodiumCore
import XCTest

/// The control bridge's settings: OSC's address, allowed hosts and targets, and automations
/// read into values (their refusals are exercised against the running bridge).
final class ControlSettingsTests: XCTestCase {
  private func settings(_ text: String, environment: [String: String] = [:]) throws -> PodiumSettings {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("podium.yaml").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return try PodiumSettings.load(file: file, environment: ["HOME": "/h"].merging(environment) { $1 })
  }

  func testOSCIsOnLoopbackByDefaultAndObeysOnlyTheListedHosts() throws {
    let defaults = try PodiumSettings.load(file: nil, environment: ["HOME": "/h"])
    XCTAssertEqual(defaults.oscAddress, "127.0.0.1:8475")
    XCTAssertTrue(defaults.oscAllowed.contains("127.0.0.1") && defaults.oscAllowed.contains("::1"))
    XCTAssertFalse(defaults.oscAllowed.contains("10.0.0.20"))
    let venue = try settings(
      "osc:\n  listen: 0.0.0.0:8475\n  allow: [10.0.1.0/28]\n  targets: [10.0.0.20:53000]\n",
      environment: ["PODIUM_OSC_TARGETS": "10.0.0.21:9000, 10.0.0.22:9000"])
    XCTAssertTrue(venue.oscAllowed.contains("10.0.1.14") && venue.oscAllowed.contains("::ffff:10.0.1.3"))
    XCTAssertFalse(venue.oscAllowed.contains("10.0.1.16") || venue.oscAllowed.contains("127.0.0.1"))
    XCTAssertEqual(venue.oscTargets, ["10.0.0.21:9000", "10.0.0.22:9000"])
    XCTAssertThrowsError(try settings("osc:\n  targets: [qlab]\n")) { error in
      XCTAssertEqual((error as? ConfigError)?.line, 2)
    }
  }

  func testAnAutomationReadsIntoItsTriggerFilterAndActions() throws {
    let read = try settings(
      """
      automations:
        - name: wrap up
          on: phase
          phase: danger
          room: plenary
          do:
            - command: showMessage
              args: {text: "Plus que {timeLeft}", blink: true}
            - osc: 10.0.0.20:53000
              address: /cue/7/go
              args: [7, "x", 1.5, true]
            - http: https://hooks.venue.example/stage
        - on: slowDownRequested
          booth: ar
          do: [{command: clearMessage}]
      """
    ).automations
    XCTAssertEqual(
      read,
      [
        Automation(
          name: "wrap up", trigger: .phase(.danger), filter: .init(room: "plenary"),
          actions: [
            .command(
              name: ShowMessage.name, args: ["text": .string("Plus que {timeLeft}"), "blink": .bool(true)], room: nil),
            .osc(
              target: "10.0.0.20:53000", address: "/cue/7/go",
              arguments: [.number(7), .string("x"), .number(1.5), .bool(true)]),
            .http(method: "POST", url: "https://hooks.venue.example/stage", body: nil),
          ]),
        Automation(
          name: "automation 2", trigger: .slowDown, filter: .init(booth: "ar"),
          actions: [.command(name: ClearMessage.name, args: [:], room: nil)]),
      ])
  }
}
