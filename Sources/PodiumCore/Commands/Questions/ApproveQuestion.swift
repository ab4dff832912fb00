/// Approves a question (from pending or dismissed), with an edited text if given.
public struct ApproveQuestion: Command {
  public static let name = "approveQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionEdited.self, QuestionApproved.self]

  /// The question.
  public var question: Question.ID
  /// The edited text; nil: as asked.
  public var text: String?
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID, text: String? = nil, by: String) {
    self.question = question
    self.text = text
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", text = "text", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let found = try context.question(question)
    guard found.state == .pending || found.state == .dismissed else {
      throw CommandRejection(.notAllowedInState, "question '\(question)' is \(found.state.rawValue), not pending")
    }
    let roomId = context.room.id
    var events: [any Event] = []
    if let text, case let edited = try context.questionText(text), edited != found.text {
      events.append(QuestionEdited(room: roomId, question: question, text: edited, by: by, at: context.now))
    }
    events.append(QuestionApproved(room: roomId, question: question, by: by, at: context.now))
    return events
  }
}
