/// Archives an approved question as answered (off screen if it was).
public struct AnswerQuestion: Command {
  public static let name = "answerQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionHidden.self, NextQuestionSet.self, QuestionAnswered.self]

  /// The question.
  public var question: Question.ID
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID, by: String) {
    self.question = question
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let found = try context.question(question)
    guard found.state == .approved else {
      throw CommandRejection(
        .notAllowedInState, "question '\(question)' is \(found.state.rawValue), not approved")
    }
    return context.offScreen(question, by: by)
      + [QuestionAnswered(room: context.room.id, question: question, by: by, at: context.now)]
  }
}
