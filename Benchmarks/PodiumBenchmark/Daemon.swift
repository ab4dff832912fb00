import Foundation

/// A release `podiumd` as a child process on free ports and a temporary data directory.
final class Daemon {
  let directory: String
  private(set) var process = Process()
  private(set) var commands = ""
  private(set) var updates = ""
  private(set) var readyAfter: Double = 0
  /// The last sequence number, as the ready line gave it.
  private(set) var readySeq: Int64 = 0

  /// The binaries: `PODIUM_BIN_DIR`, else `.build/release`.
  static var binaries: String { ProcessInfo.processInfo.environment["PODIUM_BIN_DIR"] ?? ".build/release" }

  /// A conference of `rooms` rooms, each with `sessions` sessions of three speakers, titled in
  /// three languages, the first on now for two hours, the others an hour each after it;
  /// `rolling`: every room rolls (its sessions start by themselves when due).
  static func conference(
    rooms: Int, sessions: Int = 8, now: Date = Date(), titleSuffix: String = "", rolling: Bool = false
  ) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    var lines = [
      "conference:", "  id: bench", "  name: Benchmark", "  timeZone: UTC", "  languages:",
      "    - {code: ar, name: العربية}", "    - {code: fr, name: Français}", "    - {code: en, name: English}",
      "rooms:",
    ]
    lines += (0..<rooms).map { "  - {id: room-\($0), name: Salle \($0)\(rolling ? ", roll: true" : "")}" }
    lines.append("sessions:")
    for room in 0..<rooms {
      var start = now.addingTimeInterval(-60)
      for session in 0..<sessions {
        let end = start.addingTimeInterval(session == 0 ? 7_200 : 3_600)
        lines += [
          "  - id: s-\(room)\(session == 0 ? "" : "-\(session)")", "    room: room-\(room)",
          "    title: \"Session \(room).\(session) : la protection sociale des travailleuses du soin\(titleSuffix)\"",
          "    titles: {ar: \"الجلسة \(room).\(session): الحماية الاجتماعية لعاملات الرعاية\", en: \"Session \(room).\(session): social protection of care workers\"}",
          "    start: \(formatter.string(from: start))", "    end: \(formatter.string(from: end))", "    speakers:",
          "      - {name: سعاد العلمي, language: ar, affiliation: \"وزارة التضامن والإدماج الاجتماعي والأسرة\"}",
          "      - {name: Isabelle Rousseau, language: fr, affiliation: \"Organisation internationale du Travail\"}",
          "      - {name: Emily Carter, language: en, affiliation: \"UN Women, Regional Office for the Arab States\"}",
        ]
        start = end
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Starts a daemon on a conference of `rooms` rooms (in `directory`, made if needed).
  init(rooms: Int, sessions: Int = 8, directory: String? = nil, rolling: Bool = false) throws {
    self.directory = directory ?? NSTemporaryDirectory() + "podium-benchmark-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
    let conference = self.directory + "/conference.yaml"
    if !FileManager.default.fileExists(atPath: conference) {
      try Self.conference(rooms: rooms, sessions: sessions, rolling: rolling).write(
        toFile: conference, atomically: true, encoding: .utf8)
    }
    try start()
  }

  /// The event log.
  var databasePath: String { directory + "/data/podium.sqlite" }
  /// The conference file the daemon loads at each start.
  var conferencePath: String { directory + "/conference.yaml" }

  /// Starts the process (on the endpoints of the first start, if there was one) and waits
  /// for its ready line.
  func start(environment extra: [String: String] = [:]) throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binaries + "/podiumd")
    process.arguments = [
      "--conference", directory + "/conference.yaml", "--data-dir", directory + "/data", "--command-endpoint",
      commands.isEmpty ? "tcp://127.0.0.1:*" : commands, "--update-endpoint",
      updates.isEmpty ? "tcp://127.0.0.1:*" : updates, "--metrics-address", "",
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["PODIUM_PLAINTEXT": "loopback"]) { $1 }
      .merging(extra) { $1 }
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
    readySeq = Int64(field("seq")) ?? 0
  }

  var pid: Int32 { process.processIdentifier }

  /// Stops the daemon cleanly (SIGTERM: it writes a checkpoint) and waits for it.
  func terminate() {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
  }

  /// Kills the daemon (SIGKILL) and waits for it.
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
