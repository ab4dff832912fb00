import Foundation
import PodiumCore
import PodiumProtocol
import ZeroMQ

/// The socket thread behind `PodiumClient`. Everything but the locked members
/// below is touched by that thread only.
final class ClientConnection: @unchecked Sendable {
  private enum Sync {
    /// A snapshot is due at the instant.
    case due(Date)
    /// Snapshots asked for; updates received meanwhile wait here.
    case waiting(prefixes: Set<String>, snapshots: [Reply.Snapshot], queued: [Update])
    /// The replica is consistent and follows updates.
    case live
  }

  private let options: ClientOptions
  private let wake = WakeSignal()

  // Shared with other threads, under `lock`.
  private let lock = NSLock()
  private var outgoing: [PendingRequest] = []
  private var stopRequested = false
  private var subscribers: [UUID: AsyncStream<PodiumView>.Continuation] = [:]
  private var sharedView = PodiumView.empty
  private var sharedOffset: TimeInterval = 0
  private var thread: Thread?

  // Socket thread only.
  private var context: Context?
  private var dealer: Socket?
  private var subscriber: Socket?
  private var pending: [String: PendingRequest] = [:]
  private var replica: Replica
  private var sync = Sync.due(.distantPast)
  private var connected = false
  private var lastHeard = Date()
  private var backoff: TimeInterval
  private var clock = ClockOffset()
  private var nextClockSample = Date.distantPast

  init(options: ClientOptions) {
    self.options = options
    replica = Replica(prefixes: options.prefixes)
    backoff = options.backoff.lowerBound
  }

  var latestView: PodiumView {
    lock.lock()
    defer { lock.unlock() }
    return sharedView
  }

  var clockOffset: TimeInterval {
    lock.lock()
    defer { lock.unlock() }
    return sharedOffset
  }

  func start() {
    lock.lock()
    defer { lock.unlock() }
    guard thread == nil else { return }
    let thread = Thread { [self] in run() }
    thread.name = "podium-client"
    self.thread = thread
    thread.start()
  }

  func stop() {
    lock.lock()
    stopRequested = true
    lock.unlock()
    wake.signal()
  }

  func views() -> AsyncStream<PodiumView> {
    let (stream, continuation) = AsyncStream.makeStream(of: PodiumView.self, bufferingPolicy: .bufferingNewest(1))
    let key = UUID()
    lock.lock()
    subscribers[key] = continuation
    continuation.yield(sharedView)
    lock.unlock()
    continuation.onTermination = { [weak self] _ in
      guard let self else { return }
      self.lock.lock()
      self.subscribers[key] = nil
      self.lock.unlock()
    }
    return stream
  }

  func enqueue(id: String, body: [UInt8], continuation: CheckedContinuation<[UInt8], Error>) {
    lock.lock()
    if stopRequested {
      lock.unlock()
      continuation.resume(throwing: PodiumClientError.stopped)
      return
    }
    outgoing.append(
      PendingRequest(
        id: id, body: body, purpose: .caller(continuation), attemptsLeft: options.attempts, deadline: .distantPast))
    lock.unlock()
    wake.signal()
  }

  // MARK: - The socket thread

  private func run() {
    do {
      context = try Context()
      try openSockets()
    } catch {
      failEverything()
      return
    }
    while true {
      lock.lock()
      let stopping = stopRequested
      let fresh = outgoing
      outgoing.removeAll()
      lock.unlock()
      if stopping { break }
      for var request in fresh {
        request.deadline = Date().addingTimeInterval(options.requestTimeout)
        pending[request.id] = request
        transmit(request)
      }
      var sources: [Poller.Source] = [.fileDescriptor(wake.fileDescriptor)]
      if let dealer { sources.append(.socket(dealer)) }
      if let subscriber { sources.append(.socket(subscriber)) }
      let ready = (try? Poller(sources).readable(timeoutMilliseconds: 100)) ?? []
      if ready.contains(0) { wake.drain() }
      receiveReplies()
      receiveUpdates()
      checkTimers(now: Date())
    }
    closeSockets()
    failEverything()
  }

