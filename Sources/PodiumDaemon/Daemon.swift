import Foundation
import PodiumCore
import PodiumProtocol
import PodiumStore
import ZeroMQ

/// `podiumd`'s shell: one thread owns the sockets, reads requests in batches,
/// decides commands, commits them to the event log, then replies and publishes.
///
/// The loop never blocks on a peer: replies and updates are sent without
/// waiting, a slow subscriber loses updates (and resyncs by their sequence
/// numbers), and input is bounded in size.
public final class Daemon: @unchecked Sendable {
  /// The daemon's name and version, as `hello` reports it.
  public static let identity = "podiumd 0.1.0"
  /// Seconds between heartbeats on the update endpoint.
  public static let heartbeatInterval: TimeInterval = 1
  /// Requests drained into one batch (one commit) at most.
  static let maximumBatch = 512

  private let log: EventLog
  private var live: LiveState
  private let context: Context
  private let router: Socket
  private let publisher: Socket
  private let wake = WakeSignal()
  private let stopLock = NSLock()
  private var stopRequested = false
  private var pendingProgramme: Conference?
  private let logger: DaemonLogger
  /// Changes at each start, so clients can tell a restart.
  public let instance = UUID().uuidString.lowercased()
  /// The endpoints as bound (wildcard ports resolved).
  public let commandEndpoint: String
  public let updateEndpoint: String

  /// Opens the log, replays it, records `conference` if it differs from the one in force, and binds.
  public init(
    logPath: String, conference: Conference?, commandEndpoint: String, updateEndpoint: String,
    logger: DaemonLogger = DaemonLogger()
  ) throws {
    self.logger = logger
    log = try EventLog(path: logPath)
    logger.info(
      "event log \(logPath): journal_mode=\(log.journalMode) synchronous=\(Self.synchronousName(log.synchronousMode))")
    let state = try log.replay()
    live = LiveState(state: state, lastSeq: try log.lastSequence(), heads: try log.heads())
    logger.info("replayed the log up to seq \(live.lastSeq)")

    if let conference, case let events = live.state.load(conference), !events.isEmpty {
      var batch = CommandBatch(starting: live)
      let now = PodiumJSON.roundedToMilliseconds(Date())
      for event in events { batch.append(event, at: now) }
      try log.append(batch.events, commands: [])
      live = batch.working
      logger.info("conference '\(conference.id)' loaded at seq \(live.lastSeq)")
    }

    context = try Context()
    router = try Socket(context, .router)
    publisher = try Socket(context, .publisher)
    try router.setMaximumMessageSize(ProtocolVersion.maximumFrameBytes)
    try router.setRouterMandatory(true)
    try router.setSendHighWaterMark(10_000)
    try router.setReceiveHighWaterMark(10_000)
    try publisher.setSendHighWaterMark(10_000)
    do {
      try router.bind(commandEndpoint)
      try publisher.bind(updateEndpoint)
    } catch {
      throw DaemonError(
        "cannot bind: \(error) (is another podiumd running? set PODIUM_COMMAND_ENDPOINT / PODIUM_UPDATE_ENDPOINT)")
    }
    self.commandEndpoint = router.lastEndpoint
    self.updateEndpoint = publisher.lastEndpoint
  }

  /// The last sequence number committed.
  public var lastSequence: Int64 { live.lastSeq }

  /// Asks the loop to stop; safe from any thread or a signal handler's queue.
  public func stop() {
    stopLock.lock()
    stopRequested = true
    stopLock.unlock()
    wake.signal()
  }

  /// Brings a new programme into force (a re-imported schedule): recorded and published
  /// by the loop like any change. Safe from any thread.
  public func reload(_ conference: Conference) {
    stopLock.lock()
    pendingProgramme = conference
    stopLock.unlock()
    wake.signal()
  }

