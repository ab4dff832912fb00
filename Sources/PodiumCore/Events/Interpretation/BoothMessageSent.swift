/// A message between a booth and the chief interpreter.
public struct BoothMessageSent: RoomEvent {
  public static let type = "boothMessageSent"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// The message, its sender and instant.
  public var message: BoothMessage

  public init(room: Room.ID, booth: Booth.ID, message: BoothMessage) {
    self.room = room
    self.booth = booth
    self.message = message
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", message = "message"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) { $0.messages = Array(($0.messages + [message]).suffix(BoothMessage.kept)) }
  }
}
