/// A booth's team was set.
public struct TeamAssigned: RoomEvent {
  public static let type = "teamAssigned"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The booth.
  public var booth: Booth.ID
  /// Who works in the booth, in order.
  public var interpreters: [Interpreter.ID]

  public init(room: Room.ID, booth: Booth.ID, interpreters: [Interpreter.ID]) {
    self.room = room
    self.booth = booth
    self.interpreters = interpreters
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", booth = "booth", interpreters = "interpreters"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBooth(booth, in: room) { $0.team = interpreters }
  }
}
