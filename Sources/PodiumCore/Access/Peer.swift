/// Who sends commands over an authenticated link: a named key with a role and, for some
/// roles, the booths or rooms it is limited to.
public struct Peer: Codable, Equatable, Sendable {
  /// What a key may do.
  public enum Role: String, Codable, Sendable, CaseIterable {
    /// Every command (the operators' CLI and control pages).
    case `operator`
    /// No commands: screens only read (snapshots, updates, the event log).
    case display
    /// Booth commands, for its own booths only.
    case booth
    /// Audience-question commands, for its own rooms only.
    case qa
  }

  public var name: String
  public var role: Role
  /// `room/booth` a booth key may act on; empty: every booth (the booth-timer plugin).
  public var booths: [String]
  /// Rooms a `qa` key may act on; empty: every room.
  public var rooms: [Room.ID]

  public init(name: String, role: Role, booths: [String] = [], rooms: [Room.ID] = []) {
    self.name = name
    self.role = role
    self.booths = booths
    self.rooms = rooms
  }
}
