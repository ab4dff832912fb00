import Foundation

/// A moderator starred or unstarred a question.
public struct QuestionStarred: QuestionEvent, ModeratedEvent {
  public static let type = "questionStarred"
  public static let topics: [TopicKind] = [.question]

  /// The room it happened in.
  public var room: Room.ID
  /// The question.
  public var question: Question.ID
  /// Whether it is starred now.
  public var starred: Bool
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, starred: Bool, by: String, at: Date) {
    self.room = room
    self.question = question
    self.starred = starred
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", starred = "starred", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateQuestion(question, in: room) { $0.starred = starred }
  }
}
