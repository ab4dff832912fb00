import Foundation

/// A question was archived as answered.
public struct QuestionAnswered: QuestionEvent, ModeratedEvent {
  public static let type = "questionAnswered"
  public static let topics: [TopicKind] = [.question]

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
    state.updateQuestion(question, in: room) { $0.state = .answered }
  }
}
