import ArgumentParser
import Foundation
import Synchronization

/// The audience's Q&A at five times the last measured load, through `podium-qa`'s public
/// HTTP API from native threads, while moderators approve every question and a moderators'
/// console follows its live stream.
struct QuestionsLoad: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "questions",
    abstract: "10,000 questions and 100,000 votes in 60 s from 5,000 devices through podium-qa; none lost, console p95."
  )

  @Option(help: "Audience devices.") var devices = 5_000
  @Option(help: "Questions submitted.") var questions = 10_000
  @Option(help: "Votes cast.") var votes = 100_000
  @Option(help: "Seconds the load is spread over.") var seconds = 60.0
  @Option(help: "Concurrent HTTP connections of the audience.") var connections = 64

  static let token = "bench-moderator-token-0123456789"
  static let room = "room-0"

  /// One request the audience makes, due at an offset from the start.
  struct Task {
    var due: Double
    var isQuestion: Bool
    var device: Int
    var index: Int
  }

  func run() throws {
    let daemon = try Daemon(rooms: 1, sessions: 1)
    let plugin = try QuestionsPlugin(daemon: daemon)
    defer { plugin.stop() }
    sleep(1)  // the plugin follows the daemon: until then its rooms are unknown (404)
    let console = try ModeratorConsole(port: plugin.port)
    usleep(500_000)

    var tasks: [Task] = (0..<questions).map {
      Task(due: Double($0) * (seconds - 10) / Double(questions), isQuestion: true, device: $0 % devices, index: $0)
    }
    tasks += (0..<votes).map {
      Task(
        due: 5 + Double($0) * (seconds - 5) / Double(votes), isQuestion: false, device: ($0 * 7) % devices, index: $0)
    }
    tasks.sort { $0.due < $1.due }
    let shared = LoadState(tasks: tasks, devices: devices)
    let started = monotonic()
    let port = plugin.port
    let cpuBefore = (ProcessUsage(pid: daemon.pid).cpu, ProcessUsage(pid: plugin.pid).cpu)

    let audience = (0..<connections).map { _ in
      Thread { Self.audience(shared, port: port, started: started) }
    }
    let moderators = (0..<2).map { _ in Thread { Self.moderate(shared, port: port) } }
    (audience + moderators).forEach { $0.start() }
    while audience.contains(where: { !$0.isFinished }) { usleep(10_000) }
    let elapsed = monotonic() - started
    shared.finish()
    while moderators.contains(where: { !$0.isFinished }) { usleep(10_000) }
    sleep(2)
    let cpuAfter = (ProcessUsage(pid: daemon.pid).cpu, ProcessUsage(pid: plugin.pid).cpu)
    let resident = (ProcessUsage.peakResident(pid: daemon.pid), ProcessUsage.peakResident(pid: plugin.pid))

    let state = try HTTPConnection(port: port).request(
      "GET", "/api/rooms/\(Self.room)/moderation", headers: ["Authorization": "Bearer \(Self.token)"])
    let stored =
      ((try? JSONSerialization.jsonObject(with: Data(state.body))) as? [String: Any])?["questions"] as? [[String: Any]]
      ?? []
    let storedVotes = stored.reduce(0) { $0 + ($1["votes"] as? Int ?? 0) }
    let counts = shared.counts
    var latencies = Latencies()
    let seen = console.seen
    for (question, acknowledged) in shared.acknowledged {
      if let at = seen[question] { latencies.add(max(0, at - acknowledged)) }
    }
    console.stop()
    daemon.stop()

    print(
      "load: \(counts.asked) questions and \(counts.voted) votes accepted in \(String(format: "%.1f", elapsed)) s "
        + "(\(counts.askRefused) questions, \(counts.voteRefused) votes refused, \(counts.failed) failed); "
        + "\(counts.approved) approved")
    printTable([
      Row(
        path: "accepted from \(devices) devices", podium: "\(counts.asked) questions, \(counts.voted) votes",
        target: "\(questions) questions, \(votes) votes in \(Int(seconds)) s"),
      Row(
        path: "none lost: stored / accepted",
        podium: "\(stored.count) / \(counts.asked) questions, \(storedVotes) / \(counts.voted) votes",
        target: "equal"),
      Row(
        path: "moderators' console: acknowledged → in its stream, p50 / p95 / max (\(latencies.count) seen)",
        podium:
          "\(milliseconds(latencies.percentile(50))) / \(milliseconds(latencies.percentile(95))) / \(milliseconds(latencies.percentile(100)))",
        target: "p95 < 1 s"),
      Row(
        path: "daemon: CPU, peak RSS",
        podium: String(
          format: "%.1f CPU s (%.0f %%), ", cpuAfter.0 - cpuBefore.0, (cpuAfter.0 - cpuBefore.0) / elapsed * 100)
          + mebibytes(resident.0)),
      Row(
        path: "podium-qa: CPU, peak RSS",
        podium: String(
          format: "%.1f CPU s (%.0f %%), ", cpuAfter.1 - cpuBefore.1, (cpuAfter.1 - cpuBefore.1) / elapsed * 100)
          + mebibytes(resident.1)),
    ])
  }

  /// One audience connection: takes the next due task, waits for its time, sends it.
  static func audience(_ shared: LoadState, port: UInt16, started: Double) {
    let connection = HTTPConnection(port: port)
    while let task = shared.next() {
      let delay = started + task.due - monotonic()
      if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
      let cookie = ["Cookie": "podium_device=device\(task.device)"]
      if task.isQuestion {
        let text =
          task.index % 3 == 0
          ? "سؤال \(task.index): ما هو دور الدولة في الحماية الاجتماعية؟"
          : "Question \(task.index): quel financement pour l’économie du soin ?"
        guard
          let reply = try? connection.request(
            "POST", "/api/rooms/\(room)/questions", body: #"{"text":"\#(text)"}"#, headers: cookie)
        else {
          shared.count { $0.failed += 1 }
          continue
        }
        let question =
          ((try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any])?["question"] as? String
        if reply.status == 201, let question {
          shared.asked(question, at: monotonic())
        } else {
          shared.count { $0.askRefused += 1 }
        }
      } else {
        guard let question = shared.questionToVote(device: task.device) else { continue }
        guard
          let reply = try? connection.request(
            "POST", "/api/rooms/\(room)/questions/\(question)/vote", body: "{}", headers: cookie)
        else {
          shared.count { $0.failed += 1 }
          continue
        }
        shared.count { reply.status == 200 ? ($0.voted += 1) : ($0.voteRefused += 1) }
      }
    }
  }

  /// A moderator: approves every question submitted, as it comes.
  static func moderate(_ shared: LoadState, port: UInt16) {
    let connection = HTTPConnection(port: port)
    while let question = shared.nextToApprove() {
      let body = #"{"command":"approveQuestion","args":{"question":"\#(question)","by":"bench"}}"#
      if let reply = try? connection.request(
        "POST", "/api/rooms/\(room)/moderation", body: body, headers: ["Authorization": "Bearer \(token)"]),
        reply.status == 200
      {
        shared.approved(question)
      }
    }
  }
}

