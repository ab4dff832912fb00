/// Freezes the countdown of the session on.
public struct PauseSession: Command {
  public static let name = "pause"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [SessionPaused.self]
  public typealias CodingKeys = NoArguments

  public init() {}

  public func decide(_ context: CommandContext) throws -> [any Event] {
    let timer = try context.runningTimer()
    guard !timer.isPaused else {
      throw CommandRejection(.notAllowedInState, "the countdown in room '\(context.room.id)' is already paused")
    }
    return [SessionPaused(room: context.room.id, at: context.now)]
  }
}
