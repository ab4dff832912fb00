/// Takes every slow-down request of the room off the speaker's monitor.
public struct ClearSlowDown: Command {
  public static let name = "clearSlowDown"
  public static let sender = Sender.chiefInterpreter
  public static let events: [any Event.Type] = [SlowDownCleared.self]
  public typealias CodingKeys = NoArguments

  public init() {}

  public func decide(_ context: CommandContext) throws -> [any Event] {
    context.interpretation.booths.values.contains { $0.slowDownSince != nil }
      ? [SlowDownCleared(room: context.room.id)] : []
  }
}
