import Foundation

/// The question to show next was set (or cleared).
public struct NextQuestionSet: ModeratedEvent {
  public static let type = "nextQuestionSet"
  public static let topics: [TopicKind] = [.questionBoard]

  /// The room it happened in.
  public var room: Room.ID
  /// The question; nil when none is next.
  public var question: Question.ID?
  /// The moderator.
  public var by: String
  /// When it happened, by the daemon's clock.
  public var at: Date

  public init(room: Room.ID, question: Question.ID?, by: String, at: Date) {
    self.room = room
    self.question = question
    self.by = by
    self.at = at
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question", by = "by", at = "at"
  }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { $0.nextUp = question }
  }
}
