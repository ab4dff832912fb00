import Foundation

/// A duplicate was folded into another question…
public struct QuestionMerged: QuestionEvent, ModeratedEvent {
  public static let type = "questionMerged"
  public static let topics: [TopicKind] = [.question]

  /// The room it happened in.
  public var room: Room.ID
  /// The duplicate.
  public var question: Question.ID
  /// The question kept.
  public var into: Question.ID
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID, into: Question.ID, by: String, at: Date) {
    self.room = room
    self.question = question
    self.into = into
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", into = "into", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateQuestion(question, in: room) {
      $0.state = .merged
      $0.mergedInto = into
    }
  }
}
