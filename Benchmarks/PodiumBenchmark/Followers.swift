import Foundation
import PodiumPluginKit
import PodiumProtocol
import ZeroMQ

/// Many followers on one thread, each with its own DEALER and SUB socket, each following
/// every topic by the reference client's rules (`Subscription`: snapshot, sequencing,
/// heartbeats, silence, backoff; a fresh DEALER after a timeout). What they skip is the
/// application's work: values are not decoded, so the generator is not what limits the herd.
final class Followers {
  private final class Follower {
    var subscription: Subscription
    var dealer: Socket?
    var subscriber: Socket?
    /// Snapshot requests outstanding: id → prefix, and when they time out.
    var waiting: [String: String] = [:]
    var deadline = Date.distantFuture

    init(at now: Date) {
      subscription = Subscription(prefixes: [""], silenceTimeout: 3, backoff: 0.5...8, at: now)
    }
  }

  static let requestTimeout: TimeInterval = 1.5
  private let context: Context
  private let commands: String
  private let updates: String
  private var followers: [Follower]
  private var counter = 0
  /// Snapshot requests sent, and those that timed out.
  private(set) var snapshotsAsked = 0
  private(set) var snapshotsTimedOut = 0

  init(count: Int, commands: String, updates: String) throws {
    context = try Context(ioThreads: 2)
    self.commands = commands
    self.updates = updates
    let now = Date()
    followers = (0..<count).map { _ in Follower(at: now) }
    for follower in followers { try open(follower) }
  }

  var count: Int { followers.count }

  /// How many are connected with a state at `seq` or later.
  func live(at seq: Int64) -> Int {
    followers.filter { $0.subscription.connected && $0.subscription.replica.seq >= seq }.count
  }

  /// Runs the followers for `seconds`, or until `done` says so (checked every 20 ms).
  func run(for seconds: Double, until done: (Followers) -> Bool) {
    let end = monotonic() + seconds
    var lastCheck = 0.0
    while monotonic() < end {
      var sources: [Poller.Source] = []
      var owners: [(Follower, Bool)] = []
      for follower in followers {
        if let dealer = follower.dealer {
          sources.append(.socket(dealer))
          owners.append((follower, true))
        }
        if let subscriber = follower.subscriber {
          sources.append(.socket(subscriber))
          owners.append((follower, false))
        }
      }
      let ready = (try? Poller(sources).readable(timeoutMilliseconds: 10)) ?? []
      for index in ready {
        let (follower, isDealer) = owners[index]
        if isDealer { receiveReplies(follower) } else { receiveUpdates(follower) }
      }
      let now = Date()
      for follower in followers { checkTimers(follower, at: now) }
      if monotonic() - lastCheck > 0.02 {
        lastCheck = monotonic()
        if done(self) { return }
      }
    }
  }

  func close() {
    for follower in followers {
      follower.dealer?.close()
      follower.subscriber?.close()
    }
  }

  // MARK: Sockets

  private func open(_ follower: Follower) throws {
    let dealer = try Socket(context, .dealer)
    try dealer.connect(commands)
    follower.dealer = dealer
    if follower.subscriber == nil {
      let subscriber = try Socket(context, .subscriber)
      try subscriber.setReceiveHighWaterMark(100_000)
      try subscriber.setReconnectInterval(milliseconds: 100, maximum: 2000)
      try subscriber.subscribe("")
      try subscriber.connect(updates)
      follower.subscriber = subscriber
    }
  }

  private func reopenDealer(_ follower: Follower) {
    follower.dealer?.close()
    follower.dealer = nil
    try? open(follower)
  }

  // MARK: Messages, read as little as the rules need

  private func receiveReplies(_ follower: Follower) {
    while let dealer = follower.dealer, let message = try? dealer.receive(), let body = message.last {
      guard let snapshot = Self.snapshotHeader(body), let id = snapshot.id,
        let prefix = follower.waiting.removeValue(forKey: id)
      else { continue }
      if follower.waiting.isEmpty { follower.deadline = .distantFuture }
      follow(follower) { $0.received(snapshot, for: prefix, at: Date()) }
    }
  }

  private func receiveUpdates(_ follower: Follower) {
    while let subscriber = follower.subscriber, let message = try? subscriber.receive() {
      let now = Date()
      if message.count == 2, message[0] == Self.heartbeatTopic,
        let heartbeat = try? WireCoding.decode(Heartbeat.self, from: message[1])
      {
        follow(follower) { $0.received(heartbeat, at: now) }
      } else if message.count == 2, let update = Self.updateHeader(message[1]) {
        follow(follower) { $0.received(update, at: now) }
      } else {
        follower.subscription.heard(at: now)
      }
    }
  }

  private func checkTimers(_ follower: Follower, at now: Date) {
    if now >= follower.deadline {
      follower.waiting = [:]
      follower.deadline = .distantFuture
      snapshotsTimedOut += 1
      reopenDealer(follower)  // a reply may never come on the old socket
      follow(follower) { $0.snapshotFailed(at: now) }
    }
    follow(follower) { $0.tick(at: now) }
  }

  private func follow(_ follower: Follower, _ input: (inout Subscription) -> [Subscription.Action]) {
    for action in input(&follower.subscription) {
      switch action {
      case .askSnapshots(let prefixes):
        for prefix in prefixes {
          counter += 1
          let id = "snapshot-\(counter)"
          follower.waiting[id] = prefix
          snapshotsAsked += 1
          _ = try? follower.dealer?.send(
            [Array(#"{"type":"snapshot","id":"\#(id)","prefix":"\#(prefix)"}"#.utf8)])
        }
        follower.deadline = Date().addingTimeInterval(Self.requestTimeout)
      case .publish:
        break
      case .reconnect:
        follower.subscriber?.close()
        follower.subscriber = nil
        reopenDealer(follower)
      }
    }
  }

  private static let heartbeatTopic = Array(Topic.heartbeat.utf8)

  /// A snapshot reply without its entries (its values are not needed to follow the sequence).
  static func snapshotHeader(_ body: [UInt8]) -> Reply.Snapshot? {
    let marker = Array(#""heads":"#.utf8)
    guard let start = lastIndex(of: marker, in: body) else { return nil }
    return try? WireCoding.decode(
      Reply.Snapshot.self, from: Array(#"{"entries":[],"#.utf8) + body[start...])
  }

  /// An update with its value left out (`null`).
  static func updateHeader(_ body: [UInt8]) -> Update? {
    let marker = Array(#","value":"#.utf8)
    guard let end = body.firstRange(of: marker)?.lowerBound else { return nil }
    return try? WireCoding.decode(Update.self, from: Array(body[..<end]) + Array(#","value":null}"#.utf8))
  }

  /// Where `marker` last occurs in `body` (the standard library searches forwards only).
  private static func lastIndex(of marker: [UInt8], in body: [UInt8]) -> Int? {
    guard body.count >= marker.count else { return nil }
    for index in stride(from: body.count - marker.count, through: 0, by: -1) where body[index] == marker[0] {
      if body[index..<(index + marker.count)].elementsEqual(marker) { return index }
    }
    return nil
  }
}
