/// The audience asked a question (pending, held back if the blocklist matched).
public struct QuestionSubmitted: RoomEvent {
  public static let type = "questionSubmitted"
  public static let topics: [TopicKind] = [.question]

  /// The room it happened in.
  public var room: Room.ID
  /// The question as asked.
  public var question: Question

  public init(room: Room.ID, question: Question) {
    self.room = room
    self.question = question
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case room = "room", question = "question"
  }

  public var questionId: Question.ID? { question.id }

  public func apply(to state: inout ConferenceState) {
    state.updateBoard(room) { $0.questions[question.id] = question }
  }
}
