/// Takes the question on screen off.
public struct HideQuestion: Command {
  public static let name = "hideQuestion"
  public static let sender = Sender.moderator
  public static let events: [any Event.Type] = [QuestionHidden.self]

  /// The moderator, for the event log.
  public var by: String

  public init(by: String) {
    self.by = by
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case by = "by"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    context.board.onScreen == nil ? [] : [QuestionHidden(room: context.room.id, by: by, at: context.now)]
  }
}