  private func takePendingProgramme() -> Conference? {
    stopLock.lock()
    defer { stopLock.unlock() }
    let programme = pendingProgramme
    pendingProgramme = nil
    return programme
  }

  private var shouldStop: Bool {
    stopLock.lock()
    defer { stopLock.unlock() }
    return stopRequested
  }

  /// Runs the loop on the calling thread until `stop()`; closes the sockets on the way out.
  public func run() {
    let poller = Poller([.socket(router), .fileDescriptor(wake.fileDescriptor)])
    var nextHeartbeat = Date()
    while !shouldStop {
      if Date() >= nextHeartbeat {
        publishHeartbeat()
        nextHeartbeat = Date().addingTimeInterval(Self.heartbeatInterval)
      }
      let timeout = max(0, Int(nextHeartbeat.timeIntervalSinceNow * 1000) + 1)
      let ready: [Int]
      do {
        ready = try poller.readable(timeoutMilliseconds: timeout)
      } catch {
        logger.error("poll failed: \(error)")
        break
      }
      if ready.contains(1) {
        wake.drain()
        if let programme = takePendingProgramme() { bringIntoForce(programme) }
      }
      if ready.contains(0) { serveBatch() }
    }
    router.close()
    publisher.close()
    logger.info("stopped at seq \(live.lastSeq)")
  }

  /// Records and publishes the events that bring `programme` into force.
  private func bringIntoForce(_ programme: Conference) {
    let diff = ProgrammeDiff(from: live.state.conference, to: programme)
    let events = live.state.load(programme)
    guard !events.isEmpty else {
      logger.info("programme reloaded: no change")
      return
    }
    var batch = CommandBatch(starting: live)
    let now = PodiumJSON.roundedToMilliseconds(Date())
    for event in events { batch.append(event, at: now) }
    do {
      try log.append(batch.events, commands: [])
    } catch {
      logger.error("\(error); the new programme is not in force")
      return
    }
    live = batch.working
    for update in batch.updates {
      _ = try? publisher.send([Array(update.topic.utf8), WireCoding.encode(update)])
    }
    logger.info(
      "programme '\(programme.id)' in force at seq \(live.lastSeq): \(diff.added.count) sessions added, "
        + "\(diff.removed.count) removed, \(diff.changed.count) changed")
  }

  /// Drains waiting requests, commits the commands among them, then answers all in order.
  private func serveBatch() {
    var received: [[[UInt8]]] = []
    while received.count < Self.maximumBatch, let message = try? router.receive() {
      received.append(message)
    }
    guard !received.isEmpty else { return }
    let now = PodiumJSON.roundedToMilliseconds(Date())
    var batch = CommandBatch(starting: live)
    var answers: [(route: [[UInt8]], answer: Answer)] = []
    for message in received {
      let (route, body) = Self.split(message)
      guard let body else {
        answers.append((route, .failure(Self.frameCountFailure)))
        continue
      }
      let (id, parsed) = RequestEnvelope.parse(body)
      switch parsed {
      case .failure(let error):
        answers.append((route, .failure(Reply.Failure(id: id, error))))
      case .success(let envelope):
        if case .command(let commandId, let command) = envelope.request {
          switch batch.decide(id: commandId, command: command, at: now, remembered: log.reply(forCommand:)) {
          case .accepted(let ack): answers.append((route, .acknowledgement(ack)))
          case .duplicate(let reply): answers.append((route, .duplicate(reply)))
          case .refused(let failure): answers.append((route, .failure(failure)))
          }
        } else {
          answers.append((route, .query(envelope)))
        }
      }
    }

    var committed = true
    do {
      try log.append(batch.events, commands: batch.commands)
      live = batch.working
    } catch {
      committed = false
      logger.error("\(error); refusing the batch's \(batch.commands.count) commands")
    }

    for (route, answer) in answers {
      send(route, reply(for: answer, committed: committed, at: now))
    }
    if committed {
      for update in batch.updates {
        _ = try? publisher.send([Array(update.topic.utf8), WireCoding.encode(update)])
      }
    }
  }

