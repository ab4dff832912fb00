/// Puts an approved question on screen (door and confidence monitor), replacing the one there.
public struct ShowQuestion: Command {
  public static let name = "showQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionShown.self]

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
        .notAllowedInState, "question '\(question)' is \(found.state.rawValue); approve it before showing it")
    }
    if context.board.onScreen == question { return [] }
    return [QuestionShown(room: context.room.id, question: question, by: by, at: context.now)]
  }
}