  private func openSockets() throws {
    guard let context else { return }
    let dealer = try Socket(context, .dealer)
    try secure(dealer)
    try dealer.setSendHighWaterMark(1000)
    try dealer.connect(options.commandEndpoint)
    self.dealer = dealer
    if let updates = options.updateEndpoint, subscriber == nil {
      let subscriber = try Socket(context, .subscriber)
      try secure(subscriber)
      try subscriber.setReceiveHighWaterMark(100_000)
      try subscriber.setReconnectInterval(milliseconds: 100, maximum: 2000)
      for prefix in Set(replica.prefixes + [Topic.heartbeat]) { try subscriber.subscribe(prefix) }
      try subscriber.connect(updates)
      self.subscriber = subscriber
    }
  }

  private func closeSockets() {
    dealer?.close()
    dealer = nil
    subscriber?.close()
    subscriber = nil
  }

  /// Lazy Pirate: a request timed out, so the command socket may be stuck; make a new one.
  private func reopenDealer() {
    dealer?.close()
    dealer = nil
    try? openSockets()
  }

  private func transmit(_ request: PendingRequest) {
    _ = try? dealer?.send([request.body])
  }

  private func receiveReplies() {
    while let dealer, let message = try? dealer.receive() {
      guard let body = message.last, let header = try? WireCoding.decode(ReplyHeader.self, from: body),
        let id = header.id, let request = pending.removeValue(forKey: id)
      else { continue }
      switch request.purpose {
      case .caller(let continuation):
        continuation.resume(returning: body)
      case .snapshot(let prefix):
        if let snapshot = try? WireCoding.decode(Reply.Snapshot.self, from: body) {
          received(snapshot, for: prefix)
        }
      case .clock(let sentAt):
        if let reply = try? WireCoding.decode(Reply.Clock.self, from: body) {
          clock.record(sent: sentAt, daemon: reply.now, received: Date())
          lock.lock()
          sharedOffset = clock.offset
          lock.unlock()
        }
      }
    }
  }

  private func receiveUpdates() {
    while let subscriber, let message = try? subscriber.receive() {
      lastHeard = Date()
      guard message.count == 2 else { continue }
      if message[0] == Array(Topic.heartbeat.utf8) {
        if let heartbeat = try? WireCoding.decode(Heartbeat.self, from: message[1]) { received(heartbeat) }
      } else if let update = try? WireCoding.decode(Update.self, from: message[1]) {
        received(update)
      }
    }
  }

  private func received(_ update: Update) {
    switch sync {
    case .due:
      break
    case .waiting(let prefixes, let snapshots, var queued):
      queued.append(update)
      sync = .waiting(prefixes: prefixes, snapshots: snapshots, queued: queued)
    case .live:
      switch replica.apply(update) {
      case .applied: publish(changed: update.topic)
      case .ignored: break
      case .gap: resync(after: 0)
      }
    }
  }

  private func received(_ heartbeat: Heartbeat) {
    guard case .live = sync else {
      if case .due = sync, !connected { sync = .due(Date()) }
      return
    }
    if !replica.agrees(with: heartbeat) { resync(after: 0) }
  }

  private func received(_ snapshot: Reply.Snapshot, for prefix: String) {
    guard case .waiting(var prefixes, var snapshots, let queued) = sync else { return }
    prefixes.remove(prefix)
    snapshots.append(snapshot)
    guard prefixes.isEmpty else {
      sync = .waiting(prefixes: prefixes, snapshots: snapshots, queued: queued)
      return
    }
    var fresh = Replica(prefixes: options.prefixes)
    for snapshot in snapshots { fresh.load(snapshot) }
    for update in queued where fresh.apply(update) == .gap {
      resync(after: backoff)
      return
    }
    replica = fresh
    sync = .live
    connected = true
    lastHeard = Date()
    backoff = options.backoff.lowerBound
    publish()
  }

  private func resync(after delay: TimeInterval) {
    sync = .due(Date().addingTimeInterval(delay))
  }

