import Foundation

/// A moderator set a question's tags.
public struct QuestionTagged: QuestionEvent, ModeratedEvent {
  public static let type = "questionTagged"
  public static let topics: [TopicKind] = [.question]

  /// The room it happened in.
  public var room: Room.ID
  /// The question.
  public var question: Question.ID
  /// Its tags now.
  public var tags: [String]
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, tags: [String], by: String, at: Date) {
    self.room = room
    self.question = question
    self.tags = tags
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", tags = "tags", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateQuestion(question, in: room) { $0.tags = tags }
  }
}
