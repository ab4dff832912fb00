import Foundation

/// A browser showing one of a plugin's pages: a door screen, a monitor, a console.
public struct Screen: Codable, Equatable, Sendable {
  /// Unique per connection.
  public var id: String
  /// The name the screen gave (`?name=`), or one it was given.
  public var name: String
  /// The room it shows, if it shows one.
  public var room: String?
  /// What it shows, e.g. `door`, `monitor`, `lobby`, `control`.
  public var kind: String
  /// When it connected.
  public var connectedAt: Date
  /// When an event last reached it.
  public var lastSeen: Date
  /// Whether its live connection is open.
  public var connected: Bool

  public init(id: String, name: String, room: String?, kind: String, connectedAt: Date) {
    self.id = id
    self.name = name
    self.room = room
    self.kind = kind
    self.connectedAt = connectedAt
    self.lastSeen = connectedAt
    self.connected = true
  }
}
