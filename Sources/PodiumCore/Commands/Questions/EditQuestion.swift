/// Edits a question's text; the old text stays in the log.
public struct EditQuestion: Command {
  public static let name = "editQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionEdited.self]

  /// The question.
  public var question: Question.ID
  /// The new text (trimmed).
  public var text: String
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID, text: String, by: String) {
    self.question = question
    self.text = text
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", text = "text", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let found = try context.question(question, live: true)
    let edited = try context.questionText(text)
    if edited == found.text { return [] }
    return [QuestionEdited(room: context.room.id, question: question, text: edited, by: by, at: context.now)]
  }
}