/// What the load threads share, under one lock.
final class LoadState: Sendable {
  struct Counts {
    var asked = 0
    var askRefused = 0
    var voted = 0
    var voteRefused = 0
    var approved = 0
    var failed = 0
  }

  private struct State {
    var tasks: [QuestionsLoad.Task]
    var nextTask = 0
    var counts = Counts()
    var acknowledged: [String: Double] = [:]
    var toApprove: [String] = []
    var approved: [String] = []
    var votedBy: [Set<String>]
    var finished = false
  }

  private let state: Mutex<State>

  init(tasks: [QuestionsLoad.Task], devices: Int) {
    state = Mutex(State(tasks: tasks, votedBy: Array(repeating: [], count: devices)))
  }

  func next() -> QuestionsLoad.Task? {
    state.withLock { state in
      guard state.nextTask < state.tasks.count else { return nil }
      defer { state.nextTask += 1 }
      return state.tasks[state.nextTask]
    }
  }

  func count(_ change: (inout Counts) -> Void) { state.withLock { change(&$0.counts) } }

  func asked(_ question: String, at instant: Double) {
    state.withLock {
      $0.counts.asked += 1
      $0.acknowledged[question] = instant
      $0.toApprove.append(question)
    }
  }

  /// One of the 400 latest approved questions this device has not voted for, marked as voted.
  func questionToVote(device: Int) -> String? {
    state.withLock { state in
      let recent = state.approved.suffix(400)
      guard let question = recent.shuffled().first(where: { !state.votedBy[device].contains($0) }) else { return nil }
      state.votedBy[device].insert(question)
      return question
    }
  }

