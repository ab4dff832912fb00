import Foundation
import Glibc
import PodiumPluginKit
import XCTest

/// A real `podiumd` child process on a temporary data directory and free ports.
/// Restarts keep the ports and the data; `deinit` always kills it.
final class DaemonProcess {
  static let binaries: URL = {
    if let directory = ProcessInfo.processInfo.environment["PODIUM_BIN_DIR"] {
      return URL(fileURLWithPath: directory)
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug")
  }()

  let directory: URL
  let conferenceFile: URL
  private(set) var commandEndpoint = "tcp://127.0.0.1:*"
  private(set) var updateEndpoint = "tcp://127.0.0.1:*"
  /// `/metrics` and `/health`, e.g. `http://127.0.0.1:40123` (a restart keeps the port).
  private(set) var metricsURL = ""
  private var metricsAddress = "127.0.0.1:0"
  private var process: Process?
  private(set) var output = ""
  private var starts = 0
  private var logFiles: [URL] = []

  /// What the daemon logged on standard error, every start so far.
  var log: String {
    logFiles.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }.joined()
  }

  /// Extra environment of the daemon, e.g. `PODIUM_KEYS_DIR`.
  let environment: [String: String]

  /// Starts a daemon on `conference` (YAML text), with a copy of the event log `log` if given.
  init(conference: String = TestConference.yaml(), environment: [String: String] = [:], log: URL? = nil) throws {
    self.environment = environment
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("podium-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    conferenceFile = directory.appendingPathComponent("conference.yaml")
    try conference.write(to: conferenceFile, atomically: true, encoding: .utf8)
    if let log {
      try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: log, to: URL(fileURLWithPath: databasePath))
    }
    try start()
  }

  deinit {
    kill(signal: SIGKILL)
    try? FileManager.default.removeItem(at: directory)
  }

  var dataDirectory: String { directory.appendingPathComponent("data").path }
  var databasePath: String { dataDirectory + "/podium.sqlite" }

  /// Starts (or restarts) the daemon and waits for its `ready` line.
  func start() throws {
    let process = Process()
    process.executableURL = Self.binaries.appendingPathComponent("podiumd")
    process.arguments = [
      "--conference", conferenceFile.path, "--data-dir", dataDirectory, "--command-endpoint", commandEndpoint,
      "--update-endpoint", updateEndpoint, "--metrics-address", metricsAddress,
    ]
    process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin", "PODIUM_PLAINTEXT": "loopback"]
      .merging(environment) { $1 }
    process.currentDirectoryURL = directory
    let stdout = Pipe()
    process.standardOutput = stdout
    starts += 1
    let logFile = directory.appendingPathComponent("podiumd-\(starts).log")
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: logFile)
    logFiles.append(logFile)
    try process.run()
    self.process = process
    let line = try Self.readLine(stdout.fileHandleForReading, timeout: 20)
    guard line.hasPrefix("podiumd ready"), let commands = Self.field("commands", in: line),
      let updates = Self.field("updates", in: line)
    else {
      throw DaemonProcessError("podiumd did not start: \(line)")
    }
    output = line
    commandEndpoint = commands
    updateEndpoint = updates
    if let metrics = Self.field("metrics", in: line) {
      metricsURL = metrics
      metricsAddress = String(metrics.dropFirst("http://".count))
    }
  }

  /// Sends a signal and waits for the process to exit.
  func kill(signal: Int32) {
    guard let process, process.isRunning else { return }
    Glibc.kill(process.processIdentifier, signal)
    process.waitUntilExit()
    self.process = nil
  }

  /// Freezes or thaws the process (a network cut, as its peers see it).
  func send(_ signal: Int32) {
    if let process { Glibc.kill(process.processIdentifier, signal) }
  }

  var isRunning: Bool { process?.isRunning ?? false }

  /// A client following everything, started.
  func client(prefixes: [String] = [""], attempts: Int = 4) -> PodiumClient {
    endpoints.client(prefixes: prefixes, attempts: attempts)
  }

  /// Where the daemon listens now, to hand to other tasks.
  var endpoints: DaemonEndpoints { DaemonEndpoints(commands: commandEndpoint, updates: updateEndpoint) }

  /// Runs the `podium` CLI against this daemon; returns exit status, stdout and stderr.
  func cli(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = Self.binaries.appendingPathComponent("podium")
    let needsEndpoint = !["check-config", "report", "import", "backup", "restore"].contains(arguments.first ?? "")
    process.arguments = arguments + (needsEndpoint ? ["--endpoint", commandEndpoint] : [])
    process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin"]
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
  }

  private static func field(_ name: String, in line: String) -> String? {
    line.split(separator: " ").first { $0.hasPrefix("\(name)=") }.map { String($0.dropFirst(name.count + 1)) }
  }

  private static func readLine(_ handle: FileHandle, timeout: TimeInterval) throws -> String {
    var buffer = Data()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      buffer.append(chunk)
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        return String(decoding: buffer[..<newline], as: UTF8.self)
      }
    }
    return String(decoding: buffer, as: UTF8.self)
  }
}

/// A daemon's endpoints: a value other tasks may hold while the test holds the process.
struct DaemonEndpoints: Sendable {
  var commands: String
  var updates: String

  /// A client following everything, started.
  func client(prefixes: [String] = [""], attempts: Int = 4) -> PodiumClient {
    let client = PodiumClient(
      options: ClientOptions(
        commandEndpoint: commands, updateEndpoint: updates, prefixes: prefixes, requestTimeout: 1,
        attempts: attempts))
    client.start()
    return client
  }
}

struct DaemonProcessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Waits until `condition` holds, polling, or fails the test at the deadline.
func eventually(
  _ message: @autoclosure () -> String = "condition", timeout: TimeInterval = 10, file: StaticString = #filePath,
  line: UInt = #line, _ condition: () async throws -> Bool
) async rethrows {
  let deadline = Date().addingTimeInterval(timeout)
  while Date() < deadline {
    if try await condition() { return }
    try? await Task.sleep(nanoseconds: 20_000_000)
  }
  XCTFail("timed out waiting for \(message())", file: file, line: line)
}
