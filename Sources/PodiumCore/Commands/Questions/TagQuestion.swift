import Foundation

/// Sets a question's tags (trimmed; empty ones dropped).
public struct TagQuestion: Command {
  public static let name = "tagQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionTagged.self]
  /// How many tags a question may have.
  public static let maximumTags = 10
  /// How long a tag may be, in characters.
  public static let maximumTagLength = 30

  /// The question.
  public var question: Question.ID
  /// Its tags, at most 10 of at most 30 characters.
  public var tags: [String]
  /// The moderator, for the event log.
  public var by: String

  public init(question: Question.ID, tags: [String], by: String) {
    self.question = question
    self.tags = tags
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", tags = "tags", by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    _ = try context.question(question, live: true)
    let cleaned = tags.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    guard cleaned.count <= Self.maximumTags, cleaned.allSatisfy({ $0.count <= Self.maximumTagLength }) else {
      throw CommandRejection(
        .invalidArgument, "at most \(Self.maximumTags) tags of at most \(Self.maximumTagLength) characters",
        field: "tags")
    }
    return [QuestionTagged(room: context.room.id, question: question, tags: cleaned, by: by, at: context.now)]
  }
}
