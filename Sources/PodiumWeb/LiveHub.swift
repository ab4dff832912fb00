import Foundation
import Synchronization

/// Fans live events out to every connected screen, and knows who is connected.
///
/// A screen follows one room (or all); the hub keeps the latest `state` event
/// per room so a screen that connects gets it at once. Each screen has a small
/// buffer that keeps the newest events: a slow browser loses stale states, never
/// slows the others.
public final class LiveHub: Sendable {
  private struct Subscriber {
    var screen: Screen
    var continuation: AsyncStream<String>.Continuation
  }

  /// Who is connected, who left, and the latest state per room and for all rooms.
  private struct Registry {
    var subscribers: [String: Subscriber] = [:]
    var departed: [String: Screen] = [:]
    var latestForRoom: [String: ServerSentEvent] = [:]
    var latestForAll: ServerSentEvent?
  }

  private let registry = Mutex(Registry())

  public init() {}

  /// Connects a screen; the stream yields `first` (the daemon's clock, so that the state
  /// that follows is drawn on the right clock), the latest state, then framed events until
  /// the screen leaves.
  public func connect(
    name: String, room: String?, kind: String, first: ServerSentEvent? = nil, now: Date = Date()
  ) -> (
    screen: Screen, events: AsyncStream<String>
  ) {
    let screen = Screen(id: UUID().uuidString.lowercased(), name: name, room: room, kind: kind, connectedAt: now)
    let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
    if let first { continuation.yield(first.framed) }
    let initial = registry.withLock { registry in
      registry.subscribers[screen.id] = Subscriber(screen: screen, continuation: continuation)
      return room.map { registry.latestForRoom[$0] } ?? registry.latestForAll
    }
    if let initial { continuation.yield(initial.framed) }
    continuation.onTermination = { [weak self] _ in self?.disconnect(screen.id) }
    return (screen, stream)
  }

  /// Forgets a screen's connection (it stays listed as disconnected).
  public func disconnect(_ id: String) {
    registry.withLock { registry in
      guard var screen = registry.subscribers.removeValue(forKey: id)?.screen else { return }
      screen.connected = false
      registry.departed[id] = screen
    }
  }

  /// Records that an event reached a screen.
  public func seen(_ id: String, at now: Date = Date()) {
    registry.withLock { $0.subscribers[id]?.screen.lastSeen = now }
  }

  /// Sends new states: to the screens of each room in `changed`, and to every screen
  /// that follows all rooms. Screens of a room that does not exist get `unknownRoom`.
  public func publish(changed: [String: ServerSentEvent], all: ServerSentEvent, unknownRoom: ServerSentEvent) {
    let (known, targets) = registry.withLock { registry in
      registry.latestForRoom.merge(changed) { $1 }
      registry.latestForAll = all
      return (registry.latestForRoom, registry.subscribers.values.map { ($0.screen.room, $0.continuation) })
    }
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
    registry.withLock { $0.latestForRoom = $0.latestForRoom.filter { rooms.contains($0.key) } }
  }

  /// Sends one event to every connected screen.
  public func broadcast(_ event: ServerSentEvent) {
    let targets = registry.withLock { $0.subscribers.values.map(\.continuation) }
    let framed = event.framed
    for continuation in targets { continuation.yield(framed) }
  }

  /// Sends one event to every screen following `room`, without keeping it for later screens.
  public func send(_ event: ServerSentEvent, toRoom room: String) {
    let targets = registry.withLock { $0.subscribers.values.filter { $0.screen.room == room }.map(\.continuation) }
    let framed = event.framed
    for continuation in targets { continuation.yield(framed) }
  }

  /// Sends one event to one screen; false if it is not connected.
  @discardableResult
  public func send(_ event: ServerSentEvent, to id: String) -> Bool {
    let continuation = registry.withLock { $0.subscribers[id]?.continuation }
    continuation?.yield(event.framed)
    return continuation != nil
  }

  /// Every screen seen, connected first, then by name.
  public var screens: [Screen] {
    registry.withLock { (Array($0.subscribers.values.map(\.screen)) + $0.departed.values) }.sorted {
      ($0.connected ? 0 : 1, $0.name, $0.id) < ($1.connected ? 0 : 1, $1.name, $1.id)
    }
  }

  /// How many screens are connected.
  public var connectedCount: Int {
    registry.withLock { $0.subscribers.count }
  }
}
