/// Dismisses a question: never shown, the asker not told; off screen if it was.
public struct DismissQuestion: Command {
  public static let name = "dismissQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionHidden.self, NextQuestionSet.self, QuestionDismissed.self]

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
    let found = try context.question(question, live: true)
    if found.state == .dismissed { return [] }
    return context.offScreen(question, by: by)
      + [QuestionDismissed(room: context.room.id, question: question, by: by, at: context.now)]
  }
}
