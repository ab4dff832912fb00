import Foundation
import PodiumCore
import PodiumPluginKit
import XCTest

/// `podium relay` as a separate process between the daemon and subscribers on "another network".
final class RelayTests: XCTestCase {
  func testScreensBehindARelayJoinLateFollowAndResyncWhenTheRelayRestarts() async throws {
    let daemon = try DaemonProcess()
    let relay = try RelayProcess(upstream: daemon.updateEndpoint, bind: "tcp://127.0.0.1:*")
    let operatorClient = daemon.client()
    defer { operatorClient.stop() }
    try await operatorClient.send(RoomCommand(StartSession(), in: "plenary"))

    let screens = (0..<20).map { _ in
      let client = PodiumClient(
        options: ClientOptions(
          commandEndpoint: daemon.commandEndpoint, updateEndpoint: relay.endpoint, prefixes: ["room/plenary"],
          requestTimeout: 1))
      client.start()
      return client
    }
    defer { screens.forEach { $0.stop() } }
    await eventually("every screen joined through the relay") {
      screens.allSatisfy { $0.view.connected && $0.view.rooms["plenary"]?.current?.session.id == "opening" }
    }
    let added = try await operatorClient.send(RoomCommand(AddTime(seconds: 300), in: "plenary"))
    await eventually("every screen got the update through the relay") {
      screens.allSatisfy { $0.view.seq >= added.seq && $0.view.rooms["plenary"]?.state.timer?.added == 300 }
    }

    relay.stop()
    XCTAssertEqual(relay.exitStatus, 0, "SIGTERM stops the proxy cleanly")
    let missed = try await operatorClient.send(RoomCommand(AddTime(seconds: 60), in: "plenary"))
    let again = try RelayProcess(upstream: daemon.updateEndpoint, bind: relay.endpoint)
    defer { again.stop() }
    await eventually("the screens resync after the relay comes back", timeout: 20) {
      screens.allSatisfy { $0.view.seq >= missed.seq && $0.view.rooms["plenary"]?.state.timer?.added == 360 }
    }
  }
}

/// A `podium relay` child process.
final class RelayProcess {
  let process = Process()
  private(set) var endpoint = ""

  init(upstream: String, bind: String) throws {
    process.executableURL = DaemonProcess.binaries.appendingPathComponent("podium")
    process.arguments = ["relay", "--upstream", upstream, "--bind", bind]
    process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let line = String(decoding: output.fileHandleForReading.availableDataUntilNewline(), as: UTF8.self)
    guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("updates=") }) else {
      throw DaemonProcessError("podium relay did not start: \(line)")
    }
    endpoint = String(field.dropFirst("updates=".count))
  }

  var exitStatus: Int32 { process.terminationStatus }

  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    process.waitUntilExit()
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
}

extension FileHandle {
  /// Reads until a newline (or the end), blocking.
  fileprivate func availableDataUntilNewline() -> Data {
    var data = Data()
    while true {
      let byte = readData(ofLength: 1)
      if byte.isEmpty || byte == Data("\n".utf8) { return data }
      data.append(byte)
    }
  }
}
