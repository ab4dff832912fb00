import Foundation

/// A release `podiumd` as a child process on free ports and a temporary data directory.
final class Daemon {
  let directory: String
  private(set) var process = Process()
  private(set) var commands = ""
  private(set) var updates = ""
  private(set) var readyAfter: Double = 0

  /// The binaries: `PODIUM_BIN_DIR`, else `.build/release`.
  static var binaries: String { ProcessInfo.processInfo.environment["PODIUM_BIN_DIR"] ?? ".build/release" }

  /// A conference of `rooms` rooms, each with one session on now for ten hours.
  static func conference(rooms: Int, now: Date = Date()) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    var lines = [
      "conference:", "  id: bench", "  name: Benchmark", "  timeZone: UTC", "  languages:",
      "    - {code: ar, name: العربية}", "    - {code: fr, name: Français}", "rooms:",
    ]
    lines += (0..<rooms).map { "  - {id: room-\($0), name: Salle \($0)}" }
    lines.append("sessions:")
    for room in 0..<rooms {
      lines += [
        "  - id: s-\(room)", "    room: room-\(room)", "    title: Session \(room)",
        "    start: \(formatter.string(from: now.addingTimeInterval(-60)))",
        "    end: \(formatter.string(from: now.addingTimeInterval(36_000)))",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Starts a daemon on a conference of `rooms` rooms (in `directory`, made if needed).
  init(rooms: Int, directory: String? = nil) throws {
    self.directory = directory ?? NSTemporaryDirectory() + "podium-benchmark-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
    let conference = self.directory + "/conference.yaml"
    if !FileManager.default.fileExists(atPath: conference) {
      try Self.conference(rooms: rooms).write(toFile: conference, atomically: true, encoding: .utf8)
    }
    try start()
  }

  /// Starts the process and waits for its ready line.
  func start() throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binaries + "/podiumd")
    process.arguments = [
      "--conference", directory + "/conference.yaml", "--data-dir", directory + "/data", "--command-endpoint",
      "tcp://127.0.0.1:*", "--update-endpoint", "tcp://127.0.0.1:*", "--metrics-address", "",
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["PODIUM_PLAINTEXT": "loopback"]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let started = monotonic()
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { throw BenchmarkError("podiumd exited before it was ready") }
      line.append(chunk)
    }
    readyAfter = monotonic() - started
    let text = String(decoding: line, as: UTF8.self)
    func field(_ name: String) -> String {
      text.split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
    commands = field("commands")
    updates = field("updates")
  }

  var pid: Int32 { process.processIdentifier }

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(atPath: directory)
  }
}
