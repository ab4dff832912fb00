/// Takes the message off the speaker's monitor (nothing happens when none is shown).
public struct ClearMessage: Command {
  public static let name = "clearMessage"
  public static let sender = Sender.`operator`
  public static let events: [any Event.Type] = [MessageCleared.self]
  public typealias CodingKeys = NoArguments

  public init() {}

  public func decide(_ context: CommandContext) throws -> [any Event] {
    context.roomState.message == nil ? [] : [MessageCleared(room: context.room.id)]
  }
}