  func nextToApprove() -> String? {
    while true {
      let (question, finished) = state.withLock { state -> (String?, Bool) in
        state.toApprove.isEmpty ? (nil, state.finished) : (state.toApprove.removeFirst(), false)
      }
      if let question { return question }
      if finished { return nil }
      usleep(5_000)
    }
  }

  func approved(_ question: String) {
    state.withLock {
      $0.approved.append(question)
      $0.counts.approved += 1
    }
  }

  func finish() { state.withLock { $0.finished = true } }
  var counts: Counts { state.withLock { $0.counts } }
  var acknowledged: [String: Double] { state.withLock { $0.acknowledged } }
}

/// `podium-qa` as a child process following the daemon, with a known moderator token.
final class QuestionsPlugin {
  private let process = Process()
  let port: UInt16

  init(daemon: Daemon) throws {
    process.executableURL = URL(fileURLWithPath: Daemon.binaries + "/podium-qa")
    process.arguments = [
      "--address", "127.0.0.1:0", "--endpoint", daemon.commands, "--updates", daemon.updates, "--moderator-token",
      QuestionsLoad.token, "--address-requests-per-minute", "1000000", "--requests-per-minute", "1000000",
      "--votes-per-minute", "60", "--questions-per-minute", "3",
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["PODIUM_PLAINTEXT": "loopback"]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { throw BenchmarkError("podium-qa exited before it was ready") }
      line.append(chunk)
    }
    let text = String(decoding: line, as: UTF8.self)
    guard let url = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }),
      let port = UInt16(url.split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    else { throw BenchmarkError("podium-qa said: \(text)") }
    self.port = port
  }

  var pid: Int32 { process.processIdentifier }

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

/// The moderators' console's live stream (`/live/moderator`), read on its own thread: when
/// each question id first appeared in it.
final class ModeratorConsole: Sendable {
  private let sightings = Mutex<[String: Double]>([:])
  private let stopped = Atomic<Bool>(false)

  init(port: UInt16) throws {
    let socket = try HTTPConnection.openSocket(host: "127.0.0.1", port: port)
    let request =
      "GET /live/moderator?room=\(QuestionsLoad.room) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
      + "Authorization: Bearer \(QuestionsLoad.token)\r\nAccept: text/event-stream\r\n\r\n"
    _ = Array(request.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
    var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    Thread { [self] in
      self.read(socket)
      Glibc.close(socket)
    }.start()
  }

  var seen: [String: Double] { sightings.withLock { $0 } }
  func stop() { stopped.store(true, ordering: .relaxed) }

  /// Reads the chunked stream, reassembles its body, and notes the question ids of each `data:` line.
  private func read(_ socket: Int32) {
    var raw: [UInt8] = []
    var body: [UInt8] = []
    var headersDone = false
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while !stopped.load(ordering: .relaxed) {
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count == 0 { return }
      if count < 0 { continue }
      raw += chunk[..<count]
      if !headersDone {
        guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8))?.lowerBound else { continue }
        raw.removeFirst(end + 4)
        headersDone = true
      }
      // Chunked transfer: size line, data, CRLF.
      while let lineEnd = raw.firstRange(of: Array("\r\n".utf8))?.lowerBound {
        let size = Int(String(decoding: raw[..<lineEnd], as: UTF8.self), radix: 16) ?? 0
        guard raw.count >= lineEnd + 2 + size + 2 else { break }
        body += raw[(lineEnd + 2)..<(lineEnd + 2 + size)]
        raw.removeFirst(lineEnd + 2 + size + 2)
      }
      let now = monotonic()
      while let newline = body.firstIndex(of: UInt8(ascii: "\n")) {
        let line = body[..<newline]
        body.removeFirst(newline + 1)
        guard line.starts(with: Array("data: ".utf8)),
          let batch = (try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6)))) as? [String: Any],
          let questions = batch["questions"] as? [[String: Any]]
        else { continue }
        sightings.withLock { seen in
          for question in questions {
            if let id = question["id"] as? String, seen[id] == nil { seen[id] = now }
          }
        }
      }
    }
  }
}
