/// Gives the floor to the session's next speaker, whose speaking slot starts.
public struct NextSpeaker: Command {
  public static let name = "nextSpeaker"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [SpeakerAdvanced.self]
  public typealias CodingKeys = NoArguments

  public init() {}

  public func decide(_ context: CommandContext) throws -> [any Event] {
    _ = try context.runningTimer()
    let speakers = context.currentLineup
    let next = context.roomState.speakerIndex + 1
    guard next < speakers.count else {
      throw CommandRejection(
        .notAllowedInState, "the last speaker of the session has the floor; there is no next speaker")
    }
    return [SpeakerAdvanced(room: context.room.id, speakerIndex: next, at: context.now)]
  }
}
