/// The room's warning and danger thresholds changed.
public struct ThresholdsSet: RoomEvent {
  public static let type = "thresholdsSet"
  public static let topics: [TopicKind] = [.room]

  /// The room it happened in.
  public var room: Room.ID
  /// The new thresholds.
  public var thresholds: Thresholds

  public init(room: Room.ID, thresholds: Thresholds) {
    self.room = room
    self.thresholds = thresholds
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", thresholds = "thresholds"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateRoom(room) { $0.thresholds = thresholds }
  }
}
