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
public final class Daemon {
  /// The daemon's name and version, as `hello` reports it.
  public static let identity = "podiumd 0.3.0"
  /// Seconds between heartbeats on the update endpoint.
  public static let heartbeatInterval: TimeInterval = 1
  /// Requests drained into one batch (one commit) at most.
  static let maximumBatch = 512
  /// Seconds of one loop turn spent serving waiting `snapshot` and `events` requests, at most.
  static let queryBudget: TimeInterval = 0.010
  /// Prefixes whose snapshot is kept written until the next change, at most.
  static let cachedSnapshots = 64
  /// Updates queued for one subscriber at most, beyond what its TCP connection holds; then it
  /// loses updates (and resyncs). With room values of 6–17 kB this bounds a subscriber that
  /// never reads to about 1–2 MB of the daemon's memory (docs/PERFORMANCE.md, "Start-up and memory").
  static let updateQueueMessages: Int32 = 128
  /// Events between two checkpoints of the state, by default.
  public static let defaultCheckpointInterval = 10_000

  let log: EventLog
  var live: LiveState
  /// Events after which a checkpoint of the state is written (and one at a clean stop).
  let checkpointInterval: Int
  /// `snapshot` and `events` requests waiting to be served.
  var queries = QueryQueue()
  /// Ids of scheduled commands the rules refused: not tried again.
  var scheduleRefused: Set<String> = []
  /// Snapshot replies written at `seq`, by prefix.
  var snapshots: (seq: Int64, bodies: [String: EncodedBody.SnapshotBody]) = (-1, [:])
  private let context: Context
  let router: Socket
  let publisher: Socket
  /// What other threads may ask of the loop, and its health.
  public let control: DaemonControl
  let logger: DaemonLogger
  let notifier = SystemdNotifier()
  let metrics = DaemonMetrics()
  let subscribers: SocketMonitor
  /// CURVE keys and authorized peers; nil: plaintext, every peer may do everything.
  let security: DaemonSecurity?
  private var authenticator: ZAPHandler?
  /// Changes at each start, so clients can tell a restart.
  public let instance = UUID().uuidString.lowercased()
  /// The endpoints as bound (wildcard ports resolved).
  public let commandEndpoint: String
  public let updateEndpoint: String

