import Foundation

/// The room became full, or no longer is.
public struct RoomFullSet: RoomEvent {
  public static let type = "roomFullSet"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// Whether the room is full now.
  public var full: Bool
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, full: Bool, at: Date) {
    self.room = room
    self.full = full
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", full = "full", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) { $0.full = full }
  }
}
