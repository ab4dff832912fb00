/// The audience votes for an approved question, once per device (again: nothing happens).
public struct VoteQuestion: Command {
  public static let name = "voteQuestion"
  public static let sender = Sender.audience
  public static let events: [any Event.Type] = [QuestionVoted.self]

  /// The question.
  public var question: Question.ID
  /// The voter's opaque device id.
  public var device: String

  public init(question: Question.ID, device: String) {
    self.question = question
    self.device = device
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case question = "question", device = "device"
  }

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let board = context.board
    let found = try context.question(question)
    guard found.state == .approved else {
      throw CommandRejection(.notAllowedInState, "only approved questions take votes", field: "question")
    }
    guard !board.bannedDevices.contains(device) else {
      throw CommandRejection(.notAllowedInState, "this device may not vote")
    }
    try context.requireDevice(device)
    if board.voters[question]?.contains(device) == true { return [] }
    return [QuestionVoted(room: context.room.id, question: question, device: device, at: context.now)]
  }
}