  private func checkTimers(now: Date) {
    var timedOut = false
    for (id, var request) in pending where request.deadline <= now {
      request.attemptsLeft -= 1
      guard request.attemptsLeft > 0 else {
        pending[id] = nil
        fail(request, now: now)
        continue
      }
      request.deadline = now.addingTimeInterval(options.requestTimeout)
      pending[id] = request
      timedOut = true
    }
    if timedOut {
      reopenDealer()
      for request in pending.values { transmit(request) }
    }

    if options.updateEndpoint != nil {
      if connected, now.timeIntervalSince(lastHeard) > options.silenceTimeout {
        connected = false
        publish()
        subscriber?.close()
        subscriber = nil
        reopenDealer()
        resync(after: 0)
      }
      if case .due(let when) = sync, when <= now { askForSnapshots(now: now) }
    }
    if now >= nextClockSample {
      nextClockSample = now.addingTimeInterval(clock.isMeasured ? 5 : 0.5)
      let id = "clock-\(UUID().uuidString.lowercased())"
      let request = PendingRequest(
        id: id,
        body: WireCoding.encode(
          JSONValue.object(["type": .string("clock"), "id": .string(id), "client": .string(options.clientName)])),
        purpose: .clock(sentAt: now), attemptsLeft: 1, deadline: now.addingTimeInterval(options.requestTimeout))
      pending[id] = request
      transmit(request)
    }
  }

  private func askForSnapshots(now: Date) {
    let prefixes = Set(replica.prefixes)
    for prefix in prefixes {
      let id = "snapshot-\(UUID().uuidString.lowercased())"
      let body = JSONValue.object(["type": .string("snapshot"), "id": .string(id), "prefix": .string(prefix)])
      let request = PendingRequest(
        id: id, body: WireCoding.encode(body), purpose: .snapshot(prefix: prefix), attemptsLeft: 1,
        deadline: now.addingTimeInterval(options.requestTimeout))
      pending[id] = request
      transmit(request)
    }
    sync = .waiting(prefixes: prefixes, snapshots: [], queued: [])
  }

  private func fail(_ request: PendingRequest, now: Date) {
    switch request.purpose {
    case .caller(let continuation):
      continuation.resume(
        throwing: PodiumClientError.unreachable(endpoint: options.commandEndpoint, attempts: options.attempts))
    case .snapshot:
      if connected {
        connected = false
        publish()
      }
      resync(after: backoff)
      backoff = min(options.backoff.upperBound, backoff * 2)
    case .clock:
      break
    }
  }

  private func failEverything() {
    for request in pending.values {
      if case .caller(let continuation) = request.purpose { continuation.resume(throwing: PodiumClientError.stopped) }
    }
    pending.removeAll()
    lock.lock()
    let waiting = outgoing
    outgoing.removeAll()
    let streams = subscribers.values
    subscribers.removeAll()
    lock.unlock()
    for request in waiting {
      if case .caller(let continuation) = request.purpose { continuation.resume(throwing: PodiumClientError.stopped) }
    }
    streams.forEach { $0.finish() }
  }

  /// Makes `socket` a CURVE client when the options carry keys (before it connects).
  private func secure(_ socket: Socket) throws {
    guard let curve = options.curve else { return }
    try socket.makeCurveClient(
      CurveKeyPair(publicKey: curve.publicKey, secretKey: curve.secretKey), serverKey: curve.serverKey)
  }

  /// Hands the new view to every `views()` stream; after one update only its topic is decoded again.
  private func publish(changed topic: String? = nil) {
    lock.lock()
    let previous = sharedView
    lock.unlock()
    let view =
      topic.map { previous.updating($0, from: replica, connected: connected) }
      ?? PodiumView(replica: replica, connected: connected)
    lock.lock()
    sharedView = view
    let streams = Array(subscribers.values)
    lock.unlock()
    for stream in streams { stream.yield(view) }
  }
}

/// The two members every reply has.
private struct ReplyHeader: Decodable {
  var type: String
  var id: String?
}
