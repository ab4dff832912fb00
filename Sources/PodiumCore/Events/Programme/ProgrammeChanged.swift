/// A room's own definition or its sessions changed with a new programme.
public struct ProgrammeChanged: RoomEvent {
  public static let type = "programmeChanged"
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
    state.updateRoom(room) { _ in }
  }
}