  private static let frameCountFailure = Reply.Failure(
    id: nil, ProtocolError(.malformed, "a request is one body frame (after the empty delimiter of a REQ socket)"))

  private enum Answer {
    case failure(Reply.Failure)
    case acknowledgement(Reply.Acknowledgement)
    case duplicate([UInt8])
    case query(RequestEnvelope)
  }

  private func reply(for answer: Answer, committed: Bool, at now: Date) -> [UInt8] {
    switch answer {
    case .failure(let failure):
      return WireCoding.encode(failure)
    case .acknowledgement(let ack):
      guard committed else {
        return WireCoding.encode(
          Reply.Failure(
            id: ack.id, ProtocolError(.storageUnavailable, "the event log cannot be written; nothing was applied")))
      }
      return WireCoding.encode(ack)
    case .duplicate(let reply):
      guard var ack = try? WireCoding.decode(Reply.Acknowledgement.self, from: reply) else { return reply }
      ack.duplicate = true
      return WireCoding.encode(ack)
    case .query(let envelope):
      return respond(to: envelope, at: now)
    }
  }

  private func respond(to envelope: RequestEnvelope, at now: Date) -> [UInt8] {
    switch envelope.request {
    case .hello:
      return WireCoding.encode(
        Reply.Welcome(
          id: envelope.id, daemon: Self.identity, instance: instance, seq: live.lastSeq, now: Date(),
          updates: updateEndpoint))
    case .clock:
      return WireCoding.encode(Reply.Clock(id: envelope.id, now: Date()))
    case .snapshot(let prefix):
      return WireCoding.encode(live.snapshot(id: envelope.id, prefix: prefix, at: now))
    case .events(let after, let limit):
      do {
        let entries = try log.events(after: after, limit: limit).map { stored in
          Reply.LogEntry(
            seq: stored.seq, at: stored.at, topic: stored.topic, type: stored.event.name, command: stored.commandId,
            event: (try? JSONValue(encoding: stored.event)) ?? .null)
        }
        return WireCoding.encode(Reply.Events(id: envelope.id, last: live.lastSeq, events: entries))
      } catch {
        return WireCoding.encode(
          Reply.Failure(id: envelope.id, ProtocolError(.storageUnavailable, "cannot read the event log: \(error)")))
      }
    case .command:
      return WireCoding.encode(Reply.Failure(id: envelope.id, ProtocolError(.malformed, "unexpected command")))
    }
  }

  private func publishHeartbeat() {
    let heartbeat = Heartbeat(instance: instance, seq: live.lastSeq, heads: live.heads, now: Date())
    _ = try? publisher.send([Array(Topic.heartbeat.utf8), WireCoding.encode(heartbeat)])
  }

  /// Splits a ROUTER message into its route (identity, and the empty delimiter of a REQ peer) and body.
  static func split(_ message: [[UInt8]]) -> (route: [[UInt8]], body: [UInt8]?) {
    guard let identity = message.first else { return ([], nil) }
    let rest = message.dropFirst()
    if rest.count == 2, rest.first!.isEmpty { return ([identity, []], rest.last!) }
    if rest.count == 1 { return ([identity], rest.first!) }
    let route = rest.first?.isEmpty == true ? [identity, []] : [identity]
    return (route, nil)
  }

  private func send(_ route: [[UInt8]], _ body: [UInt8]) {
    guard !route.isEmpty else { return }
    do {
      try router.send(route + [body])
    } catch {
      logger.debug("reply dropped: \(error)")
    }
  }

  static func synchronousName(_ mode: Int) -> String {
    ["OFF", "NORMAL", "FULL", "EXTRA"].indices.contains(mode) ? ["OFF", "NORMAL", "FULL", "EXTRA"][mode] : "\(mode)"
  }
}
