/// Sets (or clears) the question to show next.
public struct SetNextQuestion: Command {
  public static let name = "setNextQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [NextQuestionSet.self]

  /// An approved question; nil: none.
  public var question: Question.ID?
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID? = nil, by: String) {
    self.question = question
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    if let question {
      guard try context.question(question).state == .approved else {
        throw CommandRejection(.notAllowedInState, "only an approved question can be next")
      }
    }
    if context.board.nextUp == question { return [] }
    return [NextQuestionSet(room: context.room.id, question: question, by: by, at: context.now)]
  }
}
