import Foundation

/// The question on screen was taken off.
public struct QuestionHidden: ModeratedEvent {
  public static let type = "questionHidden"
  public static let topics: [TopicKind] = [.room, .questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, by: String, at: Date) {
    self.room = room
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { $0.onScreen = nil }
  }
}
