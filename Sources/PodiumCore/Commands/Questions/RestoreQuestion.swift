/// Brings an answered question back to the approved ones.
public struct RestoreQuestion: Command {
  public static let name = "restoreQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionRestored.self]

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
    guard found.state == .answered else {
      throw CommandRejection(
        .notAllowedInState, "question '\(question)' is \(found.state.rawValue), not answered")
    }
    return [QuestionRestored(room: context.room.id, question: question, by: by, at: context.now)]
  }
}
