/// The conference definition came into force (at start, or after a schedule change).
public struct ConferenceLoaded: Event {
  public static let type = "conferenceLoaded"
  public static let topics: [TopicKind] = [.conference]

  /// The programme now in force.
  public var conference: Conference

  public init(conference: Conference) {
    self.conference = conference
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case conference = "conference"
  }

  public var roomId: Room.ID? { nil }

  public func apply(to state: inout ConferenceState) {
    state.conference = conference
    for room in conference.rooms where state.rooms[room.id] == nil {
      state.rooms[room.id] = RoomState(roomId: room.id)
    }
  }
}
