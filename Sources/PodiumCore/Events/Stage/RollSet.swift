import Foundation

/// The operator made the room roll, held it, or stopped it.
public struct RollSet: RoomEvent {
  public static let type = "rollSet"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// How the room rolls from now.
  public var mode: RollMode
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, mode: RollMode, at: Date) {
    self.room = room
    self.mode = mode
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", mode = "mode", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) { $0.roll = mode }
  }
}
