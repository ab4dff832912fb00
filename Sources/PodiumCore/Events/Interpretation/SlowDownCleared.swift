/// Every slow-down request of the room was cleared.
public struct SlowDownCleared: RoomEvent {
  public static let type = "slowDownCleared"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID

  public init(room: Room.ID) {
    self.room = room
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) {
      for id in $0.interpretation.booths.keys { $0.interpretation.booths[id]?.slowDownSince = nil }
    }
  }
}
