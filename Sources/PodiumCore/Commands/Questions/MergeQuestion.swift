/// Folds a duplicate into another question: votes add up, texts stay in the log.
public struct MergeQuestion: Command {
  public static let name = "mergeQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [
    QuestionHidden.self, NextQuestionSet.self, QuestionMerged.self, VotesMerged.self,
  ]

  /// The duplicate.
  public var question: Question.ID
  /// The question to keep.
  public var into: Question.ID
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID, into: Question.ID, by: String) {
    self.question = question
    self.into = into
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", into = "into", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    _ = try context.question(question, live: true)
    let kept = try context.question(into, live: true, field: "into")
    guard question != into else {
      throw CommandRejection(.invalidArgument, "a question cannot be merged into itself", field: "into")
    }
    guard kept.state != .dismissed else {
      throw CommandRejection(.notAllowedInState, "question '\(into)' is dismissed; merge into a kept one")
    }
    let voters = context.board.voters
    let moved = (voters[question] ?? []).subtracting(voters[into] ?? []).sorted()
    let roomId = context.room.id
    return context.offScreen(question, by: by) + [
      QuestionMerged(room: roomId, question: question, into: into, by: by, at: context.now),
      VotesMerged(room: roomId, question: into, voters: moved, at: context.now),
    ]
  }
}
