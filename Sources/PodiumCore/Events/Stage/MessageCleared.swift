/// The speaker's message was taken off.
public struct MessageCleared: RoomEvent {
  public static let type = "messageCleared"
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
    state.updateRoom(room) { $0.message = nil }
  }
}
