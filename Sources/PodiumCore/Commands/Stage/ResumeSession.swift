/// Restarts a paused countdown; the pause does not count against the speaker.
public struct ResumeSession: Command {
  public static let name = "resume"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [SessionResumed.self]
  public typealias CodingKeys = NoArguments

  public init() {}

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let timer = try context.runningTimer()
    guard timer.isPaused else {
      throw CommandRejection(.notAllowedInState, "the countdown in room '\(context.room.id)' is not paused")
    }
    return [SessionResumed(room: context.room.id, at: context.now)]
  }
}