  /// Opens the log, replays it, records `conference` if it differs from the one in force, and binds.
  public init(
    logPath: String, conference: Conference?, commandEndpoint: String, updateEndpoint: String,
    security: DaemonSecurity? = nil, checkpointInterval: Int = Daemon.defaultCheckpointInterval,
    logger: DaemonLogger = DaemonLogger()
  ) throws {
    self.security = security
    self.checkpointInterval = max(1, checkpointInterval)
    control = DaemonControl(peers: security?.peers ?? [:], logger: logger)
    self.logger = logger
    log = try EventLog(path: logPath)
    if let migration = log.migration {
      logger.info(
        "event log \(logPath) migrated from schema \(migration.from) to \(EventLog.schema); "
          + "the schema-\(migration.from) file is kept at \(migration.keptAt)")
    }
    logger.info(
      "event log \(logPath): journal_mode=\(log.journalMode) synchronous=\(Self.synchronousName(log.synchronousMode))")
    live = try LiveState(replaying: log, at: PodiumJSON.roundedToMilliseconds(Date())) { seq, refusal in
      logger.warning("checkpoint at seq \(seq) ignored: \(refusal)")
    }
    logger.info(
      "replayed the log up to seq \(live.lastSeq)"
        + (live.checkpointSeq > 0 ? " from the checkpoint at seq \(live.checkpointSeq)" : " (no checkpoint)"))

    if let conference, case let events = live.state.load(conference), !events.isEmpty {
      var batch = CommandBatch(starting: live)
      let now = PodiumJSON.roundedToMilliseconds(Date())
      for event in events { batch.append(event, at: now) }
      try log.append(batch.events, commands: [])
      live = batch.working
      _ = live.publications(of: batch.changes, at: now)  // nobody listens yet: the values are for snapshots
      logger.info("conference '\(conference.id)' loaded at seq \(live.lastSeq)")
    }

    context = try Context()
    router = try Socket(context, .router)
    publisher = try Socket(context, .publisher)
    try router.setMaximumMessageSize(ProtocolVersion.maximumFrameBytes)
    try router.setRouterMandatory(true)
    try router.setSendHighWaterMark(10_000)
    try router.setReceiveHighWaterMark(10_000)
    try publisher.setSendHighWaterMark(Self.updateQueueMessages)
    subscribers = try SocketMonitor(publisher, in: context, name: "updates-\(instance)")
    if let security {
      // The handler must listen before any server socket binds, or libzmq lets every key in.
      let peers = control.peers
      let handler = ZAPHandler(context: context) { key, domain in
        domain == DaemonSecurity.domain && peers[key] != nil ? key : nil
      }
      try handler.start()
      authenticator = handler
      try router.makeCurveServer(security.keys, domain: DaemonSecurity.domain)
      try publisher.makeCurveServer(security.keys, domain: DaemonSecurity.domain)
      logger.info("CURVE on: \(security.peers.count) authorized keys")
    }
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

  /// Runs the loop on the calling thread until `stop()`; closes the sockets on the way out.
  public func run() {
    let poller = Poller([.socket(router), .fileDescriptor(control.wake.fileDescriptor), .socket(subscribers.socket)])
    var nextHeartbeat = Date()
    // What the schedule makes due is looked at when due, after every change, and each second.
    var nextSchedule = Date()
    var seenSeq = live.lastSeq
    notifier.ready(status: status)
    metrics.started(sequence: live.lastSeq)
    while !control.stopRequested {
      if Date() >= nextHeartbeat {
        publishHeartbeat()
        nextHeartbeat = Date().addingTimeInterval(Self.heartbeatInterval)
        notifier.tick(status: status)
        nextSchedule = min(nextSchedule, Date())
      }
      if live.lastSeq != seenSeq || Date() >= nextSchedule {
        nextSchedule = runSchedule()
        seenSeq = live.lastSeq
      }
      let wake = min(nextHeartbeat, nextSchedule, queries.nextDue(at: Date()) ?? nextHeartbeat)
      let timeout = max(0, Int((wake.timeIntervalSinceNow * 1000).rounded(.up)))
      let ready: [Int]
      do {
        ready = try poller.readable(timeoutMilliseconds: timeout)
      } catch {
        logger.error("poll failed: \(error)")
        break
      }
      if ready.contains(1) {
        control.wake.drain()
        if let programme = control.takeProgramme() { bringIntoForce(programme) }
      }
      if ready.contains(0) { serveBatch() }
      serveQueries()
      if ready.contains(2) {
        subscribers.drain()
        metrics.subscribersConnected(subscribers.connected)
      }
      control.health.turned(seq: live.lastSeq, subscribers: subscribers.connected)
    }
    writeCheckpoint()
    subscribers.socket.close()
    authenticator?.stop()
    notifier.stopping()
    router.close()
    publisher.close()
    logger.info("stopped at seq \(live.lastSeq)")
  }

  /// The one-line status systemd shows (`systemctl status podiumd`).
  var status: String {
    let rooms = live.state.conference?.rooms ?? []
    let on = rooms.filter { live.state.room($0.id).currentSessionId != nil }.count
    return "\(rooms.count) rooms, \(on) sessions on, seq \(live.lastSeq)"
  }

  /// Publishes a committed batch's updates; a subscriber whose queue is full misses them (and resyncs).
  func publish(_ publications: [LiveState.Publication]) {
    for publication in publications {
      _ = try? publisher.send([Array(publication.topic.utf8), publication.body])
    }
  }

  /// Writes a checkpoint of the state if events came since the last one. A failure is logged,
  /// not fatal: the next start replays from an older checkpoint.
  func writeCheckpoint() {
    guard live.lastSeq > live.checkpointSeq else { return }
    do {
      try log.write(live.checkpoint, at: Date())
      live.checkpointSeq = live.lastSeq
      logger.debug("checkpoint written at seq \(live.lastSeq)")
    } catch {
      logger.error("\(error)")
    }
  }

  private func publishHeartbeat() {
    let heartbeat = Heartbeat(instance: instance, seq: live.lastSeq, heads: live.heads, now: Date())
    _ = try? publisher.send([Array(Topic.heartbeat.utf8), WireCoding.encode(heartbeat)])
  }

  static func synchronousName(_ mode: Int) -> String {
    ["OFF", "NORMAL", "FULL", "EXTRA"].indices.contains(mode) ? ["OFF", "NORMAL", "FULL", "EXTRA"][mode] : "\(mode)"
  }
}
