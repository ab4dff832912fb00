import Foundation

/// The room's countdown was paused.
public struct SessionPaused: RoomEvent {
  public static let type = "sessionPaused"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, at: Date) {
    self.room = room
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) { $0.timer?.pausedAt = at }
  }
}
