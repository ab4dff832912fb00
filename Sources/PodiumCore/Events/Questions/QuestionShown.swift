import Foundation

/// A moderator put an approved question on screen (door and confidence monitor).
public struct QuestionShown: ModeratedEvent {
  public static let type = "questionShown"
  public static let topics: [TopicKind] = [.room, .questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// The question.
  public var question: Question.ID
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, by: String, at: Date) {
    self.room = room
    self.question = question
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) {
      $0.onScreen = question
      if $0.nextUp == question { $0.nextUp = nil }
    }
  }
}
