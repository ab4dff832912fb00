import Foundation

/// Fans live events out to every connected screen, and knows who is connected.
///
/// A screen follows one room (or all); the hub keeps the latest `state` event
/// per room so a screen that connects gets it at once. Each screen has a small
/// buffer that keeps the newest events: a slow browser loses stale states, never
/// slows the others.
public final class LiveHub: @unchecked Sendable {
  private struct Subscriber {
    var screen: Screen
    var continuation: AsyncStream<String>.Continuation
  }

  private let lock = NSLock()
  private var subscribers: [String: Subscriber] = [:]
  private var departed: [String: Screen] = [:]
  private var latestForRoom: [String: ServerSentEvent] = [:]
  private var latestForAll: ServerSentEvent?

  public init() {}

  /// Connects a screen; the stream yields framed events until the screen leaves.
  public func connect(
    name: String, room: String?, kind: String, now: Date = Date()
  ) -> (
    screen: Screen, events: AsyncStream<String>
  ) {
    let screen = Screen(id: UUID().uuidString.lowercased(), name: name, room: room, kind: kind, connectedAt: now)
    let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
    lock.lock()
    subscribers[screen.id] = Subscriber(screen: screen, continuation: continuation)
    let initial = room.map { latestForRoom[$0] } ?? latestForAll
    lock.unlock()
    if let initial { continuation.yield(initial.framed) }
    continuation.onTermination = { [weak self] _ in self?.disconnect(screen.id) }
    return (screen, stream)
  }

  /// Forgets a screen's connection (it stays listed as disconnected).
  public func disconnect(_ id: String) {
    lock.lock()
    if var screen = subscribers.removeValue(forKey: id)?.screen {
      screen.connected = false
      departed[id] = screen
    }
    lock.unlock()
  }

  /// Records that an event reached a screen.
  public func seen(_ id: String, at now: Date = Date()) {
    lock.lock()
    subscribers[id]?.screen.lastSeen = now
    lock.unlock()
  }

  /// Sends new states: to the screens of each room in `changed`, and to every screen
  /// that follows all rooms. Screens of a room that does not exist get `unknownRoom`.
  public func publish(changed: [String: ServerSentEvent], all: ServerSentEvent, unknownRoom: ServerSentEvent) {
    lock.lock()
    latestForRoom.merge(changed) { $1 }
    latestForAll = all
    let known = latestForRoom
    let targets = subscribers.values.map { ($0.screen.room, $0.continuation) }
    lock.unlock()
    for (room, continuation) in targets {
      guard let room else {
        continuation.yield(all.framed)
        continue
      }
      if let event = changed[room] {
        continuation.yield(event.framed)
      } else if known[room] == nil {
        continuation.yield(unknownRoom.framed)
      }
    }
  }

  /// Forgets the latest state of rooms that no longer exist.
  public func forget(roomsOtherThan rooms: Set<String>) {
    lock.lock()
    latestForRoom = latestForRoom.filter { rooms.contains($0.key) }
    lock.unlock()
  }

  /// Sends one event to every connected screen.
  public func broadcast(_ event: ServerSentEvent) {
    lock.lock()
    let targets = subscribers.values.map(\.continuation)
    lock.unlock()
    let framed = event.framed
    for continuation in targets { continuation.yield(framed) }
  }

  /// Sends one event to every screen following `room`, without keeping it for later screens.
  public func send(_ event: ServerSentEvent, toRoom room: String) {
    lock.lock()
    let targets = subscribers.values.filter { $0.screen.room == room }.map(\.continuation)
    lock.unlock()
    let framed = event.framed
    for continuation in targets { continuation.yield(framed) }
  }

  /// Sends one event to one screen; false if it is not connected.
  @discardableResult
  public func send(_ event: ServerSentEvent, to id: String) -> Bool {
    lock.lock()
    let continuation = subscribers[id]?.continuation
    lock.unlock()
    continuation?.yield(event.framed)
    return continuation != nil
  }

  /// Every screen seen, connected first, then by name.
  public var screens: [Screen] {
    lock.lock()
    defer { lock.unlock() }
    return (subscribers.values.map(\.screen) + departed.values).sorted {
      ($0.connected ? 0 : 1, $0.name, $0.id) < ($1.connected ? 0 : 1, $1.name, $1.id)
    }
  }

  /// How many screens are connected.
  public var connectedCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return subscribers.count
  }
}
