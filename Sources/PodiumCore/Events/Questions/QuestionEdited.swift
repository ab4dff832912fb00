import Foundation

/// A moderator edited a question's text (the old text stays in the log).
public struct QuestionEdited: QuestionEvent, ModeratedEvent {
  public static let type = "questionEdited"
  public static let topics: [TopicKind] = [.question, .room]

  /// The room it happened in.
  public var room: Room.ID
  /// The question.
  public var question: Question.ID
  /// The new text.
  public var text: String
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, text: String, by: String, at: Date) {
    self.room = room
    self.question = question
    self.text = text
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", text = "text", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateQuestion(question, in: room) { $0.text = text }
  }
}
