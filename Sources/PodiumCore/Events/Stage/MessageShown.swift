/// A message was put on the speaker's confidence monitor.
public struct MessageShown: RoomEvent {
  public static let type = "messageShown"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The message.
  public var message: SpeakerMessage

  public init(room: Room.ID, message: SpeakerMessage) {
    self.room = room
    self.message = message
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", message = "message"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) { $0.message = message }
  }
}
