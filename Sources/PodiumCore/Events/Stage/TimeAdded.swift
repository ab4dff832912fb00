import Foundation

/// Time was added to (or removed from) the session on now.
public struct TimeAdded: RoomEvent {
  public static let type = "timeAdded"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// Seconds added; negative when removed.
  public var seconds: TimeInterval

  public init(room: Room.ID, seconds: TimeInterval) {
    self.room = room
    self.seconds = seconds
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", seconds = "seconds"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) { $0.timer?.added += seconds }
  }
}
