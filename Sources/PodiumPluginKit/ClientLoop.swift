import Foundation
import PodiumCore
import PodiumProtocol
import ZeroMQ

/// The socket thread of a `PodiumClient`: it owns the sockets and carries out what the
/// three pure parts decide — `RequestRetries` (Lazy Pirate), `Subscription` (the Clone
/// rules) and `ClockSampler` (the daemon's clock). Everything here runs on that thread.
final class ClientLoop {
  /// What waits for a reply.
  enum Purpose {
    /// A caller of `PodiumClient.request`, resumed with the raw reply.
    case caller(CheckedContinuation<[UInt8], any Error>)
    /// A snapshot for resynchronisation, for one prefix.
    case snapshot(prefix: String)
    /// A clock sample, sent at a local instant.
    case clock(sentAt: Date)
  }

  private let connection: ClientConnection
  private var options: ClientOptions { connection.options }
  private var context: Context?
  private var dealer: Socket?
  private var subscriber: Socket?
  private var requests: RequestRetries<Purpose>
  private var subscription: Subscription?
  private var clock = ClockSampler()
  private var view = PodiumView.empty

  init(connection: ClientConnection) {
    self.connection = connection
    let options = connection.options
    requests = RequestRetries(timeout: options.requestTimeout)
    if options.updateEndpoint != nil {
      subscription = Subscription(
        prefixes: options.prefixes, silenceTimeout: options.silenceTimeout, backoff: options.backoff, at: Date())
    }
  }

  func run() {
    do {
      context = try Context()
      try openSockets()
    } catch {
      failEverything()
      return
    }
    while let fresh = connection.takeOutgoing() {
      for request in fresh {
        send(request.id, request.body, .caller(request.continuation), attempts: options.attempts, at: Date())
      }
      var sources: [Poller.Source] = [.fileDescriptor(connection.wake.fileDescriptor)]
      if let dealer { sources.append(.socket(dealer)) }
      if let subscriber { sources.append(.socket(subscriber)) }
      let ready = (try? Poller(sources).readable(timeoutMilliseconds: 100)) ?? []
      if ready.contains(0) { connection.wake.drain() }
      receiveReplies()
      receiveUpdates()
      checkTimers(now: Date())
    }
    closeSockets()
    failEverything()
  }

  // MARK: Sockets

  private func openSockets() throws {
    guard let context else { return }
    let dealer = try Socket(context, .dealer)
    try secure(dealer, serverKey: \.serverKey)
    try dealer.setSendHighWaterMark(1000)
    try Self.keepAlive(dealer)
    try dealer.connect(options.commandEndpoint)
    self.dealer = dealer
    if let updates = options.updateEndpoint, let subscription, subscriber == nil {
      let subscriber = try Socket(context, .subscriber)
      try secure(subscriber, serverKey: \.updateServerKey)
      try subscriber.setReceiveHighWaterMark(100_000)
      try subscriber.setReconnectInterval(milliseconds: 100, maximum: 2000)
      try Self.keepAlive(subscriber)
      for prefix in Set(subscription.prefixes + [Topic.heartbeat]) { try subscriber.subscribe(prefix) }
      try subscriber.connect(updates)
      self.subscriber = subscriber
    }
  }

