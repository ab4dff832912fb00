/// Stars or unstars a question.
public struct StarQuestion: Command {
  public static let name = "starQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionStarred.self]

  /// The question.
  public var question: Question.ID
  /// Star (`true`, the default) or unstar.
  public var starred: Bool
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID, starred: Bool = true, by: String) {
    self.question = question
    self.starred = starred
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", starred = "starred", by = "by"
  }

  public init(from decoder: any Decoder) throws {
    let arguments = try decoder.container(keyedBy: CodingKeys.self)
    question = try arguments.decode(Question.ID.self, forKey: .question)
    starred = try arguments.decodeIfPresent(Bool.self, forKey: .starred) ?? true
    by = try arguments.decode(String.self, forKey: .by)
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let found = try context.question(question, live: true)
    if found.starred == starred { return [] }
    return [QuestionStarred(room: context.room.id, question: question, starred: starred, by: by, at: context.now)]
  }
}
