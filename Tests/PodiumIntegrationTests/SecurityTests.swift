import Foundation
import PodiumConfig
import PodiumCore
import PodiumPluginKit
import PodiumProtocol
import XCTest
import ZeroMQ

/// CURVE links with roles, against the real daemon: keys made by `podium keys new`.
final class SecurityTests: XCTestCase {
  var keys = ""

  override func setUpWithError() throws {
    keys = FileManager.default.temporaryDirectory.appendingPathComponent("podium-keys-\(UUID().uuidString)").path
    for arguments in [
      ["podiumd", "--role", "daemon"], ["crew", "--role", "operator"], ["screens", "--role", "display"],
      ["booth-en", "--role", "booth", "--booth", "plenary/en"], ["qa-atlas", "--role", "qa", "--room", "atlas"],
    ] {
      let process = Process()
      process.executableURL = DaemonProcess.binaries.appendingPathComponent("podium")
      process.arguments = ["keys", "new"] + arguments + ["--dir", keys]
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 0, "podium keys new \(arguments)")
    }
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: keys)
  }

  private func client(
    _ daemon: DaemonProcess, key: String?, curve explicit: CurveClientKeys? = nil
  ) throws -> PodiumClient {
    let store = KeyStore(directory: keys)
    let curve =
      try explicit
      ?? key.map {
        let own = try store.key($0)
        return CurveClientKeys(
          publicKey: own.publicKey, secretKey: own.secretKey!,
          serverKey: try store.key(KeyStore.daemonKey, secret: false).publicKey)
      }
    let client = PodiumClient(
      options: ClientOptions(
        commandEndpoint: daemon.commandEndpoint, updateEndpoint: daemon.updateEndpoint, requestTimeout: 0.5,
        attempts: 2, curve: curve))
    client.start()
    return client
  }

  private func refusal(_ client: PodiumClient, _ command: RoomCommand) async -> Reply.Failure? {
    do {
      try await client.send(command)
      return nil
    } catch PodiumClientError.refused(let failure) {
      return failure
    } catch {
      return Reply.Failure(id: nil, ProtocolError(.daemonUnreachable, "\(error)"))
    }
  }

  func testRolesDecideWhatEachKeyMaySendAndUnknownKeysAreShutOut() async throws {
    let daemon = try DaemonProcess(environment: ["PODIUM_KEYS_DIR": keys])
    XCTAssertTrue(daemon.log.contains("CURVE on: 4 authorized keys"), daemon.log)
    let crew = try client(daemon, key: "crew")
    let screens = try client(daemon, key: "screens")
    let booth = try client(daemon, key: "booth-en")
    let qa = try client(daemon, key: "qa-atlas")
    defer { [crew, screens, booth, qa].forEach { $0.stop() } }

    try await crew.send(RoomCommand(StartSession(), in: "plenary"))
    await eventually("a display key follows the updates over CURVE") {
      screens.view.rooms["plenary"]?.current?.session.id == "opening"
    }
    let display = await refusal(screens, RoomCommand(PauseSession(), in: "plenary"))
    XCTAssertEqual(display?.code, .forbidden)
    XCTAssertEqual(display?.message, "key 'screens' (role display) may not send 'pause', the operator's command")

    try await booth.send(RoomCommand(TakeMicrophone(booth: "en", interpreter: "helen"), in: "plenary"))
    let otherBooth = await refusal(
      booth, RoomCommand(TakeMicrophone(booth: "ar", interpreter: "amina"), in: "plenary"))
    XCTAssertEqual(otherBooth?.code, .forbidden)
    XCTAssertTrue(otherBooth?.message.contains("not plenary/ar") ?? false, "\(otherBooth!)")
    let stage = await refusal(booth, RoomCommand(EndSession(), in: "plenary"))
    XCTAssertEqual(stage?.code, .forbidden)

    try await qa.send(
      RoomCommand(SubmitQuestion(question: "q1", text: "Oui ?", name: nil, language: "fr", device: "d"), in: "atlas"))
    let otherRoom = await refusal(
      qa,
      RoomCommand(SubmitQuestion(question: "q1", text: "Non ?", name: nil, language: "fr", device: "d"), in: "plenary"))
    XCTAssertEqual(otherRoom?.code, .forbidden)

    let stranger = try CurveKeyPair.generate()
    let serverKey = try KeyStore(directory: keys).key(KeyStore.daemonKey, secret: false).publicKey
    let unknown = try client(
      daemon, key: nil,
      curve: CurveClientKeys(publicKey: stranger.publicKey, secretKey: stranger.secretKey, serverKey: serverKey))
    let plaintext = try client(daemon, key: nil)
    defer {
      unknown.stop()
      plaintext.stop()
    }
    for outsider in [unknown, plaintext] {
      let failure = await refusal(outsider, RoomCommand(PauseSession(), in: "plenary"))
      XCTAssertEqual(failure?.code, .daemonUnreachable, "an unknown key or no key gets no answer at all")
    }
    // Revoking a key: remove its line, SIGHUP; its open connection is refused from the next command.
    let authorized = keys + "/authorized.yaml"
    let lines = try String(contentsOfFile: authorized, encoding: .utf8).split(separator: "\n")
    try (lines.filter { !$0.contains("name: booth-en") }.joined(separator: "\n") + "\n")
      .write(toFile: authorized, atomically: true, encoding: .utf8)
    daemon.send(SIGHUP)
    await eventually("the revoked booth key is refused") {
      await self.refusal(booth, RoomCommand(MicrophoneOff(booth: "en"), in: "plenary"))?.code == .forbidden
    }
    try await crew.send(RoomCommand(PauseSession(), in: "plenary"))
    let resumed = try await crew.send(RoomCommand(ResumeSession(), in: "plenary"))
    XCTAssertEqual(resumed.events.map(\.type), ["sessionResumed"], "the other keys still work")

    let log = try await crew.request(
      .object(["type": .string("events"), "id": .string("e"), "after": .number(0)]), as: Reply.Events.self)
    XCTAssertEqual(
      log.events.filter { $0.type == "sessionPaused" }.count, 1, "only the crew's pause: nothing the outsiders sent")
  }

  func testPlaintextNeedsSayingSoAndStaysOnLoopback() throws {
    XCTAssertTrue(
      try refusedStart(["--command-endpoint", "tcp://127.0.0.1:*"], environment: [:])
        .contains("no keys directory: set security.keys"))
    XCTAssertTrue(
      try refusedStart(["--command-endpoint", "tcp://0.0.0.0:*"], environment: ["PODIUM_PLAINTEXT": "loopback"])
        .contains("tcp://0.0.0.0:* is not a loopback endpoint: set security.keys"))
  }

  /// The standard error of a podiumd that must refuse to start.
  private func refusedStart(_ arguments: [String], environment: [String: String]) throws -> String {
    let process = Process()
    process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
    process.currentDirectoryURL = URL(fileURLWithPath: keys)  // no config/podium.yaml here
    process.executableURL = DaemonProcess.binaries.appendingPathComponent("podiumd")
    process.arguments =
      arguments + ["--update-endpoint", "tcp://127.0.0.1:*", "--data-dir", keys + "/data", "--metrics-address", ""]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    XCTAssertNotEqual(process.terminationStatus, 0)
    return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }
}
