import Foundation
import PodiumConfig
import XCTest

final class PodiumSettingsTests: XCTestCase {
  func testDefaultsWorkOnOneMachine() throws {
    let settings = try PodiumSettings.load(file: nil, environment: ["HOME": "/home/crew"])
    XCTAssertEqual(settings.commandEndpoint, "tcp://127.0.0.1:5570")
    XCTAssertEqual(settings.updateEndpoint, "tcp://127.0.0.1:5571")
    XCTAssertTrue(settings.dataDirectory.hasSuffix("podium"))
  }

  func testTheFileThenTheEnvironmentOverride() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("podium.yaml").path
    try """
    conference: conferences/demo.yaml
    dataDirectory: data
    endpoints:
      commands: tcp://127.0.0.1:6000
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let settings = try PodiumSettings.load(
      file: file, environment: ["HOME": "/home/crew", "PODIUM_UPDATE_ENDPOINT": "tcp://127.0.0.1:6001"])
    XCTAssertEqual(settings.commandEndpoint, "tcp://127.0.0.1:6000")
    XCTAssertEqual(settings.updateEndpoint, "tcp://127.0.0.1:6001")
    XCTAssertEqual(settings.conferenceFile, directory.appendingPathComponent("conferences/demo.yaml").path)
    XCTAssertEqual(settings.dataDirectory, directory.appendingPathComponent("data").path)
  }

  func testSystemdsStateDirectoryWins() {
    let settings = PodiumSettings(environment: ["STATE_DIRECTORY": "/var/lib/podium", "HOME": "/root"])
    XCTAssertEqual(settings.dataDirectory, "/var/lib/podium")
  }
}
