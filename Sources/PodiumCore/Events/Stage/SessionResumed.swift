import Foundation

/// The room's countdown was resumed; the pause does not count against the speaker.
public struct SessionResumed: RoomEvent {
  public static let type = "sessionResumed"
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
    state.updateRoom(room) {
      guard let pausedAt = $0.timer?.pausedAt else { return }
      $0.timer?.pausedTotal += max(0, at.timeIntervalSince(pausedAt))
      $0.timer?.pausedAt = nil
    }
  }
}