  /// A link cut for a while (a venue's uplink) is noticed within seconds and taken up again
  /// within a second or two of its return: ZMTP heartbeats drop a dead connection, and no
  /// connection attempt waits on the system's SYN backoff (minutes after a long outage).
  static func keepAlive(_ socket: Socket) throws {
    try socket.setHeartbeat(intervalMilliseconds: 1000, timeoutMilliseconds: 3000)
    try socket.setConnectTimeout(milliseconds: 1000)
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

  /// Makes `socket` a CURVE client of the server presenting `serverKey` when the options
  /// carry keys (before it connects).
  private func secure(_ socket: Socket, serverKey: KeyPath<CurveClientKeys, String>) throws {
    guard let curve = options.curve else { return }
    try socket.makeCurveClient(
      CurveKeyPair(publicKey: curve.publicKey, secretKey: curve.secretKey), serverKey: curve[keyPath: serverKey])
  }

  // MARK: Requests and replies

  private func send(_ id: String, _ body: [UInt8], _ purpose: Purpose, attempts: Int, at now: Date) {
    requests.sent(id: id, body: body, purpose: purpose, attempts: attempts, at: now)
    _ = try? dealer?.send([body])
  }

  /// Sends a query of the typed kind, with a fresh id.
  private func ask(_ request: Request, _ purpose: Purpose, at now: Date) {
    let id = "\(request.type)-\(UUID().uuidString.lowercased())"
    send(id, RequestEnvelope(id: id, request: request, client: options.clientName).bytes, purpose, attempts: 1, at: now)
  }

  private func receiveReplies() {
    while let dealer, let message = try? dealer.receive() {
      guard let body = message.last, let header = try? WireCoding.decode(ReplyHeader.self, from: body),
        let id = header.id, let request = requests.answered(id)
      else { continue }
      let now = Date()
      switch request.purpose {
      case .caller(let continuation):
        continuation.resume(returning: body)
      case .snapshot(let prefix):
        if let snapshot = try? WireCoding.decode(Reply.Snapshot.self, from: body) {
          follow { $0.received(snapshot, for: prefix, at: now) }
        }
      case .clock(let sentAt):
        if let reply = try? WireCoding.decode(Reply.Clock.self, from: body) {
          clock.record(sent: sentAt, daemon: reply.now, received: now)
          connection.setOffset(clock.offset)
        }
      }
    }
  }

  private func receiveUpdates() {
    while let subscriber, let message = try? subscriber.receive() {
      let now = Date()
      guard message.count == 2 else {
        subscription?.heard(at: now)
        continue
      }
      if message[0] == Array(Topic.heartbeat.utf8) {
        if let heartbeat = try? WireCoding.decode(Heartbeat.self, from: message[1]) {
          follow { $0.received(heartbeat, at: now) }
        } else {
          subscription?.heard(at: now)
        }
      } else if let update = try? WireCoding.decode(Update.self, from: message[1]) {
        follow { $0.received(update, at: now) }
      } else {
        subscription?.heard(at: now)
      }
    }
  }

  private func checkTimers(now: Date) {
    let expiry = requests.expire(at: now)
    if expiry.reopen {
      reopenDealer()
      for request in expiry.resend { _ = try? dealer?.send([request.body]) }
    }
    for request in expiry.failed {
      switch request.purpose {
      case .caller(let continuation):
        continuation.resume(
          throwing: PodiumClientError.unreachable(endpoint: options.commandEndpoint, attempts: options.attempts))
      case .snapshot:
        follow { $0.snapshotFailed(at: now) }
      case .clock:
        break
      }
    }
    follow { $0.tick(at: now) }
    if clock.due(at: now) { ask(.clock, .clock(sentAt: now), at: now) }
  }

  // MARK: The subscription's actions

  /// Feeds something to the subscription and carries out what it asks.
  private func follow(_ input: (inout Subscription) -> [Subscription.Action]) {
    guard var subscription else { return }
    let actions = input(&subscription)
    self.subscription = subscription
    for action in actions {
      switch action {
      case .askSnapshots(let prefixes):
        for prefix in prefixes { ask(.snapshot(prefix: prefix), .snapshot(prefix: prefix), at: Date()) }
      case .publish(let topic):
        view =
          topic.map { view.updating($0, from: subscription.replica, connected: subscription.connected) }
          ?? PodiumView(replica: subscription.replica, connected: subscription.connected)
        connection.publish(view)
      case .reconnect:
        subscriber?.close()
        subscriber = nil
        reopenDealer()
      }
    }
  }

  private func failEverything() {
    for request in requests.removeAll() {
      if case .caller(let continuation) = request.purpose { continuation.resume(throwing: PodiumClientError.stopped) }
    }
    for request in connection.finish() { request.continuation.resume(throwing: PodiumClientError.stopped) }
  }
}

/// The two members every reply has.
private struct ReplyHeader: Decodable {
  var type: String
  var id: String?
}
