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

  func testTheCheckpointIntervalFromTheFileOrTheEnvironmentMustBeAPositiveCount() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("podium.yaml").path
    try "checkpoints:\n  every: 500\n".write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertEqual(try PodiumSettings.load(file: nil, environment: ["HOME": "/h"]).checkpointInterval, 10_000)
    XCTAssertEqual(try PodiumSettings.load(file: file, environment: ["HOME": "/h"]).checkpointInterval, 500)
    XCTAssertEqual(
      try PodiumSettings.load(file: file, environment: ["HOME": "/h", "PODIUM_CHECKPOINT_EVERY": "20"])
        .checkpointInterval, 20)
    XCTAssertThrowsError(
      try PodiumSettings.load(file: nil, environment: ["HOME": "/h", "PODIUM_CHECKPOINT_EVERY": "0"]))
    try "checkpoints:\n  every: -3\n".write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try PodiumSettings.load(file: file, environment: ["HOME": "/h"])) { error in
      XCTAssertTrue("\(error)".contains("every must be a whole number of events above 0"), "\(error)")
    }
  }

  func testSystemdsStateDirectoryWins() {
    let settings = PodiumSettings(environment: ["STATE_DIRECTORY": "/var/lib/podium", "HOME": "/root"])
    XCTAssertEqual(settings.dataDirectory, "/var/lib/podium")
  }
}

/// docs/PROTOCOL.md §2 says every key of the settings file and every environment variable.
final class SettingsDocumentTests: XCTestCase {
  private func section2() throws -> String {
    let document = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
    let start = try XCTUnwrap(document.range(of: "\n## 2. Endpoints and settings"))
    let end = try XCTUnwrap(document.range(of: "\n## 3. Sockets and frames"))
    return String(document[start.upperBound..<end.lowerBound])
  }

  func testEverySettingsKeyIsInTheDocumentedFile() throws {
    let text = try section2()
    let block = try XCTUnwrap(
      text.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
    var section: String?
    var documented: Set<String> = []
    for line in block.split(separator: "\n") {
      let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
      if line.hasPrefix("  ") {
        documented.insert("\(section ?? "?").\(key)")
      } else {
        section = key
        documented.insert(key)
      }
    }
    let sections = Set(
      PodiumSettings.fileKeys.compactMap { $0.contains(".") ? $0.split(separator: ".").first.map(String.init) : nil })
    XCTAssertEqual(documented.subtracting(sections), Set(PodiumSettings.fileKeys))
  }

  func testEveryEnvironmentVariableIsDocumented() throws {
    let text = try section2()
    for name in PodiumSettings.environmentVariables.keys {
      XCTAssertTrue(text.contains(name), "\(name) is not in docs/PROTOCOL.md §2")
    }
  }
}
